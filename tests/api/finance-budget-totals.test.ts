/**
 * Property: whatever sequence of budget-line writes happens — created, amount, period, category
 * (into and out of management reserve) or project changed, unlinked, deleted, through the
 * Document Service or raw SQL, and projects deleted — the budget totals earned value reads
 * (finance/budget-totals.ts) equal the bare SQL sum of the lines that make BAC (every category
 * but management reserve) per project and month and per project, and each project's earned value
 * answers the bare sums as its BAC and PV.
 */
import fc from 'fast-check';
import { sumMinor } from '../../src/plugins/pmo/server/src/platform/money-sql';
import { formatMinor } from '../../src/plugins/pmo/shared/money';
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import * as make from './finance-fixtures';
import { keptTotals, linkedRows, linkedWrites, MAX_AMOUNT, totalLine, type LinkedWrite } from './linked-writes';

const LINE = 'api::budget-line.budget-line';
const TOTALS = 'pmo_budget_totals';
const RESERVE = 'management-reserve';
const MAX = MAX_AMOUNT;
const big = (value: number) => BigInt(value);

type Doc = Awaited<ReturnType<typeof make.project>>;

let finance: Agent;
let programme: Doc;
const { projects, rows: lines, knex, documents, meta, projectId, live, projectOf, rowOf, ids, applyLinked, isPostgres } = linkedRows(LINE);

const amount = fc.oneof(fc.bigInt({ min: big(0), max: big(10_000_000) }), fc.bigInt({ min: MAX - big(1_000_000), max: MAX }));
const period = fc
  .record({ month: fc.integer({ min: 0, max: 3 }), day: fc.constantFrom(1, 1, 15) })
  .map(({ month, day }) => `${['2025-12', '2026-01', '2026-02', '2026-03'][month]}-${String(day).padStart(2, '0')}`);
const category = fc.constantFrom('labour', 'capex', 'opex', RESERVE);
const pick = fc.nat();

/** The writes of a budget line's own fields; the rest are every linked type's (linked-writes.ts). */
type Write =
  | LinkedWrite
  | { kind: 'create'; project: number; period: string; category: string; amount: bigint }
  | { kind: 'amount'; row: number; amount: bigint }
  | { kind: 'period'; row: number; period: string }
  | { kind: 'category'; row: number; category: string }
  | { kind: 'raw-amount'; row: number; amount: bigint }
  | { kind: 'raw-category'; row: number; category: string };

const write: fc.Arbitrary<Write> = fc.oneof<Array<fc.WeightedArbitrary<Write>>>(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), project: pick, period, category, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amount' as const), row: pick, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('period' as const), row: pick, period }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('category' as const), row: pick, category }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw-amount' as const), row: pick, amount }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw-category' as const), row: pick, category }) },
  ...linkedWrites
);

async function apply(w: Write): Promise<void> {
  const { table } = meta();
  if (w.kind === 'create') {
    lines.push((await documents().create({ data: { project: projectOf(w)!.documentId, period: w.period, category: w.category, amount: w.amount.toString() } as any })) as any);
    return;
  }
  if (!('amount' in w || 'period' in w || 'category' in w)) return applyLinked(w as LinkedWrite);
  const line = rowOf(w);
  if (!line) return;
  switch (w.kind) {
    case 'amount':
      return void (await documents().update({ documentId: line.documentId, data: { amount: w.amount.toString() } as any }));
    case 'period':
      return void (await documents().update({ documentId: line.documentId, data: { period: w.period } as any }));
    case 'category':
      return void (await documents().update({ documentId: line.documentId, data: { category: w.category } as any }));
    case 'raw-amount':
      return void (await knex()(table).where({ id: line.id }).update({ amount: w.amount.toString() }));
    case 'raw-category':
      return void (await knex()(table).where({ id: line.id }).update({ category: w.category }));
  }
}

/** Per project and month (`YYYY-MM`) or per project (length 0): the BAC lines' bare sum and count, and the totals'. */
async function bareAndTotals(length: 0 | 7, ids: number[]) {
  const k = knex();
  const { table, link, owner, target } = meta();
  const month = isPostgres() ? `left(to_char(b.period, 'YYYY-MM-DD'), ${length})` : `substr(b.period, 1, ${length})`;
  const bare = await k
    .from(`${table} as b`)
    .join(`${link} as l`, `l.${owner}`, 'b.id')
    .whereIn(`l.${target}`, ids)
    .whereNot('b.category', RESERVE)
    .groupBy(`l.${target}`)
    .groupByRaw(month)
    .select({ project: `l.${target}` }, k.raw(`${month} AS period`), sumMinor(k, 'b.amount', 'total'), k.raw('COUNT(*) AS n'));
  return { bare: bare.map(totalLine).sort(), totals: await keptTotals(k, TOTALS, length === 0 ? 't' : 'm', ids) };
}

/** A project's BAC and PV as of a day (asOf's own month pro rata by days elapsed, rounded half up): bare sums of its lines. */
async function bareBudget(project: Doc, asOf: string): Promise<{ bac: string; pv: string }> {
  const { table, link, owner, target } = meta();
  const id = (await projectId(project))!.id;
  const rows = await knex()
    .from(`${table} as b`)
    .join(`${link} as l`, `l.${owner}`, 'b.id')
    .where(`l.${target}`, id)
    .whereNot('b.category', RESERVE)
    .select({ amount: knex().raw('CAST(b.amount AS TEXT)'), period: 'b.period' });
  const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
  let [bac, before, inMonth] = [big(0), big(0), big(0)];
  for (const row of rows as Array<{ amount: string; period: unknown }>) {
    bac += BigInt(row.amount);
    const month = day(row.period).slice(0, 7);
    if (month < asOf.slice(0, 7)) before += BigInt(row.amount);
    if (month === asOf.slice(0, 7)) inMonth += BigInt(row.amount);
  }
  const [year, month, date] = asOf.split('-').map(Number);
  const days = big(new Date(Date.UTC(year, month, 0)).getUTCDate());
  // before + inMonth × date / days, rounded half away from zero (every amount here is 0 or more).
  const numerator = before * days + inMonth * big(date);
  const pv = (big(2) * numerator + days) / (big(2) * days);
  return { bac: formatMinor(bac), pv: formatMinor(pv) };
}

beforeAll(async () => {
  finance = await asRole('finance');
  programme = await make.programme(await make.portfolio(), 'Budget totals programme');
  for (const name of ['Lyra', 'Vela', 'Carina']) projects.push(await make.project(programme, name));
});

describe('budget totals', () => {
  it('equal the bare sum of the BAC lines per project and month and per project after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 20 }), fc.constantFrom('2026-01-31', '2026-02-14', '2026-03-09', '2025-12-31'), async (writes, asOf) => {
        if (live().length < 3) projects.push(await make.project(programme, 'Replacement'));
        for (const w of writes) await apply(w);
        const made = await ids();
        for (const length of [0, 7] as const) {
          const { bare, totals } = await bareAndTotals(length, made);
          expect(totals).toEqual(bare);
        }
        // A deleted project keeps no totals (its lines are no longer linked to it).
        const left = await knex()(TOTALS).whereNotIn('project_id', (await Promise.all(live().map(projectId))).map((p) => p!.id)).whereIn('project_id', made).count({ n: '*' });
        expect(Number(left[0].n)).toBe(0);
        // What finance sees: each project's BAC and PV are the bare sums.
        for (const project of live()) {
          const res = await finance.get(`/pmo/evm/projects/${project.documentId}?asOf=${asOf}`);
          const bare = await bareBudget(project, asOf);
          expect([project.name, res.status, res.body.bac, res.body.pv]).toEqual([project.name, 200, bare.bac, bare.pv]);
        }
        // And their programme's roll-up adds the same BAC.
        const rollUp = await finance.get(`/pmo/evm/programmes/${programme.documentId}?asOf=${asOf}`);
        const budgets = await Promise.all(live().map((project) => bareBudget(project, asOf)));
        const bac = formatMinor(budgets.reduce((total, budget) => total + BigInt(budget.bac.replace('.', '')), big(0)));
        expect([rollUp.status, rollUp.body.bac]).toEqual([200, bac]);
      }),
      { numRuns: 12 }
    );
  });
});
