/**
 * Indexes for the lookups every request makes and Strapi's schemas cannot declare: a signed-in
 * admin user is matched to their person by email, case aside (`{ email: { $eqi } }`: the actor of
 * a transition, my work, preferences, decisions, assessments). Strapi writes that comparison as
 * `LOWER(CAST(email AS VARCHAR)) = LOWER(?)` on PostgreSQL and `LOWER(email) = LOWER(?)` on
 * SQLite, so the index is on that very expression; without it each lookup reads every person
 * (15 ms a time at 20,000 people, bench/README.md "bench/transition"). Made at each start if
 * missing (`IF NOT EXISTS`), on both databases.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PERSON_UID } from '../../../shared/contracts/uids';
import { columnsOf } from './db';

/** `LOWER(??)` as Strapi's `$eqi` writes it for this database. */
const lowered = (knex: Knex) => ((knex.client as { dialect?: string }).dialect === 'postgresql' ? 'LOWER(CAST(?? AS VARCHAR))' : 'LOWER(??)');

export async function ensureLookupIndexes(strapi: Core.Strapi) {
  const knex = strapi.db.connection as unknown as Knex;
  const people = columnsOf(strapi, PERSON_UID);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${lowered(knex)})`, [`${people.table}_email_lower_idx`, people.table, people.column('email')]);
}
