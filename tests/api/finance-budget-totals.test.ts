/**
 * Property: whatever sequence of budget-line writes happens — created, amount, period, category
 * (into and out of management reserve) or project changed, unlinked, deleted, through the
 * Document Service or raw SQL, and projects deleted — the budget totals earned value reads
 * (finance/budget-totals.ts) equal the bare SQL sum of the lines that make BAC (every category
 * but management reserve) per project and month and per project, and each project's earned value
 * answers the bare sums as its BAC and PV.
 */
import fc from 'fast-check';
import type { Knex } from 'knex';
import { sumMinor } from '../../src/plugins/pmo/server/src/platform/money-sql';
import { formatMinor } from '../../src/plugins/pmo/shared/money';
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import * as make from './finance-fixtures';

const LINE = 'api::budget-line.budget-line';
const TOTALS = 'pmo_budget_totals';
const RESERVE = 'management-reserve';
const MAX = BigInt('9007199254740991');
const big = (value: number) => BigInt(value);
const BILLION = big(1_000_000_000);

type Doc = Awaited<ReturnType<typeof make.project>>;
type Line = { documentId: string; id: number };

let finance: Agent;
let programme: Doc;
/** The test's projects, live and deleted (a deleted one must keep no totals). */
const projects: Doc[] = [];
const deleted = new Set<string>();
const lines: Line[] = [];

const knex = () => getStrapi().db.connection as unknown as Knex;
const isPostgres = () => getStrapi().db.dialect.client === 'postgres';
const meta = () => {
  const model = getStrapi().db.metadata.get(LINE as never) as any;
  const join = model.attributes.project.joinTable;
  return { table: model.tableName as string, link: join.name as string, owner: join.joinColumn.name as string, target: join.inverseJoinColumn.name as string };
};
const projectId = async (doc: Doc) =>
  (await getStrapi().db.query('api::project.project' as never).findOne({ where: { documentId: doc.documentId }, select: ['id'] })) as { id: number } | null;

const amount = fc.oneof(fc.bigInt({ min: big(0), max: big(10_000_000) }), fc.bigInt({ min: MAX - big(1_000_000), max: MAX }));
const period = fc
  .record({ month: fc.integer({ min: 0, max: 3 }), day: fc.constantFrom(1, 1, 15) })
  .map(({ month, day }) => `${['2025-12', '2026-01', '2026-02', '2026-03'][month]}-${String(day).padStart(2, '0')}`);
const category = fc.constantFrom('labour', 'capex', 'opex', RESERVE);
const pick = fc.nat();

type Write =
  | { kind: 'create'; project: number; period: string; category: string; amount: bigint }
  | { kind: 'amount'; line: number; amount: bigint }
  | { kind: 'period'; line: number; period: string }
  | { kind: 'category'; line: number; category: string }
  | { kind: 'move'; line: number; project: number }
  | { kind: 'unlink'; line: number }
  | { kind: 'delete'; line: number }
  | { kind: 'raw-amount'; line: number; amount: bigint }
  | { kind: 'raw-category'; line: number; category: string }
  | { kind: 'raw-move'; line: number; project: number }
  | { kind: 'delete-project'; project: number };

const write: fc.Arbitrary<Write> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), project: pick, period, category, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amount' as const), line: pick, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('period' as const), line: pick, period }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('category' as const), line: pick, category }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), line: pick, project: pick }) },
  fc.record({ kind: fc.constant('unlink' as const), line: pick }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), line: pick }) },
  fc.record({ kind: fc.constant('raw-amount' as const), line: pick, amount }),
  fc.record({ kind: fc.constant('raw-category' as const), line: pick, category }),
  fc.record({ kind: fc.constant('raw-move' as const), line: pick, project: pick }),
  fc.record({ kind: fc.constant('delete-project' as const), project: pick })
);

const live = () => projects.filter((p) => !deleted.has(p.documentId));

async function apply(w: Write): Promise<void> {
  const documents = getStrapi().documents(LINE as any);
  const target = 'project' in w ? live()[w.project % live().length] : undefined;
  const line = 'line' in w && lines.length > 0 ? lines[w.line % lines.length] : undefined;
  const { table, link, owner, target: projectColumn } = meta();
  switch (w.kind) {
    case 'create': {
      const doc = (await documents.create({ data: { project: target!.documentId, period: w.period, category: w.category, amount: w.amount.toString() } as any })) as unknown as Line;
      lines.push(doc);
      return;
    }
    case 'delete-project':
      if (live().length > 2) {
        await getStrapi().documents('api::project.project').delete({ documentId: target!.documentId });
        deleted.add(target!.documentId);
      }
      return;
  }
  if (!line) return;
  switch (w.kind) {
    case 'amount':
      await documents.update({ documentId: line.documentId, data: { amount: w.amount.toString() } as any });
      return;
    case 'period':
      await documents.update({ documentId: line.documentId, data: { period: w.period } as any });
      return;
    case 'category':
      await documents.update({ documentId: line.documentId, data: { category: w.category } as any });
      return;
    case 'move':
      await documents.update({ documentId: line.documentId, data: { project: target!.documentId } as any });
      return;
    case 'unlink':
      await documents.update({ documentId: line.documentId, data: { project: null } as any });
      return;
    case 'delete':
      await documents.delete({ documentId: line.documentId });
      lines.splice(lines.indexOf(line), 1);
      return;
    case 'raw-amount':
      await knex()(table).where({ id: line.id }).update({ amount: w.amount.toString() });
      return;
    case 'raw-category':
      await knex()(table).where({ id: line.id }).update({ category: w.category });
      return;
    case 'raw-move': {
      const moved = await knex()(link).where({ [owner]: line.id }).update({ [projectColumn]: (await projectId(target!))!.id });
      if (moved === 0) await knex()(link).insert({ [owner]: line.id, [projectColumn]: (await projectId(target!))!.id });
    }
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
  const totals = await k(TOTALS)
    .where('span', length === 0 ? 't' : 'm')
    .whereIn('project_id', ids)
    .select({ project: 'project_id', period: 'period' }, k.raw('CAST(amount_high AS TEXT) AS high'), k.raw('CAST(amount_low AS TEXT) AS low'), { n: 'entries' });
  const key = (r: any) => `${r.project} ${r.period}`;
  const text = (r: any) => `${key(r)} = ${r.total} (${Number(r.n)})`;
  return {
    bare: bare.map(text).sort(),
    totals: totals.map((r: any) => text({ ...r, total: (BigInt(r.high) * BILLION + BigInt(r.low)).toString() })).sort(),
  };
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
        const ids = (await Promise.all(projects.map(projectId))).filter((p): p is { id: number } => p !== null).map((p) => p.id);
        for (const length of [0, 7] as const) {
          const { bare, totals } = await bareAndTotals(length, ids);
          expect(totals).toEqual(bare);
        }
        // A deleted project keeps no totals (its lines are no longer linked to it).
        const left = await knex()(TOTALS).whereNotIn('project_id', (await Promise.all(live().map(projectId))).map((p) => p!.id)).whereIn('project_id', ids).count({ n: '*' });
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
