#!/usr/bin/env node
'use strict';
/**
 * bench/export: the cost-ledger CSV export (GET /pmo/exports/cost-ledger.csv) over HTTP, against
 * the database's own CSV dump of the same rows in the same run: on PostgreSQL psql running the
 * export's own COPY statement (its SELECT with the cell rules and money, as the export service
 * writes it: `copyStatement`), to its stdout as `\copy … to stdout` does; on SQLite the sqlite3
 * command-line tool's CSV mode on the plain SELECT (BENCH_DB=sqlite).
 * On PostgreSQL the export is itself a COPY (platform/csv-copy.ts); on SQLite it reads one
 * half-built line per row with better-sqlite3's `pluck` (platform/csv-lines.ts): from 20,000
 * rows in two parts at once, the second read and written by a worker on its own connection
 * (finance/export-split.ts, platform/csv-line-workers.ts); under that in one part, on the main
 * thread. Both clients are separate processes writing to
 * /dev/null (curl and psql/sqlite3), so the Strapi process's memory is the server's alone; and
 * that Strapi is a fresh child process that only serves (seeding inflates the seeder's heap).
 *
 *   node bench/export.js                                  # PostgreSQL, 100,000 then 1,000,000 cost entries
 *   BENCH_DB=sqlite node bench/export.js                  # SQLite (needs the sqlite3 CLI: apt-get install sqlite3)
 *   BENCH_ROWS=100000,1000000,10000000 node bench/export.js   # sizes, ascending; each adds rows to the last
 *   BENCH_KEEP=1 …                                        # keeps the seeded database and prints where it is
 *
 * Prints one table: per size, each side's best time of interleaved rounds (eleven, five, three: roundsFor), the ratio export
 * speed / database speed (target ≥ 0.8 on PostgreSQL, ≥ 0.6 on SQLite) and the peak RSS rise of
 * the Strapi process during the export, sampled every 50 ms (target < 64 MB).
 * Not a test: figures go to bench/README.md.
 */
const path = require('path');
const v8 = require('v8');
const vm = require('vm');
const { spawn } = require('child_process');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
const { dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
const { createBenchAdmin, listen, loginBenchAdmin } = require('./support');

const SIZES = String(process.env.BENCH_ROWS || '100000,1000000').split(',').map(Number).sort((a, b) => a - b);
const PROJECTS = 50;
/**
 * Interleaved rounds per size, the best of each side kept: eleven up to 100,000 rows (a round
 * takes half a second, and on this machine a slow spell of a few seconds moved the best of five
 * by a quarter between back-to-back runs), five up to 1,000,000 (a round takes seconds), three
 * above. BENCH_ROUNDS sets them all (more rounds to watch memory over many exports).
 */
const roundsFor = (rows) => Number(process.env.BENCH_ROUNDS || (rows <= 100_000 ? 11 : rows <= 1_000_000 ? 5 : 3));
const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const TARGET = isPostgres ? 0.8 : 0.6;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Runs a client to the end, its output going straight to /dev/null, never through this process:
 * the Strapi being measured runs here, and reading hundreds of megabytes from a pipe in its event
 * loop would load its CPU and heap with the client's work (it did before session 17: 64 KB
 * buffers per read on the server's own thread). `counted` (curl) reports the bytes it received.
 */
function timed(command, args, { counted = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, counted ? [...args, '-o', '/dev/null', '-w', '%{size_download}'] : args, {
      stdio: ['ignore', counted ? 'pipe' : 'ignore', 'pipe'], // 'ignore': /dev/null
    });
    let out = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} exited ${code}: ${stderr}`));
      else resolve({ ms: performance.now() - started, bytes: counted ? Number(out) : null, stderr });
    });
  });
}

/** The bench's programme and projects; answers their ids. */
async function seedProjects(strapi) {
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const project = meta('api::project.project');

  const programme = await strapi.documents('api::programme.programme').create({ data: { name: 'Bench programme', code: 'BENCH-PRG' } });
  const projectIds = [];
  for (let i = 0; i < PROJECTS; i += 1) {
    const [row] = await knex(project.tableName)
      .insert({ document_id: `benchproject${String(i).padStart(12, '0')}`, name: `Bench project ${i}`, code: `BENCH-${String(i).padStart(3, '0')}` })
      .returning('id');
    projectIds.push(typeof row === 'object' ? row.id : row);
  }
  const programmeId = (await strapi.db.query('api::programme.programme').findOne({ where: { documentId: programme.documentId } })).id;
  const projectLink = project.attributes.programme.joinTable;
  await knex(projectLink.name).insert(
    projectIds.map((id) => ({ [projectLink.joinColumn.name]: id, [projectLink.inverseJoinColumn.name]: programmeId }))
  );
  return projectIds;
}

/** Cost entries `from` … `to` − 1 over the projects; answers the SELECT of the database's own dump. */
async function seedCosts(strapi, projectIds, from, to) {
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const project = meta('api::project.project');
  const cost = meta('api::cost-entry.cost-entry');
  const link = cost.attributes.project.joinTable;

  // Cost entries straight into the table and its link table, in batches: dates over two years,
  // every category, some negative amounts, suppliers that need quoting, references that need
  // the formula-injection prefix.
  const categories = ['labour', 'capex', 'opex', 'contingency', 'change'];
  const suppliers = ['Acme Ltd', 'Smith, Jones & Partners', 'The "Quoted" Company', 'Ünïcødé Services €', 'Northwind Traders'];
  const started = performance.now();
  const BATCH = isPostgres ? 5000 : 500; // SQLite: Strapi's batch insert size (compound SELECT limit)
  const day0 = Date.UTC(2025, 0, 1);
  // SQLite: the same rows made by SQLite itself, one statement per table (ten million rows in
  // minutes rather than a quarter of an hour of batches).
  if (!isPostgres) await seedCostsBySql(knex, cost.tableName, link, projectIds, from, to, categories, suppliers);
  else for (let start = from; start < to; start += BATCH) {
    const rows = [];
    for (let n = start; n < Math.min(to, start + BATCH); n += 1) {
      rows.push({
        document_id: `bench${String(n).padStart(19, '0')}`,
        date: new Date(day0 + (n % 730) * 86400000).toISOString().slice(0, 10),
        category: categories[n % categories.length],
        amount: n % 17 === 0 ? -((n % 50000) + 1) : (n * 7919) % 10000000,
        supplier: suppliers[n % suppliers.length],
        reference: n % 11 === 0 ? `-CN-${n}` : `INV-${n}`,
      });
    }
    const inserted = await knex(cost.tableName).insert(rows).returning('id');
    const ids = inserted.map((row) => (typeof row === 'object' ? row.id : row));
    await knex(link.name).insert(
      ids.map((id, i) => ({ [link.joinColumn.name]: id, [link.inverseJoinColumn.name]: projectIds[(start + i) % PROJECTS] }))
    );
  }
  if (isPostgres) await knex.raw('ANALYZE');
  console.log(`seeded cost entries ${from}–${to} over ${PROJECTS} projects in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The database's own CSV of the same rows: same joins, same order, same columns.
  const p = project.tableName;
  const select =
    `SELECT c.date, p.code, c.category, c.amount, c.supplier, c.reference FROM ${cost.tableName} c ` +
    `LEFT JOIN ${link.name} l ON l.${link.joinColumn.name} = c.id LEFT JOIN ${p} p ON p.id = l.${link.inverseJoinColumn.name} ` +
    `ORDER BY c.date, c.id`;
  return { select };
}

/** SQLite: cost entries `from` … `to` − 1 as seedCosts writes them, generated by one INSERT … SELECT per table. */
async function seedCostsBySql(knex, table, link, projectIds, from, to, categories, suppliers) {
  const pick = (list) => `CASE n % ${list.length} ${list.map((value, i) => `WHEN ${i} THEN '${value.replace(/'/g, "''")}'`).join(' ')} END`;
  await knex.raw(
    `WITH RECURSIVE s(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM s WHERE n < ${to - 1}) ` +
      `INSERT INTO ${table} (document_id, date, category, amount, supplier, reference) ` +
      `SELECT 'bench' || substr('0000000000000000000' || n, -19), date('2025-01-01', '+' || (n % 730) || ' days'), ${pick(categories)}, ` +
      `CASE WHEN n % 17 = 0 THEN -((n % 50000) + 1) ELSE (n * 7919) % 10000000 END, ${pick(suppliers)}, ` +
      `CASE WHEN n % 11 = 0 THEN '-CN-' || n ELSE 'INV-' || n END FROM s`
  );
  const projects = projectIds.map((id, k) => `(${k}, ${id})`).join(', ');
  const key = (n) => `'bench${String(n).padStart(19, '0')}'`;
  await knex.raw(
    `WITH p(k, id) AS (VALUES ${projects}) INSERT INTO ${link.name} (${link.joinColumn.name}, ${link.inverseJoinColumn.name}) ` +
      `SELECT c.id, p.id FROM ${table} c JOIN p ON p.k = CAST(substr(c.document_id, 6) AS INTEGER) % ${projectIds.length} ` +
      `WHERE c.document_id >= ${key(from)} AND c.document_id < ${key(to)}`
  );
}

/** Parent: a fresh database, seeded size by size; after each, a fresh Strapi process measures (see measure()). */
async function main() {
  await buildOnce();
  let strapi = await bootStrapi({ label: 'bench_export' });
  strapi.log.level = 'error';
  await createBenchAdmin(strapi);
  const projectIds = await seedProjects(strapi);
  const database = Object.fromEntries(
    ['DATABASE_CLIENT', 'DATABASE_URL', 'DATABASE_NAME', 'DATABASE_FILENAME'].filter((key) => process.env[key]).map((key) => [key, process.env[key]])
  );
  const table = [];
  let seeded = 0;
  for (const rows of SIZES) {
    if (!strapi) {
      strapi = await bootStrapi({ database });
      strapi.log.level = 'error';
    }
    const { select } = await seedCosts(strapi, projectIds, seeded, rows);
    seeded = rows;
    await strapi.destroy();
    strapi = null;

    // Seeding leaves this process's heap and RSS inflated: measure in a Strapi that only serves.
    const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROFILE] : []), __filename], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, BENCH_EXPORT_MEASURE: JSON.stringify({ database, select, rows }) },
    });
    child.on('message', (result) => table.push(result));
    const code = await new Promise((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`the measuring process exited ${code}`);
  }
  if (process.env.BENCH_KEEP) console.log(`kept the seeded database: ${JSON.stringify(database)}`);
  else await dropRunDatabases();

  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `\ndb=${process.env.DATABASE_CLIENT} node=${process.version} cpus=${require('os').cpus().length} load=${require('os').loadavg().map((l) => l.toFixed(1)).join(' ')}\n` +
      `best of ${SIZES.map((rows) => roundsFor(rows)).join('/')} rounds each; ratio = export speed / database speed (target ≥ ${TARGET}); peak RSS rise target < 64 MB\n\n` +
      '| rows | CSV size | database CSV | HTTP export | ratio | Strapi CPU | peak RSS rise | JS heap + external peak |\n| --- | --- | --- | --- | --- | --- | --- | --- |'
  );
  for (const r of table) {
    console.log(
      `| ${r.rows.toLocaleString('en-GB')} | ${mb(r.bytes)} MB | ${s(r.database)} | ${s(r.export)} | **${r.ratio.toFixed(2)}** | ${s(r.cpuMs)} | +${mb(r.rss)} MB | +${mb(r.heap)} MB |`
    );
  }
  process.exit(0);
}

/** Child: boots Strapi on the seeded database and times both sides, interleaved. */
async function measure({ database, select, rows: ROWS }) {
  const strapi = await bootStrapi({ database });
  strapi.log.level = 'error';
  const base = await listen(strapi);
  const token = await loginBenchAdmin(base);
  const db = strapi.db.config.connection;

  // PostgreSQL: the very COPY statement the export runs (the cell rules and money in its SELECT),
  // run by psql to its stdout, as `\\copy … to stdout` does: the database's own speed for the same bytes.
  const statement = isPostgres
    ? await strapi.plugin('pmo').service('exports').copyStatement({ report: 'cost-ledger', delimiter: ',', bom: false, asOf: null })
    : null;
  if (isPostgres && !statement) throw new Error('the cost ledger is not written by COPY on this database');
  const baseline = () => {
    if (isPostgres) {
      const url = new URL(db.connection.connectionString);
      return timed('psql', ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres', '-d', url.pathname.slice(1), '-X', '-q',
        '-c', statement]);
    }
    return timed('sqlite3', ['-readonly', '-csv', '-header', db.connection.filename, select]);
  };

  async function exportOverHttp() {
    gc();
    const heap = (usage) => usage.heapUsed + usage.external;
    const start = process.memoryUsage();
    let peakRss = start.rss;
    let peakHeap = heap(start);
    const sample = () => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, heap(usage));
    };
    const sampler = setInterval(sample, 50);
    const cpuStart = process.cpuUsage();
    try {
      const result = await timed('curl', ['-sS', '--fail', '-H', `Authorization: Bearer ${token}`, `${base}/pmo/exports/cost-ledger.csv`], { counted: true });
      sample();
      const cpu = process.cpuUsage(cpuStart);
      return { ...result, cpuMs: (cpu.user + cpu.system) / 1000, rssBefore: start.rss, rssIncrease: peakRss - start.rss, heapIncrease: peakHeap - heap(start) };
    } finally {
      clearInterval(sampler);
    }
  }

  const results = { database: [], export: [] };
  for (let round = 0; round < roundsFor(ROWS); round += 1) {
    const dump = await baseline();
    results.database.push(dump);
    console.log(`database CSV  ${(dump.ms / 1000).toFixed(2)} s  ${Math.round(ROWS / (dump.ms / 1000))} rows/s`);
    const csv = await exportOverHttp();
    results.export.push(csv);
    console.log(
      `HTTP export   ${(csv.ms / 1000).toFixed(2)} s  ${csv.bytes} bytes  ${Math.round(ROWS / (csv.ms / 1000))} rows/s` +
        `  RSS ${mb(csv.rssBefore)} MB, peak +${mb(csv.rssIncrease)} MB; JS heap + external peak +${mb(csv.heapIncrease)} MB`
    );
  }

  const best = (list) => Math.min(...list.map((r) => r.ms));
  const ratio = best(results.database) / best(results.export);
  const rss = Math.max(...results.export.map((r) => r.rssIncrease));
  const heapUsed = Math.max(...results.export.map((r) => r.heapIncrease));
  const cpuMs = Math.min(...results.export.map((r) => r.cpuMs));
  process.send({ rows: ROWS, bytes: results.export[0].bytes, database: best(results.database), export: best(results.export), ratio, rss, heap: heapUsed, cpuMs });
  await strapi.destroy();
  process.exit(0);
}

if (process.env.BENCH_EXPORT_MEASURE) {
  measure(JSON.parse(process.env.BENCH_EXPORT_MEASURE)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch(async (error) => {
    console.error(error);
    try {
      await dropRunDatabases();
    } finally {
      process.exit(1);
    }
  });
}
