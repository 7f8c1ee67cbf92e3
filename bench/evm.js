#!/usr/bin/env node
'use strict';
/**
 * bench/evm: the portfolio earned-value roll-up (GET /pmo/evm/portfolios/:documentId, BAC, PV, EV
 * and AC summed per project by the database, figures derived per project and for the portfolio)
 * over HTTP, against a bare SQL sum of the same cost entries (one SELECT SUM … JOIN … WHERE) in the
 * same run, on PostgreSQL (or SQLite with BENCH_DB=sqlite).
 *
 *   node bench/evm.js                                   # 1,000 projects, 200,000 cost entries
 *   BENCH_PROJECTS=1000 BENCH_COSTS=200000 BENCH_REQUESTS=20 node bench/evm.js
 *
 * Prints the median and worst time of each side and the ratio roll-up/bare sum. Target: the
 * roll-up answers well under a second. Not a test: figures go to bench/README.md.
 */
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
const { dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
const { createBenchAdmin, listen, loginBenchAdmin, insertAll, linkAll, median } = require('./support');

const PROJECTS = Number(process.env.BENCH_PROJECTS || 1000);
const COSTS = Number(process.env.BENCH_COSTS || 200000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 20);
const PROGRAMMES = 20;
const MONTHS = 12;
const REPORTS = 4;
const AS_OF = '2026-06-15';
const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const BATCH = isPostgres ? 5000 : 500;


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
    await linkAll(knex, cost.attributes.project.joinTable, ids.map((id, i) => [id, projectIds[(start + i) % PROJECTS]]));
  }
  if (isPostgres) await knex.raw('ANALYZE');
  console.log(
    `seeded ${PROJECTS} projects in ${PROGRAMMES} programmes, ${budgetRows.length} budget lines, ${reportRows.length} status reports, ` +
      `${COSTS} cost entries in ${((performance.now() - started) / 1000).toFixed(1)} s`
  );

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
  return { portfolio, bareSum };
}

async function main() {
  await buildOnce();
  const strapi = await bootStrapi({ label: 'bench_evm' });
  strapi.log.level = 'error';
  const base = await listen(strapi);

  await createBenchAdmin(strapi);
  const token = await loginBenchAdmin(base);
  const auth = { authorization: `Bearer ${token}` };

  const { portfolio, bareSum } = await seed(strapi);
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
  if (first.projects.length !== PROJECTS || acMinor !== String(bare.ac)) {
    throw new Error(`roll-up and bare sum disagree: ${first.projects.length} projects, AC ${first.ac} vs ${bare.ac}`);
  }

  const times = { rollUp: [], bare: [] };
  for (let n = 0; n < REQUESTS; n += 1) {
    let started = performance.now();
    await rollUp();
    times.rollUp.push(performance.now() - started);
    started = performance.now();
    await bareSum();
    times.bare.push(performance.now() - started);
  }
  const ratio = median(times.rollUp) / median(times.bare);
  console.log(
    `roll-up over HTTP  median ${median(times.rollUp).toFixed(1)} ms  worst ${Math.max(...times.rollUp).toFixed(1)} ms  (${PROJECTS} projects, CPI ${first.cpi}, SPI ${first.spi})\n` +
      `bare SQL sum       median ${median(times.bare).toFixed(1)} ms  worst ${Math.max(...times.bare).toFixed(1)} ms\n` +
      `\nprojects=${PROJECTS} costs=${COSTS} requests=${REQUESTS} db=${process.env.DATABASE_CLIENT} node=${process.version} cpus=${require('os').cpus().length}\n` +
      `median ratio roll-up/bare sum = ${ratio.toFixed(2)}; roll-up median ${median(times.rollUp).toFixed(0)} ms (target: well under 1000 ms)`
  );
  await strapi.destroy();
  await dropRunDatabases();
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
