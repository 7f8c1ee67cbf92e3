/**
 * Start-up of several instances on one PostgreSQL database, one at a time.
 *
 * Strapi's own start-up is not safe to run twice at once on one database: its schema sync creates
 * tables (two instances on a fresh database collide on `pg_type_typname_nsp_index`), its internal
 * migrations and repairs run on every boot, and every plugin seeds rows (admin roles, the
 * users-permissions roles, PMO Hub's roles, workflows, templates, competencies). So the app's
 * `register` — which Strapi runs before it opens the database, syncs the schema or runs any
 * plugin's bootstrap — takes a PostgreSQL session-level advisory lock on a connection of its own,
 * and the app's `bootstrap` — which Strapi runs last, after every plugin's — lets it go. An instance
 * that starts while another is starting waits for it, then finds the schema synced and the seeds
 * in place. A process that dies while it holds the lock loses its connection, and with it the lock.
 *
 * SQLite runs one instance and takes no lock.
 */
import type { Core } from '@strapi/strapi';

/** The lock's key (pg_advisory_lock(bigint)): any fixed number; advisory locks are per database. */
export const STARTUP_LOCK_KEY = 7_372_801_125;

type PgClient = { connect(): Promise<void>; query(text: string, values?: unknown[]): Promise<unknown>; end(): Promise<void> };

let held: PgClient | null = null;

function pgConnection(strapi: Core.Strapi): Record<string, unknown> | null {
  const database = strapi.config.get('database.connection') as { client?: string; connection?: Record<string, unknown> } | undefined;
  if (!database || database.client !== 'postgres' || !database.connection) return null;
  const { schema: _schema, ...connection } = database.connection;
  return connection;
}

/** Waits for the start-up lock (at most PMO_STARTUP_LOCK_TIMEOUT seconds, default 600). */
export async function takeStartupLock(strapi: Core.Strapi): Promise<void> {
  const connection = pgConnection(strapi);
  if (!connection || held) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as { Client: new (config: Record<string, unknown>) => PgClient };
  const client = new Client({ ...connection, application_name: 'pmo-hub start-up lock' });
  await client.connect();
  const seconds = Number(process.env.PMO_STARTUP_LOCK_TIMEOUT || 600);
  try {
    await client.query(`SET lock_timeout = '${Math.max(1, Math.round(seconds))}s'`);
    const started = Date.now();
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    const waited = Date.now() - started;
    if (waited > 1000) strapi.log.info(`PMO Hub waited ${Math.round(waited / 1000)} s for another instance to finish starting`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `PMO Hub could not start: another instance held the start-up lock for more than ${seconds} s (${error instanceof Error ? error.message : String(error)})`
    );
  }
  held = client;
}

/** Lets the start-up lock go (after the last bootstrap, or on shutdown if start-up failed). */
export async function releaseStartupLock(): Promise<void> {
  const client = held;
  if (!client) return;
  held = null;
  try {
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
  } finally {
    await client.end().catch(() => undefined);
  }
}
