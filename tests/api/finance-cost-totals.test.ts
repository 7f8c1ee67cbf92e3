/**
 * Property: whatever sequence of cost-entry writes happens — created, amount, date or project
 * changed, unlinked, deleted, through the Document Service or raw SQL, and projects deleted —
 * the cost totals the roll-ups read (finance/cost-totals.ts) equal the bare SQL sum of the entries
 * per project and month, per project and day and per project, and each project's earned value
 * (its total less what is dated after asOf) answers the bare sum to asOf as its AC. Cost entries have no draft & publish, so there is no publish to exercise.
 */
import fc from 'fast-check';
import type { Knex } from 'knex';
import { sumMinor } from '../../src/plugins/pmo/server/src/platform/money-sql';
import { formatMinor } from '../../src/plugins/pmo/shared/money';
import { asRole, getStrapi, type Agent } from '../helpers/strapi';
import * as make from './finance-fixtures';

const ENTRY = 'api::cost-entry.cost-entry';
const TOTALS = 'pmo_cost_totals';
const MAX = BigInt('9007199254740991');
const big = (value: number) => BigInt(value);
const BILLION = big(1_000_000_000);

type Doc = Awaited<ReturnType<typeof make.project>>;
type Entry = { documentId: string; id: number };

let finance: Agent;
let programme: Doc;
/** The test's projects, live and deleted (a deleted one must keep no totals). */
const projects: Doc[] = [];
const deleted = new Set<string>();
const entries: Entry[] = [];

const knex = () => getStrapi().db.connection as unknown as Knex;
const isPostgres = () => getStrapi().db.dialect.client === 'postgres';
const meta = () => {
  const model = getStrapi().db.metadata.get(ENTRY as never) as any;
  const join = model.attributes.project.joinTable;
  return { table: model.tableName as string, link: join.name as string, owner: join.joinColumn.name as string, target: join.inverseJoinColumn.name as string };
};
const projectId = async (doc: Doc) =>
  (await getStrapi().db.query('api::project.project' as never).findOne({ where: { documentId: doc.documentId }, select: ['id'] })) as { id: number } | null;

const amount = fc.oneof(
  fc.bigInt({ min: big(-100_000), max: big(10_000_000) }),
  fc.bigInt({ min: MAX - big(1_000_000), max: MAX }),
  fc.bigInt({ min: -MAX, max: -MAX + big(1_000_000) })
);
const date = fc
  .record({ month: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `${['2025-12', '2026-01', '2026-02', '2026-03'][month]}-${String(day).padStart(2, '0')}`);
const pick = fc.nat();

type Write =
  | { kind: 'create'; project: number; date: string; amount: bigint }
  | { kind: 'amount'; entry: number; amount: bigint }
  | { kind: 'date'; entry: number; date: string }
  | { kind: 'move'; entry: number; project: number }
  | { kind: 'unlink'; entry: number }
  | { kind: 'delete'; entry: number }
  | { kind: 'raw-amount'; entry: number; amount: bigint }
  | { kind: 'raw-move'; entry: number; project: number }
  | { kind: 'delete-project'; project: number };

const write: fc.Arbitrary<Write> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), project: pick, date, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amount' as const), entry: pick, amount }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('date' as const), entry: pick, date }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), entry: pick, project: pick }) },
  fc.record({ kind: fc.constant('unlink' as const), entry: pick }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), entry: pick }) },
  fc.record({ kind: fc.constant('raw-amount' as const), entry: pick, amount }),
  fc.record({ kind: fc.constant('raw-move' as const), entry: pick, project: pick }),
  fc.record({ kind: fc.constant('delete-project' as const), project: pick })
);

const live = () => projects.filter((p) => !deleted.has(p.documentId));

async function apply(w: Write): Promise<void> {
  const documents = getStrapi().documents(ENTRY as any);
  const target = 'project' in w ? live()[w.project % live().length] : undefined;
  const entry = 'entry' in w && entries.length > 0 ? entries[w.entry % entries.length] : undefined;
  const { table, link, owner, target: projectColumn } = meta();
  switch (w.kind) {
    case 'create': {
      const doc = (await make.costEntry(target!, w.date, '0', { amount: w.amount.toString() })) as unknown as Entry;
      entries.push(doc);
      return;
    }
    case 'delete-project':
      if (live().length > 2) {
        await getStrapi().documents('api::project.project').delete({ documentId: target!.documentId });
        deleted.add(target!.documentId);
      }
      return;
  }
  if (!entry) return;
  switch (w.kind) {
    case 'amount':
      await documents.update({ documentId: entry.documentId, data: { amount: w.amount.toString() } as any });
      return;
    case 'date':
      await documents.update({ documentId: entry.documentId, data: { date: w.date } as any });
      return;
    case 'move':
      await documents.update({ documentId: entry.documentId, data: { project: target!.documentId } as any });
      return;
    case 'unlink':
      await documents.update({ documentId: entry.documentId, data: { project: null } as any });
      return;
    case 'delete':
      await documents.delete({ documentId: entry.documentId });
      entries.splice(entries.indexOf(entry), 1);
      return;
    case 'raw-amount':
      await knex()(table).where({ id: entry.id }).update({ amount: w.amount.toString() });
      return;
    case 'raw-move': {
      const moved = await knex()(link).where({ [owner]: entry.id }).update({ [projectColumn]: (await projectId(target!))!.id });
      if (moved === 0) await knex()(link).insert({ [owner]: entry.id, [projectColumn]: (await projectId(target!))!.id });
    }
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
  const totals = await k(TOTALS)
    .where('span', { 0: 't', 7: 'm', 10: 'd' }[length])
    .whereIn('project_id', ids)
    .select({ project: 'project_id', period: 'period' }, k.raw(`CAST(amount_high AS TEXT) AS high`), k.raw('CAST(amount_low AS TEXT) AS low'), { n: 'entries' });
  const key = (r: any) => `${r.project} ${r.period}`;
  const text = (r: any) => `${key(r)} = ${r.total} (${Number(r.n)})`;
  return {
    bare: bare.map(text).sort(),
    totals: totals.map((r: any) => text({ ...r, total: (BigInt(r.high) * BILLION + BigInt(r.low)).toString() })).sort(),
  };
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
        const ids = (await Promise.all(projects.map(projectId))).filter((p): p is { id: number } => p !== null).map((p) => p.id);
        for (const length of [0, 7, 10] as const) {
          const { bare, totals } = await bareAndTotals(length, ids);
          expect(totals).toEqual(bare);
        }
        // A deleted project keeps no totals (its entries are no longer linked to it).
        const left = await knex()(TOTALS).whereNotIn('project_id', (await Promise.all(live().map(projectId))).map((p) => p!.id)).whereIn('project_id', ids).count({ n: '*' });
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
