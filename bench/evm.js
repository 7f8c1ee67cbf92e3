#!/usr/bin/env node
'use strict';
/**
 * bench/evm: the portfolio earned-value roll-up (GET /pmo/evm/portfolios/:documentId, its first
 * page: BAC, PV, EV and AC summed over all the projects by the database, AC from the cost totals,
 * the portfolio's figures derived once, and the first page of 50 projects with their own figures)
 * over HTTP, against a bare SQL sum of the same cost entries (one SELECT
 * SUM … JOIN … WHERE) in the same run, on PostgreSQL (or SQLite with BENCH_DB=sqlite), at each size
 * of BENCH_SIZES (projects x cost entries per project), each in a process and database of its own.
 *
 *   node bench/evm.js                                          # 100, 1,000, 10,000 projects x 200 and x 1,000 entries
 *   BENCH_SIZES=1000x200 BENCH_REQUESTS=20 node bench/evm.js   # one size
 *
 * Prints one table: per size, the seeding time, the roll-up's median and worst, the bare sum's
 * median and the ratio roll-up / bare sum. Target: roll-up median < 300 ms at 10,000 projects and
 * 10,000,000 entries on PostgreSQL, growing with the projects, not the entries. Not a test:
 * figures go to bench/README.md.
 */
const path = require('path');
const { execFileSync } = require('child_process');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
const { dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
const { createBenchAdmin, listen, loginBenchAdmin, insertAll, linkAll, median } = require('./support');

const SIZES = (process.env.BENCH_SIZES || '100x200,100x1000,1000x200,1000x1000,10000x200,10000x1000').split(',');
const PROJECTS = Number(process.env.BENCH_PROJECTS || 1000);
const PER_PROJECT = Number(process.env.BENCH_ENTRIES || 200);
const COSTS = PROJECTS * PER_PROJECT;
const REQUESTS = Number(process.env.BENCH_REQUESTS || 20);
const PROGRAMMES = 20;
const MONTHS = 12;
const REPORTS = 4;
const AS_OF = '2026-06-15';
const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const BATCH = isPostgres ? 5000 : 500;
/** Cost entries per INSERT … SELECT generate_series on PostgreSQL. */
const CHUNK = 1000000;

/**
 * The cost entries, dated over 2026 (a year, so asOf's month has entries before and after asOf),
 * spread over the projects in turn, every 13th a credit. PostgreSQL: generated in SQL, a million
 * per statement; SQLite: in batches from here. The triggers keep the cost totals as they go.
 */
async function seedCosts(knex, cost, projectIds) {
  const link = cost.attributes.project.joinTable;
  const [owner, target] = [link.joinColumn.name, link.inverseJoinColumn.name];
  if (isPostgres) {
    const ids = `{${projectIds.join(',')}}`;
    for (let start = 0; start < COSTS; start += CHUNK) {
      const before = Number((await knex(cost.tableName).max({ id: 'id' }).first()).id || 0);
      await knex.raw(
        `INSERT INTO ?? (document_id, date, category, amount)
         SELECT 'benchcost' || lpad(n::text, 15, '0'), DATE '2026-01-01' + (n % 365)::int, 'opex',
                CASE WHEN n % 13 = 0 THEN -((n % 5000) + 1) ELSE (n * 7919) % 100000 END
           FROM generate_series(?::bigint, ?::bigint) n`,
        [cost.tableName, start, Math.min(COSTS, start + CHUNK) - 1]
      );
      await knex.raw(`INSERT INTO ?? (??, ??) SELECT c.id, (?::int[])[((c.id - ?) % ?) + 1] FROM ?? c WHERE c.id > ?`, [
        link.name, owner, target, ids, before + 1, PROJECTS, cost.tableName, before,
      ]);
    }
    return;
  }
  const day0 = Date.UTC(2026, 0, 1);
  for (let start = 0; start < COSTS; start += BATCH) {
    const rows = [];
    for (let n = start; n < Math.min(COSTS, start + BATCH); n += 1) {
      rows.push({
        document_id: `benchcost${String(n).padStart(15, '0')}`,
        date: new Date(day0 + (n % 365) * 86400000).toISOString().slice(0, 10),
        category: 'opex',
        amount: n % 13 === 0 ? -((n % 5000) + 1) : (n * 7919) % 100000,
      });
    }
    const ids = await insertAll(knex, cost.tableName, rows);
    await linkAll(knex, link, ids.map((id, i) => [id, projectIds[(start + i) % PROJECTS]]));
  }
}

async function seed(strapi) {
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const started = performance.now();

  const portfolio = await strapi.documents('api::portfolio.portfolio').create({ data: { name: 'Bench portfolio', code: 'BENCH-PF' } });
  const programmeIds = [];
  for (let i = 0; i < PROGRAMMES; i += 1) {
    const programme = await strapi.documents('api::programme.programme').create({
      data: { name: `Bench programme ${i}`, code: `BENCH-PRG-${i}`, portfolio: portfolio.documentId },
    });
    programmeIds.push((await strapi.db.query('api::programme.programme').findOne({ where: { documentId: programme.documentId } })).id);
  }

  const project = meta('api::project.project');
  const projectIds = await insertAll(
    knex,
    project.tableName,
    Array.from({ length: PROJECTS }, (_, i) => ({
      document_id: `benchproject${String(i).padStart(12, '0')}`, name: `Bench project ${i}`, code: `BENCH-${String(i).padStart(4, '0')}`,
    }))
  );
  await linkAll(knex, project.attributes.programme.joinTable, projectIds.map((id, i) => [id, programmeIds[i % PROGRAMMES]]));

  // A year of monthly budget lines per project, a management reserve line, quarterly status reports.
  const budget = meta('api::budget-line.budget-line');
  const budgetRows = [];
  const budgetOwners = [];
  projectIds.forEach((id, p) => {
    for (let m = 0; m < MONTHS; m += 1) {
      budgetRows.push({ document_id: `benchbudget${p}x${m}`, period: `2026-${String(m + 1).padStart(2, '0')}-01`, category: ['labour', 'capex', 'opex'][m % 3], amount: 1000000 + p * 100 + m });
      budgetOwners.push(id);
    }
    budgetRows.push({ document_id: `benchreserve${p}`, period: '2026-01-01', category: 'management-reserve', amount: 500000 });
    budgetOwners.push(id);
  });
  const budgetIds = await insertAll(knex, budget.tableName, budgetRows);
  await linkAll(knex, budget.attributes.project.joinTable, budgetIds.map((id, i) => [id, budgetOwners[i]]));

  const report = meta('api::status-report.status-report');
  const reportRows = [];
  const reportOwners = [];
  projectIds.forEach((id, p) => {
    for (let q = 0; q < REPORTS; q += 1) {
      reportRows.push({ document_id: `benchreport${p}x${q}`, as_of: `2026-${String(q * 3 + 1).padStart(2, '0')}-28`, percent_complete: Math.min(100, (q + 1) * 15 + (p % 10)), rag_overall: 'green' });
      reportOwners.push(id);
    }
  });
  const reportIds = await insertAll(knex, report.tableName, reportRows);
  await linkAll(knex, report.attributes.project.joinTable, reportIds.map((id, i) => [id, reportOwners[i]]));

  const cost = meta('api::cost-entry.cost-entry');
  await seedCosts(knex, cost, projectIds);
  // VACUUM as well: the totals' triggers updated each total once per million-entry statement, and
  // a freshly loaded table full of dead row versions is not the state autovacuum leaves it in.
  if (isPostgres) await knex.raw('VACUUM ANALYZE');
  const seconds = (performance.now() - started) / 1000;
  console.error(`seeded ${PROJECTS} projects, ${budgetRows.length} budget lines, ${reportRows.length} status reports, ${COSTS} cost entries in ${seconds.toFixed(1)} s`);

  // The bare baseline: the portfolio's actual cost as of the date, one SQL sum over the same rows.
  const costLink = cost.attributes.project.joinTable;
  const programmeLink = project.attributes.programme.joinTable;
  const portfolioLink = meta('api::programme.programme').attributes.portfolio.joinTable;
  const portfolioId = (await strapi.db.query('api::portfolio.portfolio').findOne({ where: { documentId: portfolio.documentId } })).id;
  const bareSum = () =>
    knex(`${cost.tableName} as c`)
      .join(`${costLink.name} as cl`, `cl.${costLink.joinColumn.name}`, 'c.id')
      .join(`${programmeLink.name} as pp`, `pp.${programmeLink.joinColumn.name}`, `cl.${costLink.inverseJoinColumn.name}`)
      .join(`${portfolioLink.name} as pf`, `pf.${portfolioLink.joinColumn.name}`, `pp.${programmeLink.inverseJoinColumn.name}`)
      .where(`pf.${portfolioLink.inverseJoinColumn.name}`, portfolioId)
      .where('c.date', '<=', AS_OF)
      .select(knex.raw('CAST(SUM(c.amount) AS TEXT) AS ac'))
      .first();
  return { portfolio, bareSum, seconds };
}

async function main() {
  await buildOnce();
  const strapi = await bootStrapi({ label: 'bench_evm' });
  strapi.log.level = 'error';
  const base = await listen(strapi);

  await createBenchAdmin(strapi);
  const token = await loginBenchAdmin(base);
  const auth = { authorization: `Bearer ${token}` };

  const { portfolio, bareSum, seconds } = await seed(strapi);
  const url = `${base}/pmo/evm/portfolios/${portfolio.documentId}?asOf=${AS_OF}`;

  const rollUp = async () => {
    const res = await fetch(url, { headers: auth });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`roll-up: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };

  // Warm up both, and check they agree on AC.
  const first = await rollUp();
  const bare = await bareSum();
  const acMinor = first.ac.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1');
  if (first.pagination.total !== PROJECTS || first.projects.length !== Math.min(PROJECTS, first.pagination.pageSize) || acMinor !== String(bare.ac)) {
    throw new Error(`roll-up and bare sum disagree: ${first.pagination.total} projects (${first.projects.length} on the page), AC ${first.ac} vs ${bare.ac}`);
  }

  if (process.env.BENCH_PARTS) await parts(strapi, knex(strapi), portfolio);

  const times = { rollUp: [], bare: [] };
  for (let n = 0; n < REQUESTS; n += 1) {
    let started = performance.now();
    await rollUp();
    times.rollUp.push(performance.now() - started);
    started = performance.now();
    await bareSum();
    times.bare.push(performance.now() - started);
  }
  const result = {
    projects: PROJECTS, perProject: PER_PROJECT, entries: COSTS, seed: seconds,
    rollUp: median(times.rollUp), worst: Math.max(...times.rollUp), bare: median(times.bare), cpi: first.cpi,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
  await strapi.destroy();
  await dropRunDatabases();
  process.exit(0);
}

const knex = (strapi) => strapi.db.connection;

/** BENCH_PARTS=1: the service without HTTP, and each SQL statement it sends, timed by EXPLAIN ANALYZE. */
async function parts(strapi, k, portfolio) {
  const service = strapi.plugin('pmo').service('earnedValue');
  const asOf = { date: { year: 2026, month: 6, day: 15 }, text: AS_OF };
  const queries = [];
  const listen = (q) => queries.push(q);
  k.on('query', listen);
  await service.portfolio(portfolio.documentId, asOf);
  k.off('query', listen);
  const took = [];
  for (let n = 0; n < 5; n += 1) {
    const started = performance.now();
    await service.portfolio(portfolio.documentId, asOf);
    took.push(performance.now() - started);
  }
  console.error(`service without HTTP: median ${median(took).toFixed(1)} ms`);
  for (const q of queries.filter((q) => /^select/i.test(q.sql))) {
    const plan = await k.raw(`EXPLAIN (ANALYZE, FORMAT TEXT) ${q.sql.replace(/\$\d+/g, "?")}`, q.bindings);
    const lines = plan.rows.map((r) => r['QUERY PLAN']);
    // The plan's first nodes, then its totals: planning, execution and PostgreSQL's JIT compilation, if any.
    const nodes = lines.filter((l) => /actual time/.test(l)).slice(0, 14);
    const totals = lines.filter((l) => /^\s*(Planning Time|Execution Time|JIT:|Functions:|Timing:)/.test(l));
    console.error(`${q.sql.slice(0, 90)} …\n  ${[...nodes, ...totals].join('\n  ')}`);
  }
}

/** Runs each size in a child process (a fresh database each) and prints the table. */
function runSizes() {
  const rows = [];
  for (const size of SIZES) {
    const [projects, perProject] = size.split('x').map(Number);
    const out = execFileSync(process.execPath, [__filename], {
      env: { ...process.env, BENCH_CHILD: '1', BENCH_PROJECTS: String(projects), BENCH_ENTRIES: String(perProject) },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = out.split('\n').find((l) => l.startsWith('RESULT '));
    rows.push(JSON.parse(line.slice('RESULT '.length)));
  }
  const n = (value) => value.toLocaleString('en-GB');
  console.log(`\nbench/evm  db=${process.env.DATABASE_CLIENT} node=${process.version} cpus=${require('os').cpus().length} requests=${REQUESTS} asOf=${AS_OF}\n`);
  console.log('| projects | entries per project | cost entries | seed | roll-up median | roll-up worst | bare SQL sum median | roll-up / bare sum |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${n(r.projects)} | ${n(r.perProject)} | ${n(r.entries)} | ${r.seed.toFixed(0)} s | ${r.rollUp.toFixed(1)} ms | ${r.worst.toFixed(1)} ms | ${r.bare.toFixed(1)} ms | ${(r.rollUp / r.bare).toFixed(2)} |`
    );
  }
  console.log('\ntarget: roll-up median < 300 ms at 10,000 projects x 1,000 entries on PostgreSQL, growing with the projects, not the entries');
}

if (!process.env.BENCH_CHILD) {
  runSizes();
  process.exit(0);
}

main().catch(async (error) => {
  console.error(error);
  try {
    await dropRunDatabases();
  } finally {
    process.exit(1);
  }
});
