/**
 * The roll-ups on a fixed data set: the 5 × 5 heat map of open risks (current and residual) for a
 * project, a programme and a portfolio, counted independently here from the data set; top risks,
 * open issues by priority and the exposure per programme through the `raid` service; the route's
 * 400s in the one error shape, and its answer within the caller's read right.
 */
import { getStrapi, asRole, asAdmin, ensureAdminUser } from '../helpers/strapi';
import { RISK, cm, expectInvalid, issue, portfolio, programme, project, risk, type Doc } from './raid-fixtures';

type Spec = { holder: 'A1' | 'A2' | 'A' | 'B1' | 'X'; p: number; i: number; rp?: number; ri?: number; status?: string; title?: string };

/** The data set: programme A (projects A1, A2) and B (project B1) in one portfolio; X outside it. */
const RISKS: Spec[] = [
  { holder: 'A1', p: 3, i: 4, rp: 2, ri: 2, title: 'Key engineer leaves' },
  { holder: 'A1', p: 5, i: 5, title: 'Vendor insolvency' },
  { holder: 'A1', p: 1, i: 1, status: 'closed' },
  { holder: 'A1', p: 3, i: 4, rp: 1, ri: 3 },
  { holder: 'A1', p: 2, i: 2, rp: 2 }, // residual impact not assessed: counts at its current cell
  { holder: 'A2', p: 2, i: 5, rp: 2, ri: 2 },
  { holder: 'A', p: 4, i: 4, rp: 2, ri: 3, title: 'Benefits slip' },
  { holder: 'B1', p: 5, i: 5, rp: 1, ri: 1 },
  { holder: 'B1', p: 2, i: 2 },
  { holder: 'X', p: 5, i: 5 },
];

const INSIDE: Record<string, Array<Spec['holder']>> = {
  A1: ['A1'],
  A: ['A1', 'A2', 'A'],
  PF: ['A1', 'A2', 'A', 'B1'],
};

/** The expected cells, counted from the data set. */
function expected(holders: Array<Spec['holder']>, residual: boolean) {
  const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  for (const spec of RISKS.filter((r) => holders.includes(r.holder) && r.status !== 'closed')) {
    const assessed = residual && spec.rp !== undefined && spec.ri !== undefined;
    cells[(assessed ? spec.rp! : spec.p) - 1][(assessed ? spec.ri! : spec.i) - 1] += 1;
  }
  return cells;
}

let pf: Doc;
const holders: Record<string, Doc> = {};
const service = () => getStrapi().plugin('pmo').service('raid') as any;
const idOf = async (uid: string, documentId: string) => (await getStrapi().db.query(uid as any).findOne({ where: { documentId } })).id as number;

beforeAll(async () => {
  pf = await portfolio();
  holders.A = await programme({ portfolio: pf.documentId });
  holders.B = await programme({ portfolio: pf.documentId });
  holders.A1 = await project({ programme: holders.A.documentId, riskTolerance: 12 });
  holders.A2 = await project({ programme: holders.A.documentId, riskTolerance: 8 });
  holders.B1 = await project({ programme: holders.B.documentId });
  holders.X = await project();
  for (const spec of RISKS) {
    const holder: Record<string, string> = spec.holder === 'A' ? { programme: holders.A.documentId } : { project: holders[spec.holder].documentId };
    await risk(holder, {
      title: spec.title ?? `Risk ${spec.p}×${spec.i}`,
      probability: spec.p,
      impact: spec.i,
      residualProbability: spec.rp ?? null,
      residualImpact: spec.ri ?? null,
      status: spec.status ?? 'open',
    });
  }
  for (const [holder, priority, status] of [
    ['A1', 'critical', 'open'],
    ['A1', 'high', 'open'],
    ['A1', 'high', 'resolved'],
    ['A2', 'low', 'open'],
    ['B1', 'critical', 'open'],
    ['X', 'critical', 'open'],
  ] as const) {
    await issue({ project: holders[holder].documentId }, { priority, status, title: `${priority} issue of ${holder}` });
  }
  await issue({ programme: holders.A.documentId }, { priority: 'medium', title: 'Programme issue' });
});

const heatmap = async (query: string) => {
  const res = await (await asRole('pmo-analyst')).get(`/pmo/raid/heatmap?${query}`);
  expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
  return res.body;
};

describe('GET /pmo/raid/heatmap', () => {
  it.each([
    ['project', 'A1'],
    ['programme', 'A'],
    ['portfolio', 'PF'],
  ])('counts the open risks of a %s in their cells, current and residual', async (scope, key) => {
    const documentId = key === 'PF' ? pf.documentId : holders[key].documentId;
    expect(await heatmap(`scope=${scope}&documentId=${documentId}`)).toEqual({ cells: expected(INSIDE[key], false) });
    expect(await heatmap(`scope=${scope}&documentId=${documentId}&residual=1`)).toEqual({ cells: expected(INSIDE[key], true) });
    expect(await heatmap(`scope=${scope}&documentId=${documentId}&residual=0`)).toEqual({ cells: expected(INSIDE[key], false) });
  });

  it('holds exactly these counts for programme A (a check on the counting above)', async () => {
    const { cells } = await heatmap(`scope=programme&documentId=${holders.A.code}`);
    expect(cells[2][3]).toBe(2); // two risks at probability 3, impact 4
    expect(cells[4][4]).toBe(1);
    expect(cells.flat().reduce((a: number, b: number) => a + b, 0)).toBe(6);
    const residual = (await heatmap(`scope=programme&documentId=${holders.A.documentId}&residual=1`)).cells;
    expect([residual[1][1], residual[0][2], residual[1][2], residual[4][4]]).toEqual([3, 1, 1, 1]);
  });

  it.each([
    ['scope=galaxy&documentId=x', ['scope'], 'The scope must be project, programme or portfolio, not "galaxy"'],
    ['scope=project', ['documentId'], 'Choose the project whose heat map to show'],
    ['scope=programme&documentId=NOPE-1', ['documentId'], 'Choose a programme: there is none with the code "NOPE-1"'],
    ['scope=portfolio&residual=yes', ['residual'], 'Residual must be 1 (the scores after the responses) or 0 (the current scores), not "yes"'],
    ['scope=portfolio&colour=red', ['colour'], /colour/],
    ['scope=project&scope=programme&documentId=x', ['scope'], /scope must be given once/i],
  ])('refuses ?%s with a 400 naming the parameter', async (query, path, message) => {
    expectInvalid(await (await asRole('pmo-manager')).get(`/pmo/raid/heatmap?${query}`), path, message);
  });

  it('answers 403 to a user who may not read risks, in words', async () => {
    const role = await (getStrapi().service('admin::role') as any).create({ name: 'Registers-blind', code: 'registers-blind', description: 'No rights' });
    await ensureAdminUser('blind@test.pmo', [role.code]);
    const res = await (await asAdmin('blind@test.pmo', [role.code])).get(`/pmo/raid/heatmap?scope=portfolio&documentId=${pf.documentId}`);
    expect([res.status, res.body.error?.message]).toEqual([403, 'You may not read risks']);
  });

  it('counts only the risks the caller may read when their read right has a condition', async () => {
    const role = await (getStrapi().service('admin::role') as any).create({ name: 'Own risks only', code: 'own-risks', description: 'Reads the risks they created' });
    const read = { subject: RISK, properties: { fields: null }, conditions: ['admin::is-creator'] };
    await (getStrapi().service('admin::role') as any).assignPermissions(role.id, [
      { action: 'plugin::content-manager.explorer.read', ...read },
      { action: 'plugin::content-manager.explorer.create', subject: RISK, properties: { fields: null }, conditions: [] },
    ]);
    const agent = await asAdmin('own.risks@test.pmo', [role.code]);
    const mine = await agent.post(cm(RISK)).send({
      title: 'Mine',
      type: 'threat',
      probability: 4,
      impact: 2,
      project: { connect: [{ documentId: holders.A1.documentId }], disconnect: [] },
    });
    expect(mine.status).toBe(201);
    const res = await agent.get(`/pmo/raid/heatmap?scope=project&documentId=${holders.A1.documentId}`);
    const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    cells[3][1] = 1;
    expect([res.status, res.body.cells]).toEqual([200, cells]);
    // Everyone else sees it among the others; it goes with this test.
    expect((await heatmap(`scope=project&documentId=${holders.A1.documentId}`)).cells[3][1]).toBe(1);
    await getStrapi().documents(RISK as any).delete({ documentId: mine.body.data.documentId });
  });
});

describe('the raid service (what the dashboard reads)', () => {
  it('ranks the top risks by score, with their holders, tolerance and residual score', async () => {
    const scope = { projectIds: [await idOf('api::project.project', holders.A1.documentId), await idOf('api::project.project', holders.A2.documentId)], programmeIds: [await idOf('api::programme.programme', holders.A.documentId)] };
    const top = await service().topRisks(scope, { limit: 3 });
    expect(top.map((r: any) => [r.title, r.score, r.residualScore, r.project?.code ?? null, r.programme?.code ?? null, r.aboveTolerance])).toEqual([
      ['Vendor insolvency', 25, null, holders.A1.code, holders.A.code, true],
      ['Benefits slip', 16, 6, null, holders.A.code, false],
      ['Key engineer leaves', 12, 4, holders.A1.code, holders.A.code, false],
    ]);
    expect(top[0]).toMatchObject({ uid: RISK, riskTolerance: 12, escalated: false, type: 'threat' });
  });

  it('counts open issues by priority within a scope', async () => {
    const programmeA = await idOf('api::programme.programme', holders.A.documentId);
    const projects = [holders.A1, holders.A2].map((p) => p.documentId);
    const scope = { projectIds: await Promise.all(projects.map((d) => idOf('api::project.project', d))), programmeIds: [programmeA] };
    expect(await service().openIssuesByPriority(scope)).toEqual({ low: 1, medium: 1, high: 1, critical: 1 });
    const critical = await service().openIssues(scope, { priorities: ['critical'] });
    expect(critical.map((i: any) => [i.title, i.project?.code])).toEqual([['critical issue of A1', holders.A1.code]]);
  });

  it('sums the exposure per programme: open risks, scores, above tolerance, open issues', async () => {
    const [a, b] = [holders.A, holders.B];
    const scope = { programmeIds: await Promise.all([a, b].map((g) => idOf('api::programme.programme', g.documentId))), projectIds: await Promise.all(['A1', 'A2', 'B1'].map((k) => idOf('api::project.project', holders[k].documentId))) };
    const exposure = await service().exposureByProgramme(scope);
    const sum = (keys: Array<Spec['holder']>, residual: boolean) =>
      RISKS.filter((r) => keys.includes(r.holder) && r.status !== 'closed').reduce((total, r) => total + (residual && r.rp && r.ri ? r.rp * r.ri : r.p * r.i), 0);
    expect(exposure.map((e: any) => [e.programme.code, e.openRisks, e.totalScore, e.totalResidualScore, e.aboveTolerance, e.escalated, e.openIssues])).toEqual([
      // A: A1's 25 above 12; A2's 10 above its tolerance of 8; the programme's own risk has no project tolerance.
      [a.code, 6, sum(['A1', 'A2', 'A'], false), sum(['A1', 'A2', 'A'], true), 2, 0, 4],
      [b.code, 2, sum(['B1'], false), sum(['B1'], true), 1, 0, 1],
    ]);
  });
});
