/**
 * Rows of a content type linked to one project each (cost entries, budget lines), written at
 * random by the property tests of the totals the database keeps of them
 * (finance-cost-totals.test.ts, finance-budget-totals.test.ts). The writes every such type has
 * are here — moved to another project, unlinked, deleted (through the Document Service), moved
 * in raw SQL, a project deleted — and each test adds the writes of its own fields.
 */
import fc from 'fast-check';
import type { Knex } from 'knex';
import { getStrapi } from '../helpers/strapi';

type Doc = { documentId: string; code: string; name: string };
type Row = { documentId: string; id: number };

/** The writes every linked type has; `row` and `project` pick among the live ones, modulo their number. */
export type LinkedWrite =
  | { kind: 'move'; row: number; project: number }
  | { kind: 'unlink'; row: number }
  | { kind: 'delete'; row: number }
  | { kind: 'raw-move'; row: number; project: number }
  | { kind: 'delete-project'; project: number };

const pick = fc.nat();

/** The largest amount a money field takes (2^53 − 1 minor units). */
export const MAX_AMOUNT = BigInt('9007199254740991');

/**
 * A kept totals table's rows of one span for some projects, each as the sums are compared:
 * `<project> <period> = <amount> (<rows>)`, the amount put together from its two parts.
 */
export async function keptTotals(knex: Knex, table: string, span: string, projectIds: number[]): Promise<string[]> {
  const rows = await knex(table)
    .where('span', span)
    .whereIn('project_id', projectIds)
    .select({ project: 'project_id', period: 'period' }, knex.raw('CAST(amount_high AS TEXT) AS high'), knex.raw('CAST(amount_low AS TEXT) AS low'), { n: 'entries' });
  return rows.map((r: any) => totalLine({ ...r, total: (BigInt(r.high) * BigInt(1_000_000_000) + BigInt(r.low)).toString() })).sort();
}

/** A bare sum's row as keptTotals writes a kept one. */
export const totalLine = (r: { project: unknown; period: unknown; total: unknown; n: unknown }) => `${r.project} ${r.period} = ${r.total} (${Number(r.n)})`;

/** The arbitraries of those writes, weighted as the tests had them. */
export const linkedWrites: Array<fc.WeightedArbitrary<LinkedWrite>> = [
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), row: pick, project: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink' as const), row: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), row: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw-move' as const), row: pick, project: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-project' as const), project: pick }) },
];

export function linkedRows(uid: string) {
  /** The test's projects, live and deleted (a deleted one must keep no totals). */
  const projects: Doc[] = [];
  const deleted = new Set<string>();
  const rows: Row[] = [];
  const knex = () => getStrapi().db.connection as unknown as Knex;
  const documents = () => getStrapi().documents(uid as any);
  const meta = () => {
    const model = getStrapi().db.metadata.get(uid as never) as any;
    const join = model.attributes.project.joinTable;
    return { table: model.tableName as string, link: join.name as string, owner: join.joinColumn.name as string, target: join.inverseJoinColumn.name as string };
  };
  const projectId = async (doc: Doc) =>
    (await getStrapi().db.query('api::project.project' as never).findOne({ where: { documentId: doc.documentId }, select: ['id'] })) as { id: number } | null;
  const live = () => projects.filter((p) => !deleted.has(p.documentId));
  const projectOf = (w: { project?: number }) => (w.project === undefined ? undefined : live()[w.project % live().length]);
  const rowOf = (w: { row?: number }) => (w.row === undefined || rows.length === 0 ? undefined : rows[w.row % rows.length]);
  /** The ids of every project the test made, deleted ones left out. */
  const ids = async () => (await Promise.all(projects.map(projectId))).filter((p): p is { id: number } => p !== null).map((p) => p.id);

  /** Applies one of the common writes. */
  async function applyLinked(w: LinkedWrite): Promise<void> {
    const target = projectOf(w as { project?: number });
    if (w.kind === 'delete-project') {
      if (live().length > 2) {
        await getStrapi().documents('api::project.project').delete({ documentId: target!.documentId });
        deleted.add(target!.documentId);
      }
      return;
    }
    const row = rowOf(w);
    if (!row) return;
    const { link, owner, target: projectColumn } = meta();
    switch (w.kind) {
      case 'move':
        await documents().update({ documentId: row.documentId, data: { project: target!.documentId } as any });
        return;
      case 'unlink':
        await documents().update({ documentId: row.documentId, data: { project: null } as any });
        return;
      case 'delete':
        await documents().delete({ documentId: row.documentId });
        rows.splice(rows.indexOf(row), 1);
        return;
      case 'raw-move': {
        const moved = await knex()(link).where({ [owner]: row.id }).update({ [projectColumn]: (await projectId(target!))!.id });
        if (moved === 0) await knex()(link).insert({ [owner]: row.id, [projectColumn]: (await projectId(target!))!.id });
      }
    }
  }

  const isPostgres = () => getStrapi().db.dialect.client === 'postgres';
  return { projects, deleted, rows, knex, documents, meta, projectId, live, projectOf, rowOf, ids, applyLinked, isPostgres };
}
