/**
 * A signed-in user is matched to their person by email, case aside, on every transition, my work
 * and decision (`{ email: { $eqi } }`). The database must answer that from an index
 * (platform/lookup-indexes.ts), not by reading every person: at 20,000 people a read of the whole
 * table doubled a governed transition's time (bench/README.md "bench/transition").
 */
import { getStrapi } from '../helpers/strapi';

const PERSON = 'api::person.person';

/** The SQL and bindings Strapi runs for `query`, caught from knex. */
async function sqlOf(query: () => Promise<unknown>) {
  const knex = getStrapi().db.connection as any;
  const seen: Array<{ sql: string; bindings: unknown[] }> = [];
  const listen = (data: { sql: string; bindings: unknown[] }) => seen.push(data);
  knex.client.on('query', listen);
  try {
    await query();
  } finally {
    knex.client.off('query', listen);
  }
  return seen.find((entry) => /lower/i.test(entry.sql))!;
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
