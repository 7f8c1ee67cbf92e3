'use strict';
/** What the benchmarks share: serving the booted Strapi on a free port, and a super admin to call it as. */

const BENCH_ADMIN = { email: 'bench@pmo.local', password: 'Bench-Pass-1234' };

/** Listens on a free loopback port; returns the base URL. */
async function listen(strapi) {
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
}

async function createBenchAdmin(strapi) {
  // A database kept between runs (BENCH_REUSE=1) already has it.
  if (await strapi.db.query('admin::user').findOne({ where: { email: BENCH_ADMIN.email } })) return;
  const superRole = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await strapi.service('admin::user').create({ firstname: 'Bench', lastname: 'Admin', ...BENCH_ADMIN, isActive: true, roles: [superRole.id] });
}

/** An admin's access token (the bench super admin's by default), through the real login route. */
async function loginBenchAdmin(base, credentials = BENCH_ADMIN) {
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials),
  }).then((r) => r.json());
  return login.data.token;
}

/** Rows per INSERT when seeding straight into the tables (SQLite caps a statement's variables). */
const batchSize = () => (process.env.DATABASE_CLIENT === 'postgres' ? 5000 : 500);

/** Inserts the rows in batches; answers their ids in order. */
async function insertAll(knex, table, rows) {
  const ids = [];
  const batch = batchSize();
  for (let start = 0; start < rows.length; start += batch) {
    const inserted = await knex(table).insert(rows.slice(start, start + batch)).returning('id');
    ids.push(...inserted.map((row) => (typeof row === 'object' ? row.id : row)));
  }
  return ids;
}

/** Link rows of a relation's join table: `[owner id, target id]` pairs. */
async function linkAll(knex, joinTable, pairs) {
  const rows = pairs.map(([owner, target]) => ({ [joinTable.joinColumn.name]: owner, [joinTable.inverseJoinColumn.name]: target }));
  const batch = batchSize();
  for (let start = 0; start < rows.length; start += batch) await knex(joinTable.name).insert(rows.slice(start, start + batch));
}

const sorted = (list) => [...list].sort((a, b) => a - b);
const median = (list) => sorted(list)[Math.floor(list.length / 2)];
/** Runs a bench's `main`; on failure prints the error, drops the run's databases and exits 1. */
function runBench(main) {
  main().catch(async (error) => {
    console.error(error);
    try {
      await require('../tests/helpers/database').dropRunDatabases();
    } finally {
      process.exit(1);
    }
  });
}

/** The value at or below which `percent` % of the list lies (nearest rank). */
const percentile = (list, percent) => sorted(list)[Math.min(list.length - 1, Math.ceil((list.length * percent) / 100) - 1)];
const p95 = (list) => percentile(list, 95);
const p99 = (list) => percentile(list, 99);

module.exports = { listen, createBenchAdmin, loginBenchAdmin, insertAll, linkAll, median, p95, p99, runBench };
