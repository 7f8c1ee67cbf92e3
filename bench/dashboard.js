#!/usr/bin/env node
'use strict';
/**
 * bench/dashboard: the portfolio dashboard (GET /pmo/dashboard?portfolio=&asOf=, every figure of
 * 1,000 projects in one round of set-based queries) over HTTP, against the bare SQL of its
 * heaviest aggregate in the same run: each project's actual cost as of the date, one
 * `SELECT … SUM(amount) … GROUP BY project` over the portfolio's 200,000 cost entries. On
 * PostgreSQL (or SQLite with BENCH_DB=sqlite).
 *
 *   node bench/dashboard.js                       # 1,000 projects, 20,000 risks, 200,000 cost entries
 *   BENCH_PROJECTS=1000 BENCH_RISKS=20000 BENCH_COSTS=200000 BENCH_REQUESTS=30 node bench/dashboard.js
 *   BENCH_PARTS=1 node bench/dashboard.js          # also: the service without HTTP, finance's roll-up
 *
 * Seeds straight into the tables (knex batch inserts and link rows), then times both sides
 * alternately after a warm-up that checks they agree. Prints median and p95 of each and the
 * ratio of the medians. Targets: dashboard median under 500 ms, within 3× the bare aggregate.
 * Not a test: figures go to bench/README.md.
 */
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
const { dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
const { createBenchAdmin, listen, loginBenchAdmin, insertAll, linkAll, median, p95 } = require('./support');

const PROJECTS = Number(process.env.BENCH_PROJECTS || 1000);
const RISKS = Number(process.env.BENCH_RISKS || 20000);
const COSTS = Number(process.env.BENCH_COSTS || 200000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 30);
/** BENCH_PARTS=1 also times the service alone and finance's portfolio earned value (where the time goes). */
const PARTS = process.env.BENCH_PARTS === '1';
const PROGRAMMES = 20;
const MONTHS = 12;
const REPORTS = 4;
const AS_OF = '2026-06-15';
const STATES = ['proposed', 'initiating', 'planning', 'executing', 'executing', 'executing', 'closing', 'closed', 'on-hold'];
const RAGS = ['green', 'green', 'amber', 'red'];
const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
const BATCH = isPostgres ? 5000 : 500;

const day = (offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86400000).toISOString().slice(0, 10);

/** Rows of one type and their links to projects (`owners[i]` for `rows[i]`). */
async function insertOwned(knex, meta, rows, owners, attribute = 'project') {
  const ids = await insertAll(knex, meta.tableName, rows);
  await linkAll(knex, meta.attributes[attribute].joinTable, ids.map((id, i) => [id, owners[i]]));
  return ids;
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
      document_id: `benchproject${String(i).padStart(12, '0')}`,
      name: `Bench project ${i}`,
      code: `BENCH-${String(i).padStart(4, '0')}`,
      workflow_state: STATES[i % STATES.length],
      reporting_cadence: 'monthly',
      start_date: '2025-10-01',
    }))
  );
  await linkAll(knex, project.attributes.programme.joinTable, projectIds.map((id, i) => [id, programmeIds[i % PROGRAMMES]]));

  const budgetRows = [];
  const budgetOwners = [];
  const reportRows = [];
  const reportOwners = [];
  projectIds.forEach((id, p) => {
    for (let m = 0; m < MONTHS; m += 1) {
      budgetRows.push({ document_id: `benchbudget${p}x${m}`, period: `2026-${String(m + 1).padStart(2, '0')}-01`, category: ['labour', 'capex', 'opex'][m % 3], amount: 1000000 + p * 100 + m });
      budgetOwners.push(id);
    }
    budgetRows.push({ document_id: `benchreserve${p}`, period: '2026-01-01', category: 'management-reserve', amount: 500000 });
    budgetOwners.push(id);
    // Quarterly reports; every seventh project stopped reporting after the first (late).
    for (let q = 0; q < (p % 7 === 0 ? 1 : REPORTS); q += 1) {
      reportRows.push({ document_id: `benchreport${p}x${q}`, as_of: `2026-${String(q * 2 + 1).padStart(2, '0')}-28`, percent_complete: Math.min(100, (q + 1) * 15 + (p % 10)), rag_overall: RAGS[(p + q) % RAGS.length] });
      reportOwners.push(id);
    }
  });
  await insertOwned(knex, meta('api::budget-line.budget-line'), budgetRows, budgetOwners);
  await insertOwned(knex, meta('api::status-report.status-report'), reportRows, reportOwners);

  const risks = [];
  const riskOwners = [];
  for (let n = 0; n < RISKS; n += 1) {
    const probability = (n % 5) + 1;
    const impact = ((n * 7) % 5) + 1;
    risks.push({ document_id: `benchrisk${String(n).padStart(12, '0')}`, title: `Risk ${n}`, type: 'threat', probability, impact, score: probability * impact, status: n % 4 === 0 ? 'closed' : 'open' });
    riskOwners.push(projectIds[n % PROJECTS]);
  }
  await insertOwned(knex, meta('api::risk.risk'), risks, riskOwners);

  const issues = [];
  const issueOwners = [];
  for (let n = 0; n < PROJECTS * 2; n += 1) {
    issues.push({ document_id: `benchissue${n}`, title: `Issue ${n}`, priority: ['low', 'medium', 'high', 'critical'][n % 4], severity: 'high', raised_on: day(n % 150), target_date: day((n % 150) + 30), status: n % 3 === 0 ? 'resolved' : 'open' });
    issueOwners.push(projectIds[n % PROJECTS]);
  }
  await insertOwned(knex, meta('api::issue.issue'), issues, issueOwners);

  const documents = [];
  const documentOwners = [];
  for (let n = 0; n < PROJECTS * 3; n += 1) {
    documents.push({ document_id: `benchdoc${n}`, title: `Document ${n}`, document_type: 'project-plan', status: 'approved', review_cycle_days: 90, next_review_due: day(n % 300) });
    documentOwners.push(projectIds[n % PROJECTS]);
  }
  await insertOwned(knex, meta('api::document.document'), documents, documentOwners);

  const reviews = [];
  const reviewOwners = [];
  for (let n = 0; n < PROJECTS; n += 1) {
    reviews.push({ document_id: `benchreview${n}`, gate: (n % 5) + 1, scheduled_date: day(150 + (n % 60)) });
    reviewOwners.push(projectIds[n]);
  }
  await insertOwned(knex, meta('plugin::pmo.gate-review'), reviews, reviewOwners);

  const dependency = meta('api::dependency.dependency');
  const depRows = Array.from({ length: PROJECTS }, (_, n) => ({ document_id: `benchdep${n}`, description: `Dependency ${n}`, need_by: day(100 + (n % 120)), status: n % 5 === 0 ? 'met' : 'open' }));
  const depIds = await insertAll(knex, dependency.tableName, depRows);
  await linkAll(knex, dependency.attributes.fromProject.joinTable, depIds.map((id, n) => [id, projectIds[n]]));
  await linkAll(knex, dependency.attributes.toProject.joinTable, depIds.map((id, n) => [id, projectIds[(n + 1) % PROJECTS]]));

  const cost = meta('api::cost-entry.cost-entry');
  for (let start = 0; start < COSTS; start += BATCH) {
    const rows = [];
    for (let n = start; n < Math.min(COSTS, start + BATCH); n += 1) {
      rows.push({ document_id: `benchcost${String(n).padStart(15, '0')}`, date: day(n % 365), category: 'opex', amount: n % 13 === 0 ? -((n % 5000) + 1) : (n * 7919) % 100000 });
    }
    const ids = await insertAll(knex, cost.tableName, rows);
    await linkAll(knex, cost.attributes.project.joinTable, ids.map((id, i) => [id, projectIds[(start + i) % PROJECTS]]));
  }
  if (isPostgres) await knex.raw('ANALYZE');
  console.log(
    `seeded ${PROJECTS} projects in ${PROGRAMMES} programmes, ${budgetRows.length} budget lines, ${reportRows.length} status reports, ${RISKS} risks, ` +
      `${issues.length} issues, ${documents.length} documents, ${reviews.length} gate reviews, ${depRows.length} dependencies, ${COSTS} cost entries ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`
  );

  // The bare heaviest aggregate: each project's actual cost as of the date, summed by the database.
  const costLink = cost.attributes.project.joinTable;
  const programmeLink = project.attributes.programme.joinTable;
  const portfolioLink = meta('api::programme.programme').attributes.portfolio.joinTable;
  const portfolioId = (await strapi.db.query('api::portfolio.portfolio').findOne({ where: { documentId: portfolio.documentId } })).id;
  const bare = () =>
    knex(`${cost.tableName} as c`)
      .join(`${costLink.name} as cl`, `cl.${costLink.joinColumn.name}`, 'c.id')
      .join(`${programmeLink.name} as pp`, `pp.${programmeLink.joinColumn.name}`, `cl.${costLink.inverseJoinColumn.name}`)
      .join(`${portfolioLink.name} as pf`, `pf.${portfolioLink.joinColumn.name}`, `pp.${programmeLink.inverseJoinColumn.name}`)
      .where(`pf.${portfolioLink.inverseJoinColumn.name}`, portfolioId)
      .where('c.date', '<=', AS_OF)
      .groupBy(`cl.${costLink.inverseJoinColumn.name}`)
      .select(`cl.${costLink.inverseJoinColumn.name} as project_id`, knex.raw('CAST(SUM(c.amount) AS TEXT) AS ac'));
  return { portfolio, bare };
}

async function main() {
  await buildOnce();
  const strapi = await bootStrapi({ label: 'bench_dashboard' });
  strapi.log.level = 'error';
  const base = await listen(strapi);
  await createBenchAdmin(strapi);
  const token = await loginBenchAdmin(base);
  const auth = { authorization: `Bearer ${token}` };

  const { portfolio, bare } = await seed(strapi);
  const url = `${base}/pmo/dashboard?portfolio=${portfolio.documentId}&asOf=${AS_OF}`;
  const dashboard = async () => {
    const res = await fetch(url, { headers: auth });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`dashboard: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };

  // Warm up both, and check they agree: AC summed from the bare rows equals the dashboard's.
  const first = await dashboard();
  const rows = await bare();
  const acMinor = rows.reduce((sum, row) => sum + BigInt(row.ac), BigInt(0)).toString();
  const answered = first.evm.ac.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1');
  if (first.scope.projects !== PROJECTS || answered !== acMinor || first.heatmap.total !== RISKS - Math.ceil(RISKS / 4)) {
    throw new Error(`dashboard and bare aggregate disagree: ${first.scope.projects} projects, AC ${first.evm.ac} vs ${acMinor}, ${first.heatmap.total} open risks`);
  }

  // Where the time goes: the same answer from the service (no HTTP, no sign-in check, no JSON),
  // and finance's own earned value of the portfolio (the dashboard's heaviest query) over HTTP.
  const user = await strapi.db.query('admin::user').findOne({ where: { email: 'bench@pmo.local' }, populate: ['roles'] });
  const ability = await strapi.service('admin::permission').engine.generateUserAbility(user);
  const service = () => strapi.plugin('pmo').service('dashboard').dashboard({ portfolio: portfolio.documentId, asOf: AS_OF }, ability);
  const evmUrl = `${base}/pmo/evm/portfolios/${portfolio.documentId}?asOf=${AS_OF}`;
  const evm = async () => (await fetch(evmUrl, { headers: auth })).json();
  await service();
  await evm();

  const times = { dashboard: [], bare: [], service: [], evm: [] };
  const timed = async (key, work) => {
    const started = performance.now();
    await work();
    times[key].push(performance.now() - started);
  };
  for (let n = 0; n < REQUESTS; n += 1) {
    await timed('dashboard', dashboard);
    await timed('bare', bare);
    if (PARTS) {
      await timed('service', service);
      await timed('evm', evm);
    }
  }
  const ratio = median(times.dashboard) / median(times.bare);
  const line = (name, list) => `${name.padEnd(28)} median ${median(list).toFixed(1)} ms  p95 ${p95(list).toFixed(1)} ms  worst ${Math.max(...list).toFixed(1)} ms`;
  console.log(
    `${line('GET /pmo/dashboard (HTTP)', times.dashboard)}  (${first.scope.projects} projects, ${first.heatmap.total} open risks, ` +
      `${first.lateStatusReports.length} late reports, ${first.criticalIssues.length} critical issues, ${first.overdueDocuments.length} overdue, ` +
      `${first.upcomingGateReviews.length} reviews, ${first.lateDependencies.length} late dependencies)\n` +
      `${line('bare AC per project (SQL)', times.bare)}\n` +
      (PARTS ? `${line('dashboard service, no HTTP', times.service)}\n${line('GET /pmo/evm/portfolios/:id', times.evm)}\n` : '') +
      `\nprojects=${PROJECTS} risks=${RISKS} costs=${COSTS} requests=${REQUESTS} db=${process.env.DATABASE_CLIENT} node=${process.version} cpus=${require('os').cpus().length}\n` +
      `median ratio dashboard/bare aggregate = ${ratio.toFixed(2)} (target ≤ 3); dashboard median ${median(times.dashboard).toFixed(0)} ms (target < 500 ms)`
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
