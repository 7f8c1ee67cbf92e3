/**
 * A signed-in user is matched to their person by email, case aside, on every transition, my work
 * and decision (`{ email: { $eqi } }`). The database must answer that from an index
 * (platform/lookup-indexes.ts), not by reading every person: at 20,000 people a read of the whole
 * table doubled a governed transition's time (bench/README.md "bench/transition"). Likewise the
 * Content Manager's two reads of the cost entries that open pages: its list, by date, and the
 * admin home's latest edited, by `updated_at` (1.9 s and 1.0 s at 10,000,000 entries unindexed).
 */
import { getStrapi } from '../helpers/strapi';

const PERSON = 'api::person.person';
const COST_ENTRY = 'api::cost-entry.cost-entry';

/** The SQL and bindings Strapi runs for `query` (the first statement that `pick` matches), caught from knex. */
async function sqlOf(query: () => Promise<unknown>, pick: RegExp = /lower/i) {
  const knex = getStrapi().db.connection as any;
  const seen: Array<{ sql: string; bindings: unknown[] }> = [];
  const listen = (data: { sql: string; bindings: unknown[] }) => seen.push(data);
  knex.client.on('query', listen);
  try {
    await query();
  } finally {
    knex.client.off('query', listen);
  }
  return seen.find((entry) => pick.test(entry.sql))!;
}

async function plan(sql: string, bindings: unknown[]): Promise<string> {
  const knex = getStrapi().db.connection as any;
  if (knex.client.config.client === 'postgres' || knex.client.dialect === 'postgresql') {
    // As the planner would at scale: a small test table is otherwise read whole, index or not.
    await knex.raw('SET enable_seqscan = off');
    try {
      // The event's SQL is node-postgres's ($1, $2); knex.raw binds `?`.
      const answer = await knex.raw(`EXPLAIN ${sql.replace(/\$\d+/g, '?')}`, bindings);
      return answer.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
    } finally {
      await knex.raw('SET enable_seqscan = on');
    }
  }
  const answer = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings);
  return answer.map((row: { detail: string }) => row.detail).join('\n');
}

describe('finding the person of a signed-in user', () => {
  it('reads the email index, whatever the case of the address', async () => {
    const strapi = getStrapi();
    await strapi.documents(PERSON as any).create({ data: { fullName: 'Index Finder', email: `index.finder.${Date.now()}@pmo.test` } });
    const caught = await sqlOf(() => strapi.db.query(PERSON as any).findOne({ where: { email: { $eqi: 'INDEX.Finder@pmo.test' } }, select: ['documentId'] }));
    expect(caught).toBeDefined();
    const explained = await plan(caught.sql, caught.bindings);
    expect(explained).toMatch(/people_email_lower_idx/);
  });
});

describe('the Content Manager reading the cost entries', () => {
  const postgres = process.env.DATABASE_CLIENT === 'postgres';

  (postgres ? it : it.skip)('lists them by date from the date index (PostgreSQL)', async () => {
    const strapi = getStrapi();
    const caught = await sqlOf(() => strapi.db.query(COST_ENTRY as any).findMany({ orderBy: { date: 'asc' }, limit: 10 }), /order by/i);
    expect(caught).toBeDefined();
    expect(await plan(caught.sql, caught.bindings)).toMatch(/cost_entries_date_idx/);
  });

  (postgres ? it.skip : it)('keeps the cost ledger export on its sort on SQLite, where a date index would make it slower', async () => {
    const knex = getStrapi().db.connection as any;
    const indexes = await knex.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cost_entries'");
    expect(indexes.map((row: { name: string }) => row.name)).not.toContain('cost_entries_date_idx');
  });

  it('finds the latest edited from the updated_at index', async () => {
    const strapi = getStrapi();
    // As the admin home's "Last edited entries" asks each type: newest first, then by id.
    const caught = await sqlOf(() => strapi.db.query(COST_ENTRY as any).findMany({ orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], limit: 4 }), /order by/i);
    expect(caught).toBeDefined();
    expect(await plan(caught.sql, caught.bindings)).toMatch(/cost_entries_updated_at_idx/);
  });
});
