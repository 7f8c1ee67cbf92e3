/**
 * GET /pmo/raid/summary, what the "Risks and issues" page reads: on a fixed data set, the heat map
 * (current and residual) with its total, the top risks by score, open issues by priority and the
 * exposure per programme, each for a project, a programme, a portfolio and everything, the
 * figures counted independently here from the data set; 400s in the one shape; 403 to a role
 * that may not read risks; issues left out (null) for one that may not read issues.
 */
import { asAdmin, asRole, getStrapi } from '../helpers/strapi';
import { SUMMARY_TOP_RISKS } from '../../src/plugins/pmo/shared/contracts/raid';
import { RISK, expectInvalid, issue, portfolio, programme, project, risk, type Doc } from './raid-fixtures';

type Holder = 'P1' | 'P2' | 'G' | 'Q1' | 'X';
type Spec = { holder: Holder; title: string; p: number; i: number; rp?: number; ri?: number; status?: 'open' | 'closed' };

/** Programme G (projects P1, P2) and programme H (project Q1) in portfolio F; X in no programme. */
const RISKS: Spec[] = [
  { holder: 'P1', title: 'Summary: vendor insolvency', p: 5, i: 4, rp: 2, ri: 2 },
  { holder: 'P1', title: 'Summary: key engineer leaves', p: 3, i: 3 },
  { holder: 'P1', title: 'Summary: closed one', p: 5, i: 5, status: 'closed' },
  { holder: 'P2', title: 'Summary: permits late', p: 4, i: 4, rp: 1, ri: 4 },
  { holder: 'G', title: 'Summary: benefits slip', p: 2, i: 5, rp: 2, ri: 3 },
  { holder: 'Q1', title: 'Summary: data loss', p: 1, i: 5 },
  { holder: 'X', title: 'Summary: outside risk', p: 5, i: 5 },
];

type IssueSpec = { holder: Holder; priority: 'low' | 'medium' | 'high' | 'critical'; status?: 'open' | 'resolved' };
const ISSUES: IssueSpec[] = [
  { holder: 'P1', priority: 'critical' },
  { holder: 'P1', priority: 'high' },
  { holder: 'P1', priority: 'high', status: 'resolved' },
  { holder: 'P2', priority: 'low' },
  { holder: 'G', priority: 'medium' },
  { holder: 'Q1', priority: 'critical' },
  { holder: 'X', priority: 'critical' },
];

const INSIDE: Record<'P1' | 'G' | 'F', Holder[]> = { P1: ['P1'], G: ['P1', 'P2', 'G'], F: ['P1', 'P2', 'G', 'Q1'] };
const PROGRAMME_OF: Record<Holder, 'G' | 'H' | null> = { P1: 'G', P2: 'G', G: 'G', Q1: 'H', X: null };

const open = (spec: { status?: string }) => (spec.status ?? 'open') === 'open';
const residualOf = (r: Spec) => (r.rp !== undefined && r.ri !== undefined ? { p: r.rp, i: r.ri } : { p: r.p, i: r.i });

function expectedCells(holders: Holder[], residual: boolean) {
  const cells = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  for (const r of RISKS.filter((r) => holders.includes(r.holder) && open(r))) {
    const { p, i } = residual ? residualOf(r) : r;
    cells[p - 1][i - 1] += 1;
  }
  return cells;
}

function expectedPriorities(holders: Holder[]) {
  const counts = { low: 0, medium: 0, high: 0, critical: 0 };
  for (const spec of ISSUES.filter((s) => holders.includes(s.holder) && open(s))) counts[spec.priority] += 1;
  return counts;
}

let f: Doc;
const docs: Record<string, Doc> = {};

beforeAll(async () => {
  f = await portfolio('Summary portfolio');
  docs.G = await programme({ portfolio: f.documentId, name: 'Summary programme G' });
  docs.H = await programme({ portfolio: f.documentId, name: 'Summary programme H' });
  docs.P1 = await project({ programme: docs.G.documentId, riskTolerance: 12 });
  docs.P2 = await project({ programme: docs.G.documentId, riskTolerance: 20 });
  docs.Q1 = await project({ programme: docs.H.documentId });
  docs.X = await project();
  const holder = (key: Holder): Record<string, string> => (key === 'G' ? { programme: docs.G.documentId } : { project: docs[key].documentId });
  for (const r of RISKS) {
    await risk(holder(r.holder), { title: r.title, probability: r.p, impact: r.i, residualProbability: r.rp ?? null, residualImpact: r.ri ?? null, status: r.status ?? 'open' });
  }
  for (const [n, spec] of ISSUES.entries()) {
    await issue(holder(spec.holder), { title: `Summary issue ${n}`, priority: spec.priority, status: spec.status ?? 'open' });
  }
});

const summary = async (query: string, role: Parameters<typeof asRole>[0] = 'pmo-manager') => {
  const res = await (await asRole(role)).get(`/pmo/raid/summary?${query}`);
  expect([res.status, res.status === 200 ? '' : res.text]).toEqual([200, '']);
  return res.body;
};

describe('GET /pmo/raid/summary', () => {
  it.each([
    ['project', 'P1'],
    ['programme', 'G'],
    ['portfolio', 'F'],
  ] as const)('answers the heat map, its total and the issues by priority of a %s, current and residual', async (scope, key) => {
    const holder = key === 'F' ? f : docs[key];
    for (const residual of [false, true]) {
      const body = await summary(`scope=${scope}&documentId=${holder.documentId}&residual=${residual ? 1 : 0}`);
      const cells = expectedCells(INSIDE[key], residual);
      expect(body.scope).toEqual({ kind: scope, documentId: holder.documentId, code: holder.code, name: holder.name });
      expect(body.residual).toBe(residual);
      expect(body.heatmap).toEqual({ cells, total: cells.flat().reduce((a, b) => a + b, 0) });
      expect(body.issuesByPriority).toEqual(expectedPriorities(INSIDE[key]));
    }
  });

  it('holds exactly these figures for programme G (a check on the counting above)', async () => {
    const body = await summary(`scope=programme&documentId=${docs.G.code}`);
    expect(body.heatmap.total).toBe(4);
    expect([body.heatmap.cells[4][3], body.heatmap.cells[3][3], body.heatmap.cells[2][2], body.heatmap.cells[1][4]]).toEqual([1, 1, 1, 1]);
    const residual = await summary(`scope=programme&documentId=${docs.G.code}&residual=1`);
    expect([residual.heatmap.cells[1][1], residual.heatmap.cells[0][3], residual.heatmap.cells[2][2], residual.heatmap.cells[1][2]]).toEqual([1, 1, 1, 1]);
    expect(body.issuesByPriority).toEqual({ low: 1, medium: 1, high: 1, critical: 1 });
  });

  it('ranks the top risks of the scope by score, closed risks and other scopes left out', async () => {
    const body = await summary(`scope=programme&documentId=${docs.G.documentId}`);
    expect(body.topRisks.map((r: any) => [r.title, r.score, r.residualScore, r.project?.code ?? null, r.programme?.code ?? null, r.aboveTolerance])).toEqual([
      ['Summary: vendor insolvency', 20, 4, docs.P1.code, docs.G.code, true],
      ['Summary: permits late', 16, 4, docs.P2.code, docs.G.code, false],
      ['Summary: benefits slip', 10, 6, null, docs.G.code, false],
      ['Summary: key engineer leaves', 9, null, docs.P1.code, docs.G.code, false],
    ]);
    expect(body.topRisks[0]).toMatchObject({ uid: RISK, type: 'threat', probability: 5, impact: 4, riskTolerance: 12 });
  });

  it('sums the exposure per programme of a portfolio: open risks, scores, above tolerance, open issues', async () => {
    const body = await summary(`scope=portfolio&documentId=${f.code}`);
    const expected = (['G', 'H'] as const).map((g) => {
      const risks = RISKS.filter((r) => PROGRAMME_OF[r.holder] === g && open(r));
      const residual = risks.reduce((sum, r) => sum + residualOf(r).p * residualOf(r).i, 0);
      return [docs[g].code, risks.length, risks.reduce((sum, r) => sum + r.p * r.i, 0), residual, ISSUES.filter((s) => PROGRAMME_OF[s.holder] === g && open(s)).length];
    });
    expect(body.exposure.map((e: any) => [e.programme.code, e.openRisks, e.totalScore, e.totalResidualScore, e.openIssues])).toEqual(expected);
    // G: P1's 20 exceeds its tolerance of 12; P2's 16 is within 20; the programme's own risk has no project tolerance.
    expect(body.exposure.map((e: any) => e.aboveTolerance)).toEqual([1, 0]);
    expect(expected.map((row) => row.slice(1))).toEqual([
      [4, 55, 23, 4],
      [1, 5, 5, 1],
    ]);
  });

  it('covers every register without a documentId (a portfolio scope with none)', async () => {
    const body = await summary('scope=portfolio');
    expect(body.scope).toBeNull();
    // Everything includes the other tests' risks: at least this data set's open ones, X's among them.
    expect(body.heatmap.total).toBeGreaterThanOrEqual(RISKS.filter(open).length);
    // The top risks are the database's highest open ones over every register (ties: the older
    // first), X's among its open ones: other test files' risks of the same score may come first.
    const table = (getStrapi().db.metadata.get(RISK as never) as any).tableName as string;
    const knex = getStrapi().db.connection as any;
    const openRisks = () => knex(table).where('status', 'open');
    const highest = await openRisks().orderByRaw('COALESCE(score, 0) DESC, id ASC').limit(SUMMARY_TOP_RISKS).select('title');
    expect(body.topRisks.map((r: any) => r.title)).toEqual(highest.map((r: any) => r.title));
    expect(Number((await openRisks().where('title', 'Summary: outside risk').count({ n: '*' }))[0].n)).toBe(1);
  });

  it.each([
    ['scope=galaxy&documentId=x', ['scope'], 'The scope must be project, programme or portfolio, not "galaxy"'],
    ['scope=programme', ['documentId'], 'Choose the programme whose heat map to show'],
    ['scope=project&documentId=NOPE-9', ['documentId'], 'Choose a project: there is none with the code "NOPE-9"'],
    ['scope=portfolio&residual=maybe', ['residual'], /Residual must be 1/],
    ['scope=portfolio&top=3', ['top'], /top/],
  ])('refuses ?%s with a 400 naming the parameter', async (query, path, message) => {
    expectInvalid(await (await asRole('pmo-analyst')).get(`/pmo/raid/summary?${query}`), path, message);
  });

  it.each(['pmo-director', 'pmo-analyst', 'project-manager', 'change-board', 'finance', 'pmo-administrator'] as const)('answers %s, who reads the registers', async (role) => {
    const body = await summary(`scope=project&documentId=${docs.P1.documentId}`, role);
    expect(body.heatmap.total).toBe(2);
  });

  it('answers 403 in words to a user who may not read risks', async () => {
    const roles = getStrapi().service('admin::role') as any;
    const role = await roles.create({ name: 'Summary-blind', code: 'summary-blind', description: 'No rights' });
    const res = await (await asAdmin('summary.blind@test.pmo', [role.code])).get(`/pmo/raid/summary?scope=project&documentId=${docs.P1.documentId}`);
    expect([res.status, res.body.error?.message]).toEqual([403, 'You may not read risks']);
  });

  it('leaves the issues out for a user who reads risks but not issues', async () => {
    const roles = getStrapi().service('admin::role') as any;
    const role = await roles.create({ name: 'Risks only', code: 'summary-risks-only', description: 'Reads risks' });
    await roles.assignPermissions(role.id, [{ action: 'plugin::content-manager.explorer.read', subject: RISK, properties: { fields: null }, conditions: [] }]);
    const res = await (await asAdmin('summary.risks@test.pmo', [role.code])).get(`/pmo/raid/summary?scope=programme&documentId=${docs.G.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.issuesByPriority).toBeNull();
    expect(res.body.exposure.map((e: any) => [e.programme.code, e.openRisks, e.openIssues])).toEqual([[docs.G.code, 4, null]]);
    expect(res.body.heatmap.total).toBe(4);
  });
});
