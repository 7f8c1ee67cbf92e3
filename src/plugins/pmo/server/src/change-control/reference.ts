/**
 * Readable change request references, `CR-<project code>-001`, numbered per project without gaps
 * or duplicates under concurrency. Each project has a counter row in `pmo_change_counters`,
 * advanced by one atomic upsert (`INSERT … ON CONFLICT DO UPDATE … RETURNING`) inside the
 * transaction that creates the change request: concurrent creators on one project queue on the
 * row lock (PostgreSQL) or the single writer (SQLite), and a rolled-back create gives its number
 * back. The table is the capability's own (Strapi leaves tables it does not know alone).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { changeReference } from './authority';
import { CHANGE_REQUEST_UID } from '../../../shared/contracts/uids';

export const COUNTER_TABLE = 'pmo_change_counters';
export { CHANGE_REQUEST_UID };

export async function ensureCounterTable(strapi: Core.Strapi) {
  const knex = strapi.db.connection as unknown as Knex;
  if (await knex.schema.hasTable(COUNTER_TABLE)) return;
  await knex.schema.createTable(COUNTER_TABLE, (table) => {
    table.string('project_document_id', 255).primary();
    table.integer('last_number').notNullable();
  });
}

/** The project's next number; run it inside the create's transaction (`knex` is that transaction). */
async function nextNumber(knex: Knex, projectDocumentId: string): Promise<number> {
  const result: any = await knex.raw(
    `INSERT INTO ${COUNTER_TABLE} (project_document_id, last_number) VALUES (?, 1)
     ON CONFLICT (project_document_id) DO UPDATE SET last_number = ${COUNTER_TABLE}.last_number + 1
     RETURNING last_number`,
    [projectDocumentId]
  );
  const rows = Array.isArray(result) ? result : result?.rows ?? [];
  const value = Number(rows[0]?.last_number);
  if (!Number.isInteger(value) || value < 1) throw new Error('the change request counter did not answer a number');
  return value;
}

/**
 * The next free reference of a project. A reference already taken (rows imported or edited
 * outside PMO Hub) is skipped, so the counter heals itself instead of failing the create.
 */
export async function nextReference(strapi: Core.Strapi, knex: Knex, project: { documentId: string; code: string }) {
  for (;;) {
    const reference = changeReference(project.code, await nextNumber(knex, project.documentId));
    const taken = await strapi.db.query(CHANGE_REQUEST_UID as never).count({ where: { reference } });
    if (taken === 0) return reference;
  }
}
