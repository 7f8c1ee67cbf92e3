/**
 * Races across instances: two PMO Hub instances behind nginx on one PostgreSQL database
 * (npm run cluster). The single-instance guarantees hold when the requests are spread over both:
 * of 50 identical transitions exactly one applies (49 × 409, one history event); 20 change
 * requests raised at once are numbered without gap or duplicate; change-board votes arriving at
 * both instances at once apply the step exactly when the quorum is reached.
 */
import { asAdmin, asCapability, asRole, getStrapi, uniqueCode } from '../helpers/strapi';
import { EMAILS, minor, person, project, raise } from '../api/change-control-fixtures';
import { as, startTestCluster, upstreamsOf, type Cluster } from './cluster';

const PROJECT = 'api::project.project';
const CHANGE = 'plugin::pmo.change-request';
const EVENT = 'plugin::pmo.transition-event';

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startTestCluster();
});

afterAll(async () => {
  const exits = await cluster?.stop();
  // Every instance stopped on SIGTERM exits 0 (graceful shutdown).
  expect(exits?.map((exit) => exit.code)).toEqual([0, 0]);
});

const applied = (documentId: string) => getStrapi().db.query(EVENT as any).count({ where: { targetDocumentId: documentId, kind: 'applied' } });

async function proposedProject() {
  const strapi = getStrapi();
  const created = await strapi.documents(PROJECT).create({ data: { name: 'Cluster race', code: uniqueCode('CLR') } as any });
  for (const gate of [1, 2, 3, 4]) {
    await asCapability('governance', () =>
      strapi.documents('plugin::pmo.gate-review' as any).create({ data: { project: created.documentId, gate, decision: 'go', heldDate: '2026-01-15' } as any })
    );
  }
  await strapi.documents('api::budget-line.budget-line').create({ data: { project: created.documentId, period: '2026-01-01', category: 'labour', amount: '1000000' } as any });
  return created.documentId;
}

describe('through nginx, over both instances', () => {
  it('applies exactly one of 50 identical transitions; the 49 others get 409 and one history event is written', async () => {
    const documentId = await proposedProject();
    const manager = as(cluster.url, (await asRole('pmo-manager')).token);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => manager.post('/pmo/transitions').send({ uid: PROJECT, documentId, transition: 'gate-1', expectedVersion: 1 }))
    );
    const statuses = responses.map((res) => res.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(await applied(documentId)).toBe(1);
    expect((await getStrapi().documents(PROJECT).findOne({ documentId }))!.workflowState).toBe('initiating');
    // nginx spread them: both instances answered some.
    expect(upstreamsOf(cluster, '/pmo/transitions')).toEqual(new Set(cluster.instances.map((instance) => instance.port)));
  });

  it('numbers 20 change requests raised at once without a gap or a duplicate', async () => {
    await person(EMAILS.raiser, 'Rita Raiser');
    const raiser = as(cluster.url, (await asAdmin(EMAILS.raiser, ['project-manager'])).token);
    const p = await project();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        raiser.post('/pmo/change-requests').send({
          project: p.documentId,
          title: `Cluster change ${n + 1}`,
          type: 'normal',
          impact: { cost: minor('10.00'), scheduleDays: 1 },
        })
      )
    );
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(201));
    const references = responses.map((res) => res.body.reference as string).sort();
    expect(references).toEqual(Array.from({ length: 20 }, (_, n) => `CR-${p.code}-${String(n + 1).padStart(3, '0')}`));
    const stored = await getStrapi().db.query(CHANGE as any).findMany({ where: { project: { documentId: p.documentId } }, select: ['reference'] });
    expect(stored.map((row: { reference: string }) => row.reference).sort()).toEqual(references);
    expect(upstreamsOf(cluster, '/pmo/change-requests').size).toBe(2);
  });

  it('applies a change-board authorisation exactly when its quorum of two is reached, votes arriving at both instances at once', async () => {
    await person(EMAILS.raiser, 'Rita Raiser');
    const raiser = await asAdmin(EMAILS.raiser, ['project-manager']);
    const analyst = await asRole('pmo-analyst');
    const boards = await Promise.all(
      ['cl.board1@test.pmo', 'cl.board2@test.pmo', 'cl.board3@test.pmo'].map(async (email, n) => {
        await person(email, `Board ${n + 1}`);
        return (await asAdmin(email, ['change-board'])).token;
      })
    );
    const [first, second] = cluster.instances;
    for (let round = 0; round < 4; round += 1) {
      const p = await project({ bac: '100.00' }); // 250.00 is above tolerance: the change board decides
      const cr = await raise(p, { cost: '250.00' });
      const fire = (base: string, token: string, transition: string) =>
        as(base, token).post('/pmo/transitions').send({ uid: CHANGE, documentId: cr.documentId, transition });
      expect((await fire(cluster.url, raiser.token, 'submit')).status).toBe(200);
      expect((await fire(cluster.url, analyst.token, 'recommend')).status).toBe(200);

      // Two members vote at the same moment, one at each instance. Of two votes on one version one
      // may be refused (409, "someone acted on this item at the same moment; try again"): its member
      // tries again, as told. In the end one vote is recorded (202) and the other reaches the quorum (200).
      const vote = async (base: string, token: string) => {
        let res = await fire(base, token, 'authorize');
        for (let retry = 0; res.status === 409 && retry < 3; retry += 1) res = await fire(base, token, 'authorize');
        return res;
      };
      const votes = await Promise.all([vote(first.url, boards[0]), vote(second.url, boards[1])]);
      expect(votes.map((res) => res.status).sort()).toEqual([200, 202]);
      expect(await applied(cr.documentId)).toBe(3);
      const row = await getStrapi().db.query(CHANGE as any).findOne({ where: { documentId: cr.documentId } });
      expect(row.workflowState).toBe('scheduled');
      const events = await getStrapi().db.query(EVENT as any).findMany({ where: { targetDocumentId: cr.documentId, transition: 'authorize' }, orderBy: [{ id: 'asc' }] });
      // One vote, then the step applied with both votes: never applied on one vote, never twice.
      expect(events.map((event: { kind: string }) => event.kind)).toEqual(['vote', 'applied']);
      expect(events[1].votes).toHaveLength(2);

      // A third vote arriving late changes nothing.
      const late = await fire(round % 2 ? first.url : second.url, boards[2], 'authorize');
      expect(late.status).toBe(409);
      expect(await applied(cr.documentId)).toBe(3);
    }
  });
});

