/**
 * Indexes for the lookups every request makes and Strapi's schemas cannot declare: a signed-in
 * admin user is matched to their person by email, case aside (`{ email: { $eqi } }`: the actor of
 * a transition, my work, preferences, decisions, assessments). Strapi writes that comparison as
 * `LOWER(CAST(email AS VARCHAR)) = LOWER(?)` on PostgreSQL and `LOWER(email) = LOWER(?)` on
 * SQLite, so the index is on that very expression; without it each lookup reads every person
 * (15 ms a time at 20,000 people, bench/README.md "bench/transition").
 *
 * And two on the cost entries, the largest table by far (tens of millions of rows), for the
 * Content Manager's own reads of it, which Strapi's schemas cannot index: its list of cost
 * entries opens sorted by date (layouts.ts), and the admin home's "Last edited entries" asks each
 * type for its latest by `updated_at`. Without them each is a sort of the whole table: 1.9 s and
 * 1.0 s at 10,000,000 entries on PostgreSQL (bench/README.md "bench/lists", every page). With
 * them, a few rows of an index (the date index on PostgreSQL only, below). Made at each start if
 * missing (`IF NOT EXISTS`): the first start on a large database takes some seconds per index.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { COST_ENTRY_UID, PERSON_UID } from '../../../shared/contracts/uids';
import { columnsOf } from './db';

/** `LOWER(??)` as Strapi's `$eqi` writes it for this database. */
const lowered = (knex: Knex) => ((knex.client as { dialect?: string }).dialect === 'postgresql' ? 'LOWER(CAST(?? AS VARCHAR))' : 'LOWER(??)');

export async function ensureLookupIndexes(strapi: Core.Strapi) {
  const knex = strapi.db.connection as unknown as Knex;
  const people = columnsOf(strapi, PERSON_UID);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${lowered(knex)})`, [`${people.table}_email_lower_idx`, people.table, people.column('email')]);
  const costs = columnsOf(strapi, COST_ENTRY_UID);
  // The date index on PostgreSQL only: SQLite's planner, which has no statistics to weigh it by,
  // then reads the cost ledger export through it, a row lookup per entry instead of one sort,
  // 10-15 % slower (bench/README.md, bench/export); PostgreSQL keeps its sort for a whole export.
  const indexed = (knex.client as { dialect?: string }).dialect === 'postgresql' ? ['date', 'updatedAt'] : ['updatedAt'];
  for (const attribute of indexed) {
    const column = costs.column(attribute);
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [`${costs.table}_${column}_idx`, costs.table, column]);
  }
}
