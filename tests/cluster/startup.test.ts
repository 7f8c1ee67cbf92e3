/**
 * Several instances started at the same moment on one PostgreSQL database, fresh and then existing:
 * every one boots (Strapi's schema sync would otherwise race: two `create table` on a fresh
 * database, one crashes on `pg_type_typname_nsp_index`), and nothing seeded is there twice — the
 * admin and users-permissions roles, PMO Hub's roles, workflows, notification templates,
 * competencies and job leases, and Strapi's own store. The app's start-up lock (src/startup-lock.ts)
 * makes them start one after the other.
 */
type Client = { connect(): Promise<void>; query(text: string): Promise<{ rows: any[] }>; end(): Promise<void> };
const { Client } = require('pg') as { Client: new (options: { connectionString: string }) => Client };

type StrapiProcess = { pid: number; stop(): Promise<void> };
const { startStrapiProcess } = require('../helpers/strapi-process') as {
  startStrapiProcess(options: { database: Record<string, string>; smtpPort: number }): Promise<StrapiProcess>;
};
const { freshDatabase, dropDatabase } = require('../helpers/database') as {
  freshDatabase(label: string): Promise<Record<string, string>>;
  dropDatabase(label: string): Promise<void>;
};

/** The natural key of each seeded table: no two rows may share one. */
const SEEDED: Array<{ table: string; key: string }> = [
  { table: 'admin_roles', key: 'code' },
  { table: 'up_roles', key: 'type' },
  { table: 'admin_permissions', key: "action || '|' || coalesce(subject, '') || '|' || properties::text || '|' || coalesce(conditions::text, '') || '|' || (SELECT string_agg(role_id::text, ',') FROM admin_permissions_role_lnk l WHERE l.permission_id = admin_permissions.id)" },
  { table: 'up_permissions', key: "action || '|' || (SELECT string_agg(role_id::text, ',') FROM up_permissions_role_lnk l WHERE l.permission_id = up_permissions.id)" },
  { table: 'pmo_workflows', key: 'key' },
  { table: 'pmo_notification_templates', key: 'key' },
  { table: 'pmo_competencies', key: 'key' },
  { table: 'pmo_job_leases', key: 'key' },
  { table: 'strapi_core_store_settings', key: "key || '|' || coalesce(type, '') || '|' || coalesce(environment, '') || '|' || coalesce(tag, '')" },
];

async function withDatabase<T>(database: Record<string, string>, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: database.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Rows per seeded table, and every natural key found more than once. */
async function seeded(database: Record<string, string>) {
  return withDatabase(database, async (client) => {
    const counts: Record<string, number> = {};
    const duplicates: string[] = [];
    for (const { table, key } of SEEDED) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = rows[0].n;
      const twice = await client.query(`SELECT ${key} AS k, count(*)::int AS n FROM ${table} GROUP BY 1 HAVING count(*) > 1`);
      for (const row of twice.rows) duplicates.push(`${table}: ${row.k} × ${row.n}`);
    }
    return { counts, duplicates };
  });
}

/** `count` instances started at once; each either boots or fails with its reason. */
async function startTogether(database: Record<string, string>, count: number) {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startStrapiProcess({ database, smtpPort: 1 })));
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason?.message ?? result.reason)] : []));
  return { running, failures };
}

describe('instances started at the same moment', () => {
  const label = `startup_${Date.now().toString(36)}`;
  let database: Record<string, string>;

  beforeAll(async () => {
    database = await freshDatabase(label);
  });
  afterAll(async () => {
    await dropDatabase(label);
  });

  it('all boot on a fresh database and again on the same one, with every seed there once', async () => {
    const fresh = await startTogether(database, 2);
    await Promise.all(fresh.running.map((instance) => instance.stop()));
    expect(fresh.failures).toEqual([]);
    expect(fresh.running).toHaveLength(2);

    const first = await seeded(database);
    expect(first.duplicates).toEqual([]);
    expect(first.counts.admin_roles).toBeGreaterThan(3);
    expect(first.counts.pmo_workflows).toBeGreaterThan(0);
    expect(first.counts.pmo_notification_templates).toBeGreaterThan(0);
    expect(first.counts.pmo_competencies).toBeGreaterThan(0);
    expect(first.counts.pmo_job_leases).toBe(2);

    const again = await startTogether(database, 3);
    await Promise.all(again.running.map((instance) => instance.stop()));
    expect(again.failures).toEqual([]);
    expect(again.running).toHaveLength(3);

    const second = await seeded(database);
    expect(second.duplicates).toEqual([]);
    expect(second.counts).toEqual(first.counts);
  });
});
