/**
 * Programme and portfolio earned value at scale (issue 18): the totals are summed by the database
 * over all the projects (finance/rollup-sql.ts) and `projects` is one page of them.
 *
 * Property: on random portfolios (budget lines in and around asOf's month, large amounts and
 * credits, status reports before and after asOf, costs), the portfolio's and each programme's
 * totals equal the sum of every project's own figures (the per-project path the dashboard uses,
 * `forProjects`), the pages, put together, are every project with its own figures, in order, and
 * the portfolio's `programmes` (`?programmes=true`) are each programme's own answer.
 */
import fc from 'fast-check';
import type { Knex } from 'knex';
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import * as make from './finance-fixtures';

const AS_OF = '2026-03-10';
const FIGURES = ['bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'eac', 'eacAtypical', 'eacCombined', 'etc', 'vac', 'tcpi'] as const;

type Doc = Awaited<ReturnType<typeof make.project>>;
type Row = { code: string; name: string } & Record<string, unknown>;

let finance: Agent;

const knex = () => getStrapi().db.connection as unknown as Knex;
const evm = () => getStrapi().plugin('pmo').service('earnedValue') as any;
const figuresOf = (answer: Record<string, unknown>) => Object.fromEntries(FIGURES.map((key) => [key, answer[key]]));
const idsOf = async (docs: Doc[]) =>
  ((await getStrapi().db.query('api::project.project' as never).findMany({ where: { documentId: { $in: docs.map((d) => d.documentId) } }, select: ['id'] })) as Array<{ id: number }>).map((p) => p.id);

/** The per-project path: every project's figures, and their sums, for these projects. */
async function perProject(docs: Doc[], asOf: string) {
  const ids = await idsOf(docs);
  const table = (getStrapi().db.metadata.get('api::project.project' as never) as any).tableName as string;
  const date = { year: Number(asOf.slice(0, 4)), month: Number(asOf.slice(5, 7)), day: Number(asOf.slice(8, 10)) };
  return evm().forProjects(() => knex()(table).select('id').whereIn('id', ids), { date, text: asOf });
}

/** Every page of a roll-up over HTTP, `size` projects a page. */
async function allPages(path: string, size: number, sort = 'code') {
  const first = await finance.get(`${path}&pageSize=${size}&sort=${sort}`);
  expect(first.status).toBe(200);
  const rows: Row[] = [...first.body.projects];
  for (let page = 2; page <= Math.ceil(first.body.pagination.total / size); page += 1) {
    const res = await finance.get(`${path}&pageSize=${size}&page=${page}&sort=${sort}`);
    expect(res.body.pagination).toEqual({ page, pageSize: size, total: first.body.pagination.total });
    expect(figuresOf(res.body)).toEqual(figuresOf(first.body));
    rows.push(...res.body.projects);
  }
  return { first: first.body, rows };
}

beforeAll(async () => {
  finance = await asRole('finance');
});

describe('paging a roll-up', () => {
  let portfolio: Doc;
  let projects: Doc[];

  beforeAll(async () => {
    portfolio = await make.portfolio('Paged portfolio');
    const north = await make.programme(portfolio, 'North');
    const south = await make.programme(portfolio, 'South');
    projects = [];
    for (const [i, name] of ['Zeta', 'Alpha', 'Mu', 'Beta', 'Kappa'].entries()) {
      const project = await make.project(i % 2 ? south : north, name);
      await make.budgetLine(project, '2026-02-01', 'labour', `${(i + 1) * 1000}.00`);
      await make.statusReport(project, '2026-02-20', (i + 1) * 10);
      await make.costEntry(project, '2026-02-25', `${(i + 1) * 150}.00`);
      projects.push(project);
    }
  });

  it('answers 50 projects a page by code by default, the totals over all of them', async () => {
    const res = await finance.get(`/pmo/evm/portfolios/${portfolio.documentId}?asOf=${AS_OF}`);
    expect(res.status).toBe(200);
    expect(res.body.pagination).toEqual({ page: 1, pageSize: 50, total: 5 });
    expect(res.body.projects.map((p: Row) => p.code)).toEqual(projects.map((p) => p.code).sort());
    // BAC 15,000; EV 1,000 × 10 % + 2,000 × 20 % + … = 5,500; AC 2,250.
    expect(res.body).toMatchObject({ bac: '15000.00', pv: '15000.00', ev: '5500.00', ac: '2250.00', cpi: 2.4444, spi: 0.3667 });
  });

  it('pages the projects in the order asked, the totals the same on every page', async () => {
    const path = `/pmo/evm/portfolios/${portfolio.documentId}?asOf=${AS_OF}`;
    const byName = await allPages(path, 2, 'name');
    expect(byName.rows.map((p) => p.name)).toEqual(['Alpha', 'Beta', 'Kappa', 'Mu', 'Zeta']);
    expect(byName.first).toMatchObject({ bac: '15000.00', ev: '5500.00', pagination: { page: 1, pageSize: 2, total: 5 } });
    const past = await finance.get(`${path}&page=4&pageSize=2`);
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ projects: [], pagination: { page: 4, pageSize: 2, total: 5 }, bac: '15000.00' });
  });

  it('pages a programme the same way, its earned schedule over all its projects', async () => {
    const programme = await make.programme(portfolio, 'Paged programme');
    for (const name of ['One', 'Two', 'Three']) {
      const project = await make.project(programme, name);
      await make.budgetLine(project, '2026-03-01', 'opex', '3100.00');
      await make.statusReport(project, '2026-03-05', 20);
    }
    const whole = await finance.get(`/pmo/evm/programmes/${programme.documentId}?asOf=${AS_OF}`);
    const page = await finance.get(`/pmo/evm/programmes/${programme.documentId}?asOf=${AS_OF}&pageSize=1&page=3`);
    expect(page.status).toBe(200);
    expect(page.body.projects).toHaveLength(1);
    expect(page.body.pagination).toEqual({ page: 3, pageSize: 1, total: 3 });
    // PV 3 × 3,100 × 10/31 = 3,000; EV 20 % of 9,300 = 1,860.
    expect(page.body).toMatchObject({ pv: '3000.00', ev: '1860.00', spi: 0.62 });
    const { projects: _whole, pagination: _p, ...wholeTotals } = whole.body;
    const { projects: _page, pagination: _q, ...pageTotals } = page.body;
    expect(pageTotals).toEqual(wholeTotals);
  });

  it.each([
    ['pageSize=101', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=0', 'page'],
    ['page=two', 'page'],
    ['sort=cpi', 'sort'],
    ['order=code', 'order'],
  ])('refuses %s with a 400 naming it', async (query, field) => {
    for (const level of ['portfolios', 'programmes']) {
      const id = level === 'portfolios' ? portfolio.documentId : (await make.programme(portfolio)).documentId;
      const res = await finance.get(`/pmo/evm/${level}/${id}?asOf=${AS_OF}&${query}`);
      expect([level, res.status]).toEqual([level, 400]);
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path)).toContainEqual([field]);
    }
  });

  it('adds the programmes to a portfolio only when asked, and refuses them on a programme or a bad value', async () => {
    const bad = await finance.get(`/pmo/evm/portfolios/${portfolio.documentId}?asOf=${AS_OF}&programmes=yes`);
    expect([bad.status, bad.body.error.details.errors[0].path]).toEqual([400, ['programmes']]);
    const onProgramme = await finance.get(`/pmo/evm/programmes/${(await make.programme(portfolio, 'Asked')).documentId}?programmes=true`);
    expect(onProgramme.status).toBe(400);
    const asked = await finance.get(`/pmo/evm/portfolios/${portfolio.documentId}?asOf=${AS_OF}&programmes=true`);
    const names = asked.body.programmes.map((row: Row) => row.name);
    expect(names).toEqual(expect.arrayContaining(['Asked', 'North', 'South']));
    expect(names).toEqual([...names].sort());
    // The new programme has no projects: zeros, no indices.
    expect(asked.body.programmes.find((row: Row) => row.name === 'Asked')).toMatchObject({ bac: '0.00', ac: '0.00', cpi: null, spi: null });
  });

  it('refuses paging on a project, which has no list', async () => {
    const res = await finance.get(`/pmo/evm/projects/${projects[0].documentId}?asOf=${AS_OF}&page=1`);
    expect(res.status).toBe(400);
  });
});

/* Random portfolios: what each project gets. */
const MAX = 9007199254740991;
const amount = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5_000_000 }) },
  fc.integer({ min: MAX - 1_000_000, max: MAX }),
  fc.integer({ min: -500_000, max: -1 })
);
const month = fc.integer({ min: 1, max: 5 }).map((m) => `2026-${String(m).padStart(2, '0')}-01`);
const day = fc.record({ m: fc.integer({ min: 1, max: 5 }), d: fc.integer({ min: 1, max: 28 }) }).map(({ m, d }) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const projectArb = fc.record({
  programme: fc.integer({ min: 0, max: 1 }),
  lines: fc.array(fc.record({ period: month, category: fc.constantFrom('labour', 'capex', 'management-reserve'), amount }), { maxLength: 4 }),
  reports: fc.array(fc.record({ asOf: day, percent: fc.integer({ min: 0, max: 100 }) }), { maxLength: 2 }),
  costs: fc.array(fc.record({ date: day, amount }), { maxLength: 3 }),
});
const minorText = (minor: number) => {
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return `${minor < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

describe('roll-up totals (property)', () => {
  it('equal the sums of every project’s own figures, and the pages are every project’s own', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(projectArb, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('2026-02-28', '2026-03-01', '2026-03-10', '2026-03-31', '2026-04-15'),
        async (specs, asOf) => {
          const portfolio = await make.portfolio('Random portfolio');
          const programmes = [await make.programme(portfolio, 'Random A'), await make.programme(portfolio, 'Random B')];
          const docs: Doc[] = [];
          for (const [i, spec] of specs.entries()) {
            const project = await make.project(programmes[spec.programme], `Random ${i}`);
            for (const line of spec.lines) await make.budgetLine(project, line.period, line.category, minorText(line.amount));
            for (const report of spec.reports) await make.statusReport(project, report.asOf, report.percent);
            for (const cost of spec.costs) await make.costEntry(project, cost.date, minorText(cost.amount));
            docs.push(project);
          }

          const old = await perProject(docs, asOf);
          const { first, rows } = await allPages(`/pmo/evm/portfolios/${portfolio.documentId}?asOf=${asOf}`, 2);
          expect(figuresOf(first)).toEqual(figuresOf(old.total));
          expect(first.pagination.total).toBe(docs.length);
          expect(rows).toEqual(old.projects);

          // Asked for, the portfolio's answer carries each programme's own figures, by name (one
          // with no projects: zero), and the same totals.
          expect(first.programmes).toBeUndefined();
          const withProgrammes = (await finance.get(`/pmo/evm/portfolios/${portfolio.documentId}?asOf=${asOf}&programmes=true`)).body;
          expect(figuresOf(withProgrammes)).toEqual(figuresOf(first));
          expect(withProgrammes.programmes.map((row: Row) => row.name)).toEqual(['Random A', 'Random B']);
          for (const [p, programme] of programmes.entries()) {
            const mine = docs.filter((_, i) => specs[i].programme === p);
            const res = await finance.get(`/pmo/evm/programmes/${programme.documentId}?asOf=${asOf}`);
            expect(res.status).toBe(200);
            expect(figuresOf(res.body)).toEqual(figuresOf((await perProject(mine, asOf)).total));
            expect(withProgrammes.programmes[p]).toEqual({ documentId: programme.documentId, code: programme.code, name: programme.name, ...figuresOf(res.body) });
          }
        }
      ),
      { numRuns: 15 }
    );
  });
});
