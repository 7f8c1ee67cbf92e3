/**
 * Property: whatever sequence of cost-entry writes happens — created, amount, date or project
 * changed, unlinked, deleted, through the Document Service or raw SQL, and projects deleted —
 * the cost totals the roll-ups read (finance/cost-totals.ts) equal the bare SQL sum of the entries
 * per project and month, per project and day and per project, and each project's earned value
 * (its total less what is dated after asOf) answers the bare sum to asOf as its AC. Cost entries have no draft & publish, so there is no publish to exercise.
 */
import fc from 'fast-check';
import { sumMinor } from '../../src/plugins/pmo/server/src/platform/money-sql';
import { formatMinor } from '../../src/plugins/pmo/shared/money';
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import * as make from './finance-fixtures';
import { keptTotals, linkedRows, linkedWrites, MAX_AMOUNT, totalLine, type LinkedWrite } from './linked-writes';

const ENTRY = 'api::cost-entry.cost-entry';
const TOTALS = 'pmo_cost_totals';
const MAX = MAX_AMOUNT;
const big = (value: number) => BigInt(value);

type Doc = Awaited<ReturnType<typeof make.project>>;

let finance: Agent;
let programme: Doc;
const { projects, rows: entries, knex, documents, meta, projectId, live, projectOf, rowOf, ids, applyLinked, isPostgres } = linkedRows(ENTRY);

const amount = fc.oneof(
  fc.bigInt({ min: big(-100_000), max: big(10_000_000) }),
  fc.bigInt({ min: MAX - big(1_000_000), max: MAX }),
  fc.bigInt({ min: -MAX, max: -MAX + big(1_000_000) })
);
const date = fc
  .record({ month: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `${['2025-12', '2026-01', '2026-02', '2026-03'][month]}-${String(day).padStart(2, '0')}`);
const pick = fc.nat();

/** The writes of a cost entry's own fields; the rest are every linked type's (linked-writes.ts). */
type Write =
  | LinkedWrite
  | { kind: 'create'; project: number; date: string; amount: bigint }
  | { kind: 'amount'; row: number; amount: bigint }
  | { kind: 'date'; row: number; date: string }
  | { kind: 'raw-amount'; row: number; amount: bigint };

const write: fc.Arbitrary<Write> = fc.oneof<Array<fc.WeightedArbitrary<Write>>>(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), project: pick, date, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amount' as const), row: pick, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('date' as const), row: pick, date }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw-amount' as const), row: pick, amount }) },
  ...linkedWrites
);

async function apply(w: Write): Promise<void> {
  if (w.kind === 'create') {
    entries.push((await make.costEntry(projectOf(w)!, w.date, '0', { amount: w.amount.toString() })) as any);
    return;
  }
  if (!('amount' in w || 'date' in w)) return applyLinked(w as LinkedWrite);
  const entry = rowOf(w);
  if (!entry) return;
  switch (w.kind) {
    case 'amount':
      return void (await documents().update({ documentId: entry.documentId, data: { amount: w.amount.toString() } as any }));
    case 'date':
      return void (await documents().update({ documentId: entry.documentId, data: { date: w.date } as any }));
    case 'raw-amount':
      return void (await knex()(meta().table).where({ id: entry.id }).update({ amount: w.amount.toString() }));
  }
}

/** Per project and period (`YYYY-MM`, `YYYY-MM-DD`, or the whole total, length 0): the entries' bare sum and count, and the totals'. */
async function bareAndTotals(length: 0 | 7 | 10, ids: number[]) {
  const k = knex();
  const { table, link, owner, target } = meta();
  const period = isPostgres() ? `left(to_char(c.date, 'YYYY-MM-DD'), ${length})` : `substr(c.date, 1, ${length})`;
  const bare = await k
    .from(`${table} as c`)
    .join(`${link} as l`, `l.${owner}`, 'c.id')
    .whereIn(`l.${target}`, ids)
    .groupBy(`l.${target}`)
    .groupByRaw(period)
    .select({ project: `l.${target}` }, k.raw(`${period} AS period`), sumMinor(k, 'c.amount', 'total'), k.raw('COUNT(*) AS n'));
  return { bare: bare.map(totalLine).sort(), totals: await keptTotals(k, TOTALS, { 0: 't', 7: 'm', 10: 'd' }[length], ids) };
}

/** The bare sum of a project's entries dated on or before asOf, in minor units. */
async function bareCost(project: Doc, asOf: string): Promise<bigint> {
  const { table, link, owner, target } = meta();
  const id = (await projectId(project))!.id;
  const rows = await knex().from(`${table} as c`).join(`${link} as l`, `l.${owner}`, 'c.id').where(`l.${target}`, id).where('c.date', '<=', asOf).select({ amount: knex().raw('CAST(c.amount AS TEXT)') });
  return rows.reduce((sum: bigint, row: any) => sum + BigInt(row.amount), big(0));
}

beforeAll(async () => {
  finance = await asRole('finance');
  programme = await make.programme(await make.portfolio(), 'Totals programme');
  for (const name of ['Lyra', 'Vela', 'Carina']) projects.push(await make.project(programme, name));
});

describe('cost totals', () => {
  it('equal the bare sum per project and month and per project and day after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 20 }), fc.constantFrom('2026-01-31', '2026-02-14', '2026-03-01'), async (writes, asOf) => {
        if (live().length < 3) projects.push(await make.project(programme, 'Replacement'));
        for (const w of writes) await apply(w);
        const made = await ids();
        for (const length of [0, 7, 10] as const) {
          const { bare, totals } = await bareAndTotals(length, made);
          expect(totals).toEqual(bare);
        }
        // A deleted project keeps no totals (its entries are no longer linked to it).
        const left = await knex()(TOTALS).whereNotIn('project_id', (await Promise.all(live().map(projectId))).map((p) => p!.id)).whereIn('project_id', made).count({ n: '*' });
        expect(Number(left[0].n)).toBe(0);
        for (const project of live()) {
          const res = await finance.get(`/pmo/evm/projects/${project.documentId}?asOf=${asOf}`);
          expect([project.name, res.status, res.body.ac]).toEqual([project.name, 200, formatMinor(await bareCost(project, asOf))]);
        }
      }),
      { numRuns: 12 }
    );
  });

  it('stay exact when many amounts near the largest land in one month (past 2^63 in total)', async () => {
    const project = await make.project(programme, 'Pyxis');
    const { table, link, owner, target } = meta();
    const id = (await projectId(project))!.id;
    // 1,100 amounts of 2^53 − 1 straight into the tables (as an import would): 9.9 × 10^18 > 2^63.
    const rows = Array.from({ length: 1100 }, (_, i) => ({ document_id: `costtotals${id}x${i}`, date: '2026-02-10', category: 'opex', amount: MAX.toString() }));
    for (let i = 0; i < rows.length; i += 250) {
      const inserted = await knex()(table).insert(rows.slice(i, i + 250)).returning('id');
      await knex()(link).insert(inserted.map((row: any) => ({ [owner]: typeof row === 'object' ? row.id : row, [target]: id })));
    }
    const res = await finance.get(`/pmo/evm/projects/${project.documentId}?asOf=2026-02-28`);
    expect(res.status).toBe(200);
    expect(res.body.ac).toBe(formatMinor(MAX * big(1100)));
    const { bare, totals } = await bareAndTotals(7, [id]);
    expect(totals).toEqual([`${id} 2026-02 = ${(MAX * big(1100)).toString()} (1100)`]);
    expect(totals).toEqual(bare);
  });
});
