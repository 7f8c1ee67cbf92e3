/**
 * The finance charts over HTTP: a programme's and a project's S-curve series (PV, EV and AC by
 * month, summed over projects by the database) and budget outlines (months × categories).
 */
import { asRole, type Agent } from '../helpers/strapi';
import * as make from './finance-fixtures';

const AS_OF = '2026-03-10';

let finance: Agent;
let programme: Awaited<ReturnType<typeof make.programme>>;
let a: Awaited<ReturnType<typeof make.project>>;
let b: Awaited<ReturnType<typeof make.project>>;

beforeAll(async () => {
  finance = await asRole('finance');
  programme = await make.programme(await make.portfolio(), 'Monthly programme');

  // A: BAC 6,000.10 (management reserve kept out). Progress 10 % in January, 40 % at the end of
  // February (the later February report wins), 80 % after asOf (not counted). Costs 500.00 in
  // January, 2,500.00 in February, 100.00 on asOf; one after asOf (not counted).
  a = await make.project(programme, 'Aquila');
  await make.budgetLine(a, '2026-01-01', 'labour', '1000.00');
  await make.budgetLine(a, '2026-02-01', 'opex', '2000.00');
  await make.budgetLine(a, '2026-02-01', 'labour', '0.10');
  await make.budgetLine(a, '2026-03-01', 'capex', '3000.00');
  await make.budgetLine(a, '2026-02-01', 'management-reserve', '500.00');
  await make.statusReport(a, '2026-01-31', 10);
  await make.statusReport(a, '2026-02-10', 30);
  await make.statusReport(a, '2026-02-20', 40);
  await make.statusReport(a, '2026-03-15', 80);
  await make.costEntry(a, '2026-01-05', '400.00');
  await make.costEntry(a, '2026-01-25', '100.00');
  await make.costEntry(a, '2026-02-28', '2500.00');
  await make.costEntry(a, AS_OF, '100.00');
  await make.costEntry(a, '2026-03-11', '9999.00');

  // B: runs December 2025 to April 2026; BAC 0.30; 50 % on 1 March; costs 0.10 + 0.20 in February.
  b = await make.project(programme, 'Bootes', { startDate: '2025-12-01', endDate: '2026-04-30' });
  await make.budgetLine(b, '2026-02-01', 'labour', '0.20');
  await make.budgetLine(b, '2026-03-01', 'labour', '0.10');
  await make.statusReport(b, '2026-03-01', 50);
  await make.costEntry(b, '2026-02-14', '0.10');
  await make.costEntry(b, '2026-02-15', '0.20');

  // A project of another programme must not count.
  const other = await make.project(await make.programme(), 'Elsewhere');
  await make.budgetLine(other, '2026-02-01', 'labour', '777.00');
  await make.costEntry(other, '2026-02-01', '777.00');
});

describe('GET /pmo/evm/programmes/:documentId/series', () => {
  it("sums the programme's PV, EV and AC by month over its projects", async () => {
    const res = await finance.get(`/pmo/evm/programmes/${programme.documentId}/series?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body.programme).toEqual({ documentId: programme.documentId, code: programme.code, name: 'Monthly programme' });
    expect(res.body.points).toEqual([
      // B's start opens the chart.
      { month: '2025-12', date: '2025-12-31', pv: '0.00', ev: '0.00', ac: '0.00' },
      // EV: 10 % of A's 6,000.10.
      { month: '2026-01', date: '2026-01-31', pv: '1000.00', ev: '600.01', ac: '500.00' },
      // PV 1,000.00 + 2,000.00 + 0.10 + 0.20; EV 40 % of 6,000.10; AC 500.00 + 2,500.00 + 0.10 + 0.20.
      { month: '2026-02', date: '2026-02-28', pv: '3000.30', ev: '2400.04', ac: '3000.30' },
      // At asOf: PV 3,000.30 + 3,000.10 × 10/31 = 3,968.074…; EV 2,400.04 + 50 % of 0.30; AC + 100.00.
      { month: '2026-03', date: AS_OF, pv: '3968.07', ev: '2400.19', ac: '3100.30' },
      // After asOf, only what is planned (B's end closes the chart).
      { month: '2026-04', date: '2026-04-30', pv: '6000.40', ev: null, ac: null },
    ]);
  });

  it("answers the programme's figures as of asOf, the same as its earned value, with the EAC to project", async () => {
    const [series, evm] = await Promise.all([
      finance.get(`/pmo/evm/programmes/${programme.documentId}/series?asOf=${AS_OF}`),
      finance.get(`/pmo/evm/programmes/${programme.documentId}?asOf=${AS_OF}`),
    ]);
    // EAC = BAC / CPI = 6,000.40 / (2,400.19 / 3,100.30) = 7,750.65
    expect(series.body).toMatchObject({ asOf: AS_OF, currency: 'EUR', bac: '6000.40', eac: '7750.65', cpi: 0.7742 });
    for (const key of ['bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'eac', 'etc', 'vac', 'tcpi']) {
      expect([key, series.body[key]]).toEqual([key, evm.body[key]]);
    }
  });

  it("gives a project's own series the same way", async () => {
    const res = await finance.get(`/pmo/evm/projects/${b.documentId}/series?asOf=2026-03-31`);
    expect(res.status).toBe(200);
    expect(res.body.project).toMatchObject({ documentId: b.documentId, code: b.code });
    expect(res.body.points.map((p: { month: string; pv: string; ev: string; ac: string }) => [p.month, p.pv, p.ev, p.ac])).toEqual([
      ['2025-12', '0.00', '0.00', '0.00'],
      ['2026-01', '0.00', '0.00', '0.00'],
      ['2026-02', '0.20', '0.00', '0.30'],
      ['2026-03', '0.30', '0.15', '0.30'],
      ['2026-04', '0.30', null, null],
    ]);
  });
});

describe('GET /pmo/budget-outline/programmes|projects/:documentId', () => {
  const zeros = { labour: '0.00', capex: '0.00', opex: '0.00', contingency: '0.00', change: '0.00' };

  it("lays the programme's budget out by month and category, totals exact, management reserve apart", async () => {
    const res = await finance.get(`/pmo/budget-outline/programmes/${programme.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      currency: 'EUR',
      programme: { documentId: programme.documentId, code: programme.code },
      categories: ['labour', 'capex', 'opex', 'contingency', 'change'],
    });
    expect(res.body.months).toEqual([
      { month: '2026-01', amounts: { ...zeros, labour: '1000.00' }, total: '1000.00', managementReserve: '0.00' },
      // 0.10 (A) + 0.20 (B) is 0.30.
      { month: '2026-02', amounts: { ...zeros, labour: '0.30', opex: '2000.00' }, total: '2000.30', managementReserve: '500.00' },
      { month: '2026-03', amounts: { ...zeros, labour: '0.10', capex: '3000.00' }, total: '3000.10', managementReserve: '0.00' },
    ]);
    // The BAC total leaves the 500.00 reserve out.
    expect(res.body.totals).toEqual({
      amounts: { ...zeros, labour: '1000.40', capex: '3000.00', opex: '2000.00' },
      total: '6000.40',
      managementReserve: '500.00',
    });
  });

  it("outlines one project's budget", async () => {
    const res = await finance.get(`/pmo/budget-outline/projects/${b.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.months.map((m: { month: string; total: string }) => [m.month, m.total])).toEqual([['2026-02', '0.20'], ['2026-03', '0.10']]);
    expect(res.body.totals).toMatchObject({ total: '0.30', managementReserve: '0.00' });
  });

  it('keeps whole months from the month of from to the month of to', async () => {
    const res = await finance.get(`/pmo/budget-outline/programmes/${programme.documentId}?from=2026-02-15&to=2026-02-15`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-02-15', to: '2026-02-15' });
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2026-02']);
    expect(res.body.totals).toMatchObject({ total: '2000.30', managementReserve: '500.00' });
  });
});

describe('refusals', () => {
  it.each([
    ['/pmo/evm/programmes/:id/series?asOf=2026-02-30', 'Give the as-of date as a real day'],
    ['/pmo/evm/projects/:id/series?asof=2026-03-01', 'Earned value takes only an as-of date, not "asof"'],
    ['/pmo/budget-outline/programmes/:id?from=2026-13-01', 'Give the start of the period as a real day'],
    ['/pmo/budget-outline/programmes/:id?from=2026-04-01&to=2026-03-01', 'The period starts (1 Apr 2026) after it ends (1 Mar 2026)'],
    ['/pmo/budget-outline/projects/:id?to=soon', 'Give the end of the period as a real day'],
    ['/pmo/budget-outline/projects/:id?asOf=2026-03-01', 'The budget outline takes only the start and end of the period, not "asOf"'],
  ])('%s is a 400 saying "%s"', async (path, words) => {
    const id = path.includes('programmes') ? programme.documentId : a.documentId;
    const res = await finance.get(path.replace(':id', id));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(words);
  });

  it.each([
    '/pmo/evm/programmes/no-such-document/series',
    '/pmo/evm/projects/no-such-document/series',
    '/pmo/budget-outline/programmes/no-such-document',
    '/pmo/budget-outline/projects/no-such-document',
  ])('%s is a 404', async (path) => {
    const res = await finance.get(path);
    expect(res.status).toBe(404);
  });

  it.each(['project-manager', 'change-board', 'pmo-administrator'] as const)('refuses %s with a 403 on every chart route', async (role) => {
    const agent = await asRole(role);
    for (const path of [
      `/pmo/evm/programmes/${programme.documentId}/series`,
      `/pmo/evm/projects/${a.documentId}/series`,
      `/pmo/budget-outline/programmes/${programme.documentId}`,
      `/pmo/budget-outline/projects/${a.documentId}`,
    ]) {
      expect([path, (await agent.get(path)).status]).toEqual([path, 403]);
    }
  });

  it.each(['pmo-director', 'pmo-manager', 'pmo-analyst'] as const)('lets %s read them', async (role) => {
    const agent = await asRole(role);
    expect((await agent.get(`/pmo/evm/programmes/${programme.documentId}/series?asOf=${AS_OF}`)).status).toBe(200);
    expect((await agent.get(`/pmo/budget-outline/programmes/${programme.documentId}`)).status).toBe(200);
  });
});
