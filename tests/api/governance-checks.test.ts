/**
 * Checklist criteria the server answers itself: "No document overdue for review" is NOT MET while
 * one of the project's documents (not superseded) was due for review before the day, whatever a
 * person answers, so a go waits until the document is reviewed. And the governance board's
 * filters: RAG, manager and text narrow the cards, in pages whose total and per-state counts are
 * every matching project's.
 */
import { documentInState, type DocumentState } from '../helpers/documents';
import { asRole, getStrapi, uniqueCode } from '../helpers/strapi';
import { addDays, person, project, standard, statusReport, today } from './governance-fixtures';

const DOCUMENT = 'api::document.document';
const CRITERION = 'No document overdue for review.';

/** A document of the project reviewed `daysAgo` days ago on a 30-day cycle (due 30 days after). */
async function document(of: { documentId: string }, title: string, daysAgo: number, status: DocumentState = 'approved') {
  return documentInState(status, {
    title,
    documentType: 'project-brief',
    project: of.documentId,
    reviewCycleDays: 30,
    lastReviewedAt: addDays(today(), -daysAgo),
    approvedAt: `${addDays(today(), -daysAgo)}T09:00:00.000Z`,
  }) as Promise<{ documentId: string }>;
}

let std: { code: string };
beforeAll(async () => {
  std = await standard({
    appliesToStates: ['initiating'],
    mandatory: true,
    checklist: [
      { text: CRITERION, mustMeet: true },
      { text: 'Options appraised', mustMeet: false },
    ],
  });
});

async function scheduled(of: { documentId: string }) {
  const manager = await asRole('pmo-manager');
  const res = await manager.post('/pmo/gate-reviews').send({ project: of.documentId, gate: 1 });
  expect(res.status).toBe(201);
  return { manager, review: res.body };
}

const criterionOf = (review: { checklist: Array<{ key: string; met: string | null; notes: string | null; automatic?: boolean }> }) =>
  review.checklist.find((item) => item.key === `${std.code}#1`)!;

describe('the criterion "No document overdue for review"', () => {
  it('is NOT MET while the project brief is overdue for review, and a go is refused even when answered yes', async () => {
    const p = await project();
    await document(p, 'Project brief', 100); // due 70 days ago
    await document(p, 'Old brief', 200, 'superseded'); // overdue too, but superseded: not counted
    await document(p, 'Risk register', 10); // due in 20 days
    const { manager, review } = await scheduled(p);

    const read = await manager.get(`/pmo/gate-reviews/${review.documentId}`);
    expect(criterionOf(read.body)).toMatchObject({ met: 'no', automatic: true });
    expect(criterionOf(read.body).notes).toContain('1 document overdue for review');
    expect(criterionOf(read.body).notes).toContain('Project brief (due ');
    expect(criterionOf(read.body).notes).not.toContain('Old brief');
    expect(criterionOf(read.body).notes).not.toContain('Risk register');

    const answers = read.body.checklist.map((item: { key: string }) => ({ key: item.key, met: 'yes' }));
    const go = await manager.put(`/pmo/gate-reviews/${review.documentId}`).send({ decision: 'go', checklist: answers });
    expect(go.status).toBe(422);
    expect(go.body.error.message).toContain(`"${CRITERION}", ${std.code} criterion 1`);
    expect(go.body.error.details.criteria).toContain(`${std.code}#1`);

    // Once the brief is reviewed, the criterion is met and the go is recorded with it.
    const brief = await getStrapi().documents(DOCUMENT as any).findFirst({ filters: { project: { documentId: p.documentId }, title: 'Project brief' } } as any);
    await getStrapi().documents(DOCUMENT as any).update({ documentId: brief!.documentId, data: { lastReviewedAt: today() } as any });
    const again = await manager.put(`/pmo/gate-reviews/${review.documentId}`).send({ decision: 'go', checklist: answers });
    expect(again.status).toBe(200);
    expect(criterionOf(again.body)).toMatchObject({ met: 'yes', automatic: true });
  });

  it('records NOT MET when the review is held, even if the answer sent was yes and the decision is hold', async () => {
    const p = await project();
    await document(p, 'Project brief', 45);
    const { manager, review } = await scheduled(p);
    const held = await manager
      .put(`/pmo/gate-reviews/${review.documentId}`)
      .send({ decision: 'hold', checklist: [{ key: `${std.code}#1`, met: 'yes' }] });
    expect(held.status).toBe(200);
    expect(criterionOf(held.body)).toMatchObject({ met: 'no', automatic: true });
    const stored = await getStrapi().db.query('plugin::pmo.gate-review').findOne({ where: { documentId: review.documentId } });
    expect((stored.checklist as Array<{ key: string; met: string }>).find((item) => item.key === `${std.code}#1`)!.met).toBe('no');
  });

  it('is MET when no document of the project is overdue (a superseded one does not count)', async () => {
    const p = await project();
    await document(p, 'Superseded brief', 200, 'superseded');
    await document(p, 'Current brief', 5);
    const { manager, review } = await scheduled(p);
    const read = await manager.get(`/pmo/gate-reviews/${review.documentId}`);
    expect(criterionOf(read.body)).toMatchObject({ met: 'yes', automatic: true });
    // Criteria a person answers stay unanswered until they do.
    expect(read.body.checklist.find((item: { key: string }) => item.key === `${std.code}#2`)).toMatchObject({ met: null });
    expect(read.body.checklist.find((item: { key: string }) => item.key === `${std.code}#2`).automatic).toBeUndefined();
  });
});

describe('GET /pmo/governance/board filters', () => {
  it('narrows by RAG, manager and text together, and names the manager filtered by', async () => {
    const tag = uniqueCode('FLT');
    const ada = await person(`ada.${tag.toLowerCase()}@test.pmo`, `Ada ${tag}`);
    const ben = await person(`ben.${tag.toLowerCase()}@test.pmo`, `Ben ${tag}`);
    const red = await project({ name: `Red ${tag} harbour`, manager: ada.documentId });
    await statusReport(red, '2026-04-01', 'red');
    const green = await project({ name: `Green ${tag} quay`, manager: ben.documentId });
    await statusReport(green, '2026-04-01', 'green');
    const unreported = await project({ name: `Quiet ${tag} pier`, manager: ada.documentId });
    // Red in March, green since April: the board goes by the latest report only.
    const turned = await project({ name: `Turned ${tag} dock`, manager: ben.documentId });
    await statusReport(turned, '2026-04-01', 'green');
    await statusReport(turned, '2026-03-01', 'red');
    const analyst = await asRole('pmo-analyst');
    const codes = async (params: string) => {
      const res = await analyst.get(`/pmo/governance/board?q=${encodeURIComponent(tag)}${params}`);
      expect(res.status).toBe(200);
      return res.body.projects.map((card: { code: string }) => card.code).sort();
    };

    expect(await codes('')).toEqual([red.code, green.code, unreported.code, turned.code].sort());
    expect(await codes('&rag=red')).toEqual([red.code]);
    expect(await codes('&rag=green')).toEqual([green.code, turned.code].sort());
    expect(await codes('&rag=none')).toEqual([unreported.code]);
    expect(await codes(`&manager=${ada.documentId}`)).toEqual([red.code, unreported.code].sort());
    expect(await codes(`&manager=${ada.documentId}&rag=green`)).toEqual([]);
    // Text matches the code or the name, whatever the case.
    const byName = await analyst.get(`/pmo/governance/board?q=${encodeURIComponent(`quay`)}`);
    expect(byName.body.projects.map((card: { code: string }) => card.code)).toContain(green.code);
    expect(byName.body.projects.map((card: { code: string }) => card.code)).not.toContain(red.code);
    const byCode = await analyst.get(`/pmo/governance/board?q=${encodeURIComponent(red.code.toLowerCase())}`);
    expect(byCode.body.projects.map((card: { code: string }) => card.code)).toEqual([red.code]);

    const byAda = await analyst.get(`/pmo/governance/board?manager=${ada.documentId}`);
    expect(byAda.body.manager).toEqual({ documentId: ada.documentId, fullName: `Ada ${tag}`, email: `ada.${tag.toLowerCase()}@test.pmo` });
    expect(byAda.body.pagination).toEqual({ page: 1, pageSize: 50, total: 2 });

    const bad = await analyst.get('/pmo/governance/board?rag=purple');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['rag'], message: 'Choose a RAG status: green, amber, red or none' });
  });

  it('answers a page at a time: page 2 holds the next cards, the total and the counts per state are every match', async () => {
    const tag = uniqueCode('PGE');
    const made = [];
    for (let n = 0; n < 5; n += 1) made.push(await project({ name: `Paged ${tag} ${n}` }));
    const codes = made.map((p) => p.code).sort();
    const analyst = await asRole('pmo-analyst');
    const page = (params: string) => analyst.get(`/pmo/governance/board?q=${encodeURIComponent(tag)}${params}`);

    const first = await page('&pageSize=2');
    const second = await page('&pageSize=2&page=2');
    const last = await page('&pageSize=2&page=3');
    const beyond = await page('&pageSize=2&page=4');
    for (const res of [first, second, last, beyond]) expect(res.status).toBe(200);
    const cardsOf = (res: { body: { projects: Array<{ code: string }> } }) => res.body.projects.map((card) => card.code);
    expect([cardsOf(first), cardsOf(second), cardsOf(last), cardsOf(beyond)]).toEqual([codes.slice(0, 2), codes.slice(2, 4), codes.slice(4), []]);
    expect(second.body.pagination).toEqual({ page: 2, pageSize: 2, total: 5 });
    // New projects stand in the lifecycle's first state: the column counts all five, not the page's two.
    expect(first.body.counts).toEqual({ proposed: 5 });
    // By name ("Paged … 0" to "… 4", made in that order).
    expect(cardsOf(await page('&sort=name&pageSize=100'))).toEqual(made.map((p) => p.code));

    const tooBig = await page('&pageSize=101');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.details.errors[0]).toMatchObject({ path: ['pageSize'], message: 'The page size must be a whole number from 1 to 100' });
    expect((await page('&page=0')).status).toBe(400);
    expect((await page('&sort=colour')).status).toBe(400);
  });
});
