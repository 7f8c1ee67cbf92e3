/**
 * Optimistic concurrency: the state change is one conditional update on the instance's version,
 * so of many concurrent requests exactly one applies (on SQLite and on PostgreSQL).
 */
import { asCapability, asRole, getStrapi, uniqueCode } from '../helpers/strapi';

const PROJECT = 'api::project.project';

async function projectIn(state: 'proposed' | 'executing') {
  const strapi = getStrapi();
  const project = await strapi.documents(PROJECT).create({ data: { name: 'Race', code: uniqueCode('RACE') } as any });
  // Governance guards every gate with its review, and gate 3 with a baselined budget.
  for (const gate of [1, 2, 3, 4]) {
    await asCapability('governance', () =>
      strapi.documents('plugin::pmo.gate-review').create({
        data: { project: project.documentId, gate, decision: 'go', heldDate: '2026-01-15' } as any,
      })
    );
  }
  await strapi.documents('api::budget-line.budget-line').create({
    data: { project: project.documentId, period: '2026-01-01', category: 'labour', amount: '1000000' } as any,
  });
  if (state === 'executing') {
    const manager = await asRole('pmo-manager');
    for (const gate of ['gate-1', 'gate-2', 'gate-3']) {
      const res = await manager.post('/pmo/transitions').send({ uid: PROJECT, documentId: project.documentId, transition: gate });
      expect(res.status).toBe(200);
    }
  }
  return project.documentId;
}

async function appliedEvents(documentId: string) {
  return getStrapi().db.query('plugin::pmo.transition-event').count({ where: { targetDocumentId: documentId, kind: 'applied' } });
}

describe('concurrent transitions', () => {
  it('applies exactly one of 50 concurrent identical requests; the other 49 get 409', async () => {
    const documentId = await projectIn('proposed');
    const manager = await asRole('pmo-manager');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        manager.post('/pmo/transitions').send({ uid: PROJECT, documentId, transition: 'gate-1', expectedVersion: 1 })
      )
    );
    const statuses = responses.map((res) => res.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(await appliedEvents(documentId)).toBe(1);
    const project = await getStrapi().documents(PROJECT).findOne({ documentId });
    expect(project!.workflowState).toBe('initiating');
  });

  it('applies exactly one of 50 concurrent identical requests without expectedVersion', async () => {
    const documentId = await projectIn('proposed');
    const manager = await asRole('pmo-manager');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => manager.post('/pmo/transitions').send({ uid: PROJECT, documentId, transition: 'gate-1' }))
    );
    expect(responses.filter((res) => res.status === 200)).toHaveLength(1);
    expect(responses.filter((res) => res.status === 409)).toHaveLength(49);
    expect(await appliedEvents(documentId)).toBe(1);
  });

  it('lets only one of two different transitions racing from the same state apply', async () => {
    const documentId = await projectIn('executing');
    const manager = await asRole('pmo-manager');
    const director = await asRole('pmo-director');
    const before = await appliedEvents(documentId);
    const [gate, hold] = await Promise.all([
      manager.post('/pmo/transitions').send({ uid: PROJECT, documentId, transition: 'gate-4', expectedVersion: 4 }),
      director.post('/pmo/transitions').send({ uid: PROJECT, documentId, transition: 'hold', comment: 'Funding review', expectedVersion: 4 }),
    ]);
    expect([gate.status, hold.status].sort()).toEqual([200, 409]);
    expect(await appliedEvents(documentId)).toBe(before + 1);
    const winner = gate.status === 200 ? 'closing' : 'on-hold';
    expect((await getStrapi().documents(PROJECT).findOne({ documentId }))!.workflowState).toBe(winner);
  });
});
