/**
 * Keeps the `label` of status reports and budget lines (shared/record-labels.ts) right on every
 * write path. The label is computed from the stored row and its project's code, after the write
 * and in its transaction, and written through the query layer, so no Document Service middleware
 * runs again and nobody else's value gets in: security/protected-fields.ts refuses a `label` a
 * person or client sends (owner `record-labels`) before this runs.
 *
 * - A status report or budget line created, updated or cloned: its own label, with
 *   `strapi.db.query(...).update` (the answer carries the new label too).
 * - A project whose code changes, which gains or loses status reports or budget lines, or is
 *   deleted: the labels of the rows it had and has, in one set-based update that leaves their
 *   `updatedAt` alone (the reports themselves did not change).
 * - At every start (`backfillRecordLabels`): every label that is missing, null or empty (a database
 *   from before labels, rows inserted with SQL), 500 rows at a time by id. When none is missing
 *   that is one `SELECT … WHERE label IS NULL … LIMIT 500` per type answering nothing: the tables
 *   are never read whole at a start. A label made stale by SQL that changed a row behind PMO Hub's
 *   back is put right by the row's or its project's next write (or `relabel(strapi, uid)`, every
 *   row of the type, from `strapi console`).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LABEL_FIELD, LABELLED_TYPES } from '../../../shared/record-labels';
import { PROJECT_UID } from '../../../shared/contracts/uids';
import { columnsOf, withKnex } from '../platform/db';

type Narrow = (query: Knex.QueryBuilder, columns: { row: string; projectDocumentId: string }) => void;
type Stale = { id: number; label: string };

/** Rows of the labelled type `uid` (narrowed) whose stored label is not the one their facts give. */
async function staleLabels(knex: Knex, strapi: Core.Strapi, uid: string, narrow?: Narrow): Promise<Stale[]> {
  const type = LABELLED_TYPES[uid];
  const row = columnsOf(strapi, uid);
  const link = row.link('project');
  const project = columnsOf(strapi, PROJECT_UID);
  const query = knex(`${row.table} as r`)
    .leftJoin(`${link.table} as rp`, `rp.${link.owner}`, 'r.id')
    .leftJoin(`${project.table} as p`, 'p.id', `rp.${link.target}`)
    .select({
      id: 'r.id',
      stored: `r.${row.column(LABEL_FIELD)}`,
      code: `p.${project.column('code')}`,
      ...Object.fromEntries(type.fields.map((field) => [field, `r.${row.column(field)}`])),
    })
    .orderBy('r.id');
  narrow?.(query, { row: 'r.id', projectDocumentId: `p.${project.column('documentId')}` });
  const rows = (await query) as Array<Record<string, unknown> & { id: number; stored: string | null }>;
  const seen = new Set<number>();
  const stale: Stale[] = [];
  for (const found of rows) {
    if (seen.has(found.id)) continue; // a row linked twice (never, for a many-to-one) is labelled once
    seen.add(found.id);
    const label = type.label(found);
    if (found.stored !== label) stale.push({ id: Number(found.id), label });
  }
  return stale;
}

const CHUNK = 500;

/** Writes many labels with one `UPDATE … SET label = CASE id …` per chunk; `updatedAt` is left alone. */
async function writeLabels(knex: Knex, strapi: Core.Strapi, uid: string, stale: Stale[]) {
  const row = columnsOf(strapi, uid);
  for (let start = 0; start < stale.length; start += CHUNK) {
    const chunk = stale.slice(start, start + CHUNK);
    const cases = chunk.map(() => 'WHEN ? THEN ?').join(' ');
    await knex(row.table)
      .whereIn('id', chunk.map((item) => item.id))
      .update({ [row.column(LABEL_FIELD)]: knex.raw(`CASE ?? ${cases} END`, ['id', ...chunk.flatMap((item) => [item.id, item.label])]) });
  }
}

/** Relabels the rows of `uid` that `narrow` selects (all when absent); answers how many changed. */
export function relabel(strapi: Core.Strapi, uid: string, narrow?: Narrow): Promise<number> {
  return withKnex(strapi, async (knex) => {
    const stale = await staleLabels(knex, strapi, uid, narrow);
    await writeLabels(knex, strapi, uid, stale);
    return stale.length;
  });
}

/**
 * The missing labels of `uid`, set: rows read and written a chunk at a time by id (each read
 * narrowed to missing labels past the last chunk), so neither the table nor its gaps are ever
 * held whole. Answers how many were set.
 */
async function labelMissing(strapi: Core.Strapi, uid: string): Promise<number> {
  const label = `r.${columnsOf(strapi, uid).column(LABEL_FIELD)}`;
  let after = 0;
  let changed = 0;
  for (;;) {
    const chunk = await withKnex(strapi, async (knex) => {
      const missing = await staleLabels(knex, strapi, uid, (query, columns) =>
        query.where((where) => where.whereNull(label).orWhere(label, '')).where(columns.row, '>', after).limit(CHUNK)
      );
      await writeLabels(knex, strapi, uid, missing);
      return missing;
    });
    if (chunk.length === 0) return changed;
    changed += chunk.length;
    after = chunk[chunk.length - 1].id;
  }
}

/** Every missing label, set: run at every start; idempotent, and one small read per type when none is missing. */
export async function backfillRecordLabels(strapi: Core.Strapi): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const uid of Object.keys(LABELLED_TYPES)) changed[uid] = await labelMissing(strapi, uid);
  const total = Object.values(changed).reduce((sum, count) => sum + count, 0);
  if (total > 0) strapi.log.info(`[pmo] set the titles of ${total} status reports and budget lines`);
  return changed;
}

/** The label of one document of a labelled type, from its stored row: written, and put on `result`. */
async function labelDocument(strapi: Core.Strapi, uid: string, result: unknown) {
  const documentId = (result as { documentId?: unknown } | null)?.documentId;
  if (typeof documentId !== 'string') return;
  const stale = await withKnex(strapi, (knex) =>
    staleLabels(knex, strapi, uid, (query) => query.where(`r.${columnsOf(strapi, uid).column('documentId')}`, documentId))
  );
  for (const { id, label } of stale) {
    await strapi.db.query(uid as never).update({ where: { id }, data: { [LABEL_FIELD]: label } } as never);
  }
  if (stale.length === 0) return;
  // The answer is the document (create, update) or `{ documentId, entries }` (clone).
  const answer = result as Record<string, unknown>;
  const label = stale[stale.length - 1].label;
  for (const item of [answer, ...(Array.isArray(answer.entries) ? answer.entries : [])] as Array<Record<string, unknown>>) {
    if (item && typeof item === 'object' && LABEL_FIELD in item) item[LABEL_FIELD] = label;
  }
}

/** The project's relations to labelled types, by the labelled type. */
function projectRelations(strapi: Core.Strapi): Array<{ field: string; uid: string }> {
  const attributes = (strapi.contentType(PROJECT_UID as never) as { attributes: Record<string, { type?: string; target?: string }> }).attributes;
  return Object.entries(attributes)
    .filter(([, attribute]) => attribute.type === 'relation' && !!attribute.target && attribute.target in LABELLED_TYPES)
    .map(([field, attribute]) => ({ field, uid: attribute.target! }));
}

/** The ids of the rows of `uid` linked to the project now. */
async function linkedRows(strapi: Core.Strapi, uid: string, projectDocumentId: string): Promise<number[]> {
  return withKnex(strapi, async (knex) => {
    const row = columnsOf(strapi, uid);
    const link = row.link('project');
    const project = columnsOf(strapi, PROJECT_UID);
    const rows = (await knex(`${link.table} as rp`)
      .join(`${project.table} as p`, 'p.id', `rp.${link.target}`)
      .where(`p.${project.column('documentId')}`, projectDocumentId)
      .select({ id: `rp.${link.owner}` })) as Array<{ id: number }>;
    return rows.map((found) => Number(found.id));
  });
}

const ROW_WRITES = new Set(['create', 'update', 'clone']);
const PROJECT_WRITES = new Set(['create', 'update', 'clone', 'delete']);

export function registerRecordLabels(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    const params = context.params as { data?: Record<string, unknown>; documentId?: string };

    if (uid in LABELLED_TYPES && ROW_WRITES.has(action)) {
      return strapi.db.transaction(async () => {
        const result = await next();
        await labelDocument(strapi, uid, result);
        return result;
      });
    }

    if (uid !== PROJECT_UID || !PROJECT_WRITES.has(action)) return next();
    const relations = projectRelations(strapi);
    const data = params.data && typeof params.data === 'object' ? params.data : {};
    // The code names every label (a new project has none yet); moving reports or lines between
    // projects renames them too.
    const codeNames = action !== 'create' && 'code' in data;
    const touched = action === 'delete' ? relations : relations.filter(({ field }) => codeNames || field in data);
    if (touched.length === 0) return next();

    return strapi.db.transaction(async () => {
      const before = new Map<string, number[]>();
      if (params.documentId && action !== 'create' && action !== 'clone') {
        for (const { uid: related } of touched) before.set(related, await linkedRows(strapi, related, params.documentId));
      }
      const result = await next();
      const after = (result as { documentId?: unknown } | null)?.documentId;
      for (const { uid: related } of touched) {
        const had = before.get(related) ?? [];
        if (typeof after !== 'string' && had.length === 0) continue;
        await relabel(strapi, related, (query, columns) =>
          query.where((where) => {
            if (typeof after === 'string') where.orWhere(columns.projectDocumentId, after);
            if (had.length > 0) where.orWhereIn(columns.row, had);
          })
        );
      }
      return result;
    });
  });
}
