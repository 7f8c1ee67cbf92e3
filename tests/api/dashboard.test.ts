/**
 * GET /pmo/dashboard on a fixed data set: every figure equals what the fixture's own data gives
 * (dashboard-expected.ts) or plain SQL sums, for a portfolio, a programme, a manager and a
 * department; earned value also equals finance's own portfolio route. Bad parameters are one 400
 * naming the parameter. Permissions: tests/api/dashboard-access.test.ts; XLSX: dashboard-xlsx.test.ts.
 */
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import { AS_OF, PREVIOUS, storeFixture, type Stored } from './dashboard-fixtures';
import { expectedEvm, expectedHeatmap, expectedLists, expectedStates, ragAt, type Scope } from './dashboard-expected';
import { documentInState } from '../helpers/documents';
import { DOCUMENT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

let manager: Agent;
let stored: Stored;
let states: Array<{ key: string; name: string; color?: string }>;

const PORTFOLIO: Scope = { projects: ['p1', 'p2', 'p3', 'p4'], programmes: ['a', 'b'] };

beforeAll(async () => {
  manager = await asRole('pmo-manager');
  stored = await storeFixture();
  const lifecycle = await getStrapi().db.query('plugin::pmo.workflow').findOne({ where: { key: 'project-lifecycle' } });
  states = (lifecycle.definition as { states: typeof states }).states;
});

const dashboard = (query: Record<string, string>) => manager.get(`/pmo/dashboard?${new URLSearchParams({ asOf: AS_OF, ...query })}`);

/** Every figure of a scope, worked out from the fixture. */
const expected = (scope: Scope) => ({
  asOf: AS_OF,
  projectsByState: expectedStates(scope, states),
  rag: { ...ragAt(scope, AS_OF), previous: { asOf: PREVIOUS, ...ragAt(scope, PREVIOUS) } },
  ...expectedEvm(scope, stored),
  heatmap: expectedHeatmap(scope),
  ...expectedLists(scope, stored),
});

describe('GET /pmo/dashboard for a portfolio', () => {
  it('answers every figure as the fixture gives it, and nothing from another portfolio', async () => {
    const res = await dashboard({ portfolio: stored.portfolio.documentId });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...expected(PORTFOLIO),
      scope: {
        portfolio: { documentId: stored.portfolio.documentId, code: stored.portfolio.code, name: stored.portfolio.name },
        programme: null,
        manager: null,
        department: null,
        // The page's links reach the portfolio's risks and issues through these.
        programmes: [stored.programmes.a.documentId, stored.programmes.b.documentId].sort(),
        projects: 4,
      },
    });
  });

  it('holds the figures the fixture was built to show', async () => {
    const { body } = await dashboard({ portfolio: stored.portfolio.code });
    // Spelled out once, so a mistake in the expectation's own arithmetic cannot hide.
    expect(body.rag).toEqual({ green: 1, amber: 1, red: 1, none: 1, previous: { asOf: PREVIOUS, green: 1, amber: 1, red: 1, none: 1 } });
    expect(body.evm).toMatchObject({ bac: '41500.00', pv: '30200.00', ev: '20920.00', ac: '33950.00', cpi: 0.6162, spi: 0.6927 });
    expect(body.worst.map((row: { title: string }) => row.title)).toEqual(['Apollo ledger', 'Delta archive', 'Borealis CRM']);
    expect(body.heatmap.total).toBe(6);
    expect(body.heatmap.cells[2][3]).toBe(2);
    expect(body.criticalIssues.map((row: { title: string }) => row.title)).toEqual(['Supplier insolvent', '=HYPERLINK("x") key people leaving']);
    expect(body.overdueDocuments.map((row: { title: string; daysOverdue: number }) => [row.title, row.daysOverdue])).toEqual([
      ['Apollo business case', 69],
      ['Programme A blueprint', 54],
      ['Baseline the schedule', 9],
    ]);
    expect(body.lateStatusReports).toEqual([expect.objectContaining({ title: 'Cirrus data hub', periodsLate: 3, dueDate: '2026-01-01', lastReport: null })]);
    expect(body.upcomingGateReviews.map((row: { scheduledDate: string }) => row.scheduledDate)).toEqual([AS_OF, '2026-03-20']);
    expect(body.lateDependencies.map((row: { daysLate: number }) => row.daysLate)).toEqual([37, 9]);
  });

  it('sums BAC and AC as the database does in plain SQL', async () => {
    const strapi = getStrapi();
    const knex = strapi.db.connection;
    const link = (uid: string, attribute: string) => (strapi.db.metadata.get(uid as never) as any).attributes[attribute].joinTable;
    const table = (uid: string) => (strapi.db.metadata.get(uid as never) as any).tableName;
    const inPortfolio = (projectColumn: string) => {
      const pp = link('api::project.project', 'programme');
      const pf = link('api::programme.programme', 'portfolio');
      return `${projectColumn} IN (SELECT pp.${pp.joinColumn.name} FROM ${pp.name} pp JOIN ${pf.name} pf ON pf.${pf.joinColumn.name} = pp.${pp.inverseJoinColumn.name} WHERE pf.${pf.inverseJoinColumn.name} = ?)`;
    };
    const bl = link('api::budget-line.budget-line', 'project');
    const ce = link('api::cost-entry.cost-entry', 'project');
    const bac = await knex.raw(
      `SELECT CAST(SUM(b.amount) AS TEXT) AS total FROM ${table('api::budget-line.budget-line')} b JOIN ${bl.name} l ON l.${bl.joinColumn.name} = b.id
       WHERE b.category <> 'management-reserve' AND ${inPortfolio(`l.${bl.inverseJoinColumn.name}`)}`,
      [stored.portfolio.id]
    );
    const ac = await knex.raw(
      `SELECT CAST(SUM(c.amount) AS TEXT) AS total FROM ${table('api::cost-entry.cost-entry')} c JOIN ${ce.name} l ON l.${ce.joinColumn.name} = c.id
       WHERE c.date <= ? AND ${inPortfolio(`l.${ce.inverseJoinColumn.name}`)}`,
      [AS_OF, stored.portfolio.id]
    );
    const rows = (result: any) => (Array.isArray(result) ? result : result.rows);
    const decimal = (minor: string) => `${minor.slice(0, -2)}.${minor.slice(-2)}`;
    const { body } = await dashboard({ portfolio: stored.portfolio.documentId });
    expect(body.evm.bac).toBe(decimal(String(rows(bac)[0].total)));
    expect(body.evm.ac).toBe(decimal(String(rows(ac)[0].total)));
  });

  it("agrees with finance's earned value of the portfolio", async () => {
    const [{ body }, finance] = await Promise.all([
      dashboard({ portfolio: stored.portfolio.documentId }),
      manager.get(`/pmo/evm/portfolios/${stored.portfolio.documentId}?asOf=${AS_OF}`),
    ]);
    expect(finance.status).toBe(200);
    const { bac, pv, ev, ac, cpi, spi } = finance.body;
    expect(body.evm).toMatchObject({ bac, pv, ev, ac, cpi, spi });
  });

  it('moves with asOf: a year earlier nothing is reported, spent or late', async () => {
    const { body } = await manager.get(`/pmo/dashboard?portfolio=${stored.portfolio.documentId}&asOf=2025-03-10`);
    expect(body.rag).toMatchObject({ green: 0, amber: 0, red: 0, none: 4 });
    expect(body.evm).toMatchObject({ pv: '0.00', ev: '0.00', ac: '0.00', cpi: null, spi: null });
    expect(body.worst).toEqual([]);
    expect(body.criticalIssues).toEqual([]);
    expect(body.lateDependencies).toEqual([]);
    expect(body.upcomingGateReviews).toEqual([]);
  });
});

describe('GET /pmo/dashboard filters', () => {
  it('a programme: its projects and the programme’s own items', async () => {
    const res = await dashboard({ programme: stored.programmes.a.documentId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(expected({ projects: ['p1', 'p2'], programmes: ['a'] }));
    expect(res.body.scope).toMatchObject({ programme: { code: stored.programmes.a.code }, programmes: [], projects: 2 });
  });

  it('a programme by its code', async () => {
    const res = await dashboard({ programme: stored.programmes.b.code });
    expect(res.body).toMatchObject(expected({ projects: ['p3', 'p4'], programmes: ['b'] }));
  });

  it('a manager: their projects only, no programme’s own items', async () => {
    const res = await dashboard({ portfolio: stored.portfolio.documentId, manager: stored.people.m1.documentId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(expected({ projects: ['p1', 'p3'], programmes: [] }));
    expect(res.body.scope.manager).toEqual({ documentId: stored.people.m1.documentId, fullName: stored.people.m1.fullName });
  });

  it('a department: the projects whose manager belongs to it', async () => {
    const res = await dashboard({ portfolio: stored.portfolio.documentId, department: stored.departments.d2.documentId });
    expect(res.body).toMatchObject(expected({ projects: ['p2', 'p4'], programmes: [] }));
    expect(res.body.scope.department).toEqual({ documentId: stored.departments.d2.documentId, name: stored.departments.d2.name });
  });

  it('a manager without projects in the portfolio: every count zero, every list empty', async () => {
    const res = await dashboard({ programme: stored.programmes.other.documentId, manager: stored.people.m2.documentId });
    expect(res.body.scope.projects).toBe(0);
    expect(res.body.rag).toMatchObject({ green: 0, amber: 0, red: 0, none: 0 });
    expect(res.body.evm).toMatchObject({ bac: '0.00', cpi: null });
    expect(res.body.heatmap.total).toBe(0);
    expect(res.body.projectsByState.every((state: { count: number }) => state.count === 0)).toBe(true);
  });
});

describe('GET /pmo/dashboard refuses bad parameters with one 400', () => {
  const problems = (res: { body: any }) => res.body.error.details.errors;

  it.each([
    [{ asOf: '2026-02-30' }, 'asOf', /real day/],
    [{ asOf: 'yesterday' }, 'asOf', /real day/],
    [{ portfolio: '' }, 'portfolio', /Choose a portfolio/],
    [{ colour: 'red' }, 'colour', /no query parameter "colour"/],
  ])('%j', async (query, path, message) => {
    const res = await manager.get(`/pmo/dashboard?${new URLSearchParams(query as Record<string, string>)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(problems(res)).toEqual([expect.objectContaining({ path: [path], message: expect.stringMatching(message) })]);
  });

  it('a portfolio and a programme together', async () => {
    const res = await dashboard({ portfolio: stored.portfolio.documentId, programme: stored.programmes.a.documentId });
    expect(res.status).toBe(400);
    expect(problems(res)).toEqual([{ path: ['programme'], message: 'Choose a portfolio or a programme, not both', name: 'ValidationError' }]);
  });

  it('a parameter given twice', async () => {
    const res = await manager.get(`/pmo/dashboard?asOf=${AS_OF}&asOf=${AS_OF}`);
    expect(res.status).toBe(400);
    expect(problems(res)[0].path).toEqual(['asOf']);
  });

  it.each(['portfolio', 'programme', 'manager', 'department'])('a %s that does not exist', async (filter) => {
    const res = await dashboard({ [filter]: 'no-such-item' });
    expect(res.status).toBe(400);
    expect(problems(res)).toEqual([expect.objectContaining({ path: [filter], message: `There is no such ${filter}; choose one from the list` })]);
  });
});

describe('the lists the figures click through to', () => {
  const codes = (res: { body: { projects: Array<{ code: string }> } }) => res.body.projects.map((card) => card.code).sort();

  it('the governance board of the portfolio, filtered by RAG, holds the projects the RAG counts count', async () => {
    const { body } = await dashboard({ portfolio: stored.portfolio.documentId, asOf: new Date().toISOString().slice(0, 10) });
    for (const rag of ['green', 'amber', 'red', 'none'] as const) {
      const board = await manager.get(`/pmo/governance/board?portfolio=${stored.portfolio.documentId}&rag=${rag}`);
      expect(board.status).toBe(200);
      expect([rag, board.body.projects.length]).toEqual([rag, body.rag[rag]]);
    }
    const red = await manager.get(`/pmo/governance/board?portfolio=${stored.portfolio.code}&rag=red`);
    // Today Borealis's report of 20 Mar is its latest: red, like Apollo's.
    expect(codes(red)).toEqual([stored.projects.p1.code, stored.projects.p2.code].sort());
  });

  it('the board by department: the projects whose manager belongs to it', async () => {
    const board = await manager.get(`/pmo/governance/board?portfolio=${stored.portfolio.documentId}&department=${stored.departments.d2.documentId}`);
    expect(codes(board)).toEqual([stored.projects.p2.code, stored.projects.p4.code].sort());
  });
});

// Documents, unlike risks and issues, may be held by a project and a programme at once, or by
// neither: the project decides, and an item with neither is nobody's.
describe('a document held by a project and another programme, and one held by neither', () => {
  const held: string[] = [];
  const overdueIds = (body: { overdueDocuments: Array<{ documentId: string }> }) => body.overdueDocuments.map((item) => item.documentId);
  const PROGRAMME_B: Scope = { projects: ['p3', 'p4'], programmes: ['b'] };

  beforeAll(async () => {
    const stale = { documentType: 'project-plan', owner: stored.people.m2.documentId, reviewCycleDays: 10, approvedAt: '2026-01-01T09:00:00.000Z' };
    const both = await documentInState('approved', { ...stale, title: 'Cirrus charter, filed under programme A', project: stored.projects.p3.documentId, programme: stored.programmes.a.documentId });
    const neither = await documentInState('approved', { ...stale, title: 'Nobody’s note' });
    held.push(both.documentId, neither.documentId);
  });

  afterAll(async () => {
    for (const documentId of held) await getStrapi().documents(DOCUMENT_UID as never).delete({ documentId } as never);
  });

  it('is listed with its project’s programme, not with the programme it is filed under; one held by neither nowhere', async () => {
    const [both, neither] = held;
    const underA = await dashboard({ programme: stored.programmes.a.documentId });
    expect(overdueIds(underA.body)).not.toContain(both);
    expect(underA.body.totals.overdueDocuments).toBe(expected({ projects: ['p1', 'p2'], programmes: ['a'] }).totals.overdueDocuments);

    const underB = await dashboard({ programme: stored.programmes.b.documentId });
    expect(underB.body.overdueDocuments).toContainEqual(
      expect.objectContaining({
        documentId: both,
        project: { documentId: stored.projects.p3.documentId, code: stored.projects.p3.code, name: stored.projects.p3.name },
        programme: { documentId: stored.programmes.a.documentId, code: stored.programmes.a.code, name: stored.programmes.a.name },
        daysOverdue: 58,
      })
    );
    expect(underB.body.totals.overdueDocuments).toBe(expected(PROGRAMME_B).totals.overdueDocuments + 1);

    const portfolio = await dashboard({ portfolio: stored.portfolio.documentId });
    expect(overdueIds(portfolio.body).filter((id) => id === both)).toHaveLength(1);
    expect(overdueIds(portfolio.body)).not.toContain(neither);
    expect(portfolio.body.totals.overdueDocuments).toBe(expected(PORTFOLIO).totals.overdueDocuments + 1);
  });
});
