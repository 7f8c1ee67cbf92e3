#!/usr/bin/env node
'use strict';
/**
 * bench/cluster-load: PMO Hub as it runs in production (`strapi start` instances behind nginx on
 * one PostgreSQL database, scripts/cluster.js) under 64 concurrent clients, with one instance
 * and then with two, on the same seeded database.
 *
 *   node bench/cluster-load.js                         # 64 clients, 60 s per cluster size (about 5 minutes)
 *   BENCH_SECONDS=15 node bench/cluster-load.js        # a quicker run
 *   BENCH_CLIENTS=32 BENCH_INSTANCES=1,2,3 node bench/cluster-load.js
 *
 * Each client loops over a fixed mix: 60 % reads (the governance board, the portfolio
 * dashboard, the project list of the Content Manager, one project's governance view), 30 %
 * transitions (on hold ⇄ resumed, two clients per project, so some race: the loser's 409 is
 * the designed answer, not an error) and 10 % CSV exports (a project's cost ledger, the
 * financial summary). An error is a 5xx, a network error or any other unexpected status.
 * Prints one table: throughput, p50 and p99 latency, errors, and the instances' CPU time per
 * request (utime + stime from /proc/<pid>/stat, before and after). Not a test: figures go to
 * bench/README.md.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = 'postgres';
process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi, TEST_SECRETS } = require(path.join(ROOT, 'tests/helpers/boot'));
const { dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
const { startCluster } = require(path.join(ROOT, 'scripts/cluster'));
const { createBenchAdmin, loginBenchAdmin, insertAll, linkAll, median, p99, runBench } = require('./support');

const CLIENTS = Number(process.env.BENCH_CLIENTS || 64);
const SECONDS = Number(process.env.BENCH_SECONDS || 60);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP || 5);
const SIZES = (process.env.BENCH_INSTANCES || '1,2').split(',').map(Number);
const PROJECTS = Number(process.env.BENCH_PROJECTS || 200);
const COSTS = Number(process.env.BENCH_COSTS || 20000);
/** Projects the transitions move: two clients share each one. */
const MOVED = Math.max(1, Math.ceil(CLIENTS / 2));
const AS_OF = '2026-06-15';
const TICKS = 100; // USER_HZ: /proc's clock ticks per second on Linux
const day = (offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86400000).toISOString().slice(0, 10);

/** A portfolio of PROJECTS projects with budgets, status reports, risks and cost entries, and MOVED projects in `initiating`. */
async function seed(strapi) {
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const owned = async (uid, rows, owners) => {
    const ids = await insertAll(knex, meta(uid).tableName, rows);
    await linkAll(knex, meta(uid).attributes.project.joinTable, ids.map((id, i) => [id, owners[i]]));
  };
  const portfolio = await strapi.documents('api::portfolio.portfolio').create({ data: { name: 'Load portfolio', code: 'LOAD-PF' } });
  const programme = await strapi.documents('api::programme.programme').create({ data: { name: 'Load programme', code: 'LOAD-PRG', portfolio: portfolio.documentId } });
  const programmeId = (await strapi.db.query('api::programme.programme').findOne({ where: { documentId: programme.documentId } })).id;
  const project = meta('api::project.project');
  const total = PROJECTS + MOVED;
  const documentIds = Array.from({ length: total }, (_, i) => `loadproject${String(i).padStart(13, '0')}`);
  const states = ['planning', 'executing', 'executing', 'closing'];
  const projectIds = await insertAll(
    knex,
    project.tableName,
    documentIds.map((documentId, i) => ({
      document_id: documentId,
      name: `Load project ${i}`,
      code: `LOAD-${String(i).padStart(4, '0')}`,
      workflow_state: i >= PROJECTS ? 'initiating' : states[i % states.length],
      reporting_cadence: 'monthly',
      start_date: '2025-10-01',
    }))
  );
  await linkAll(knex, project.attributes.programme.joinTable, projectIds.map((id) => [id, programmeId]));
  const budget = [];
  const reports = [];
  const risks = [];
  const [budgetOwners, reportOwners, riskOwners] = [[], [], []];
  projectIds.slice(0, PROJECTS).forEach((id, p) => {
    for (let m = 0; m < 12; m += 1) {
      budget.push({ document_id: `loadbudget${p}x${m}`, period: `2026-${String(m + 1).padStart(2, '0')}-01`, category: 'labour', amount: 1000000 + p });
      budgetOwners.push(id);
    }
    for (let q = 0; q < 3; q += 1) {
      reports.push({ document_id: `loadreport${p}x${q}`, as_of: `2026-${String(q * 2 + 1).padStart(2, '0')}-28`, percent_complete: (q + 1) * 20, rag_overall: ['green', 'amber', 'red'][(p + q) % 3] });
      reportOwners.push(id);
    }
    for (let r = 0; r < 10; r += 1) {
      risks.push({ document_id: `loadrisk${p}x${r}`, title: `Risk ${p}.${r}`, type: 'threat', probability: (r % 5) + 1, impact: ((p + r) % 5) + 1, score: ((r % 5) + 1) * (((p + r) % 5) + 1), status: 'open' });
      riskOwners.push(id);
    }
  });
  await owned('api::budget-line.budget-line', budget, budgetOwners);
  await owned('api::status-report.status-report', reports, reportOwners);
  await owned('api::risk.risk', risks, riskOwners);
  const costs = Array.from({ length: COSTS }, (_, n) => ({ document_id: `loadcost${String(n).padStart(12, '0')}`, date: day(n % 365), category: 'opex', amount: (n * 7919) % 100000 }));
  await owned('api::cost-entry.cost-entry', costs, costs.map((_, n) => projectIds[n % PROJECTS]));
  await knex.raw('ANALYZE');
  return { portfolio: portfolio.documentId, read: documentIds.slice(0, PROJECTS), moved: documentIds.slice(PROJECTS) };
}

/** CPU seconds (user + system) of `pid` and its descendants so far. */
function cpuSeconds(pid) {
  const stats = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // Gone meanwhile.
    }
  }
  const family = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, { ppid }] of stats) if (family.has(ppid) && !family.has(child)) (family.add(child), (grew = true));
  }
  return [...family].reduce((sum, member) => sum + (stats.get(member)?.ticks ?? 0), 0) / TICKS;
}

/** A small deterministic generator, so every run asks the same mix. */
function random(seedValue) {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CLIENTS loops of the mix for `seconds` against `base`; what each request took and answered. */
async function drive(base, token, data, seconds, record) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // Where each moved project stands now (an earlier run left some on hold).
  const known = new Map();
  for (const documentId of data.moved) {
    const res = await fetch(`${base}/pmo/workflow-instances?uid=api::project.project&documentId=${documentId}`, { headers });
    known.set(documentId, res.status === 200 ? (await res.json()).state.key : 'initiating');
  }
  const reads = [
    () => '/pmo/governance/board',
    () => `/pmo/dashboard?portfolio=${data.portfolio}&asOf=${AS_OF}`,
    (r) => `/content-manager/collection-types/api::project.project?page=${1 + Math.floor(r * 5)}&pageSize=20&sort=name:ASC`,
    (r) => `/pmo/governance/projects/${data.read[Math.floor(r * data.read.length)]}`,
  ];
  const exports = [(r) => `/pmo/exports/cost-ledger.csv?project=${data.read[Math.floor(r * data.read.length)]}`, () => '/pmo/exports/financial-summary.csv'];
  const until = Date.now() + seconds * 1000;
  const call = async (kind, url, init) => {
    const started = performance.now();
    let status = 0;
    let body = null;
    try {
      const res = await fetch(`${base}${url}`, { headers, ...init });
      status = res.status;
      body = kind === 'export' ? await res.arrayBuffer() : await res.json().catch(() => null);
    } catch {
      status = 0;
    }
    record({ kind, status, ms: performance.now() - started });
    return { status, body };
  };
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const next = random(client + 1);
      const documentId = data.moved[client % data.moved.length];
      while (Date.now() < until) {
        const pick = next();
        if (pick < 0.6) await call('read', reads[Math.floor(next() * reads.length)](next()));
        else if (pick < 0.9) {
          const transition = known.get(documentId) === 'on-hold' ? 'resume-initiating' : 'hold';
          const { status, body } = await call('transition', '/pmo/transitions', {
            method: 'POST',
            body: JSON.stringify({ uid: 'api::project.project', documentId, transition, comment: `load ${client}` }),
          });
          if (status === 200) known.set(documentId, body.state);
          // Lost a race: the other client moved it first; read where it is now, as a person reloads.
          else if (status === 409) {
            const { body: instance } = await call('read', `/pmo/workflow-instances?uid=api::project.project&documentId=${documentId}`);
            if (instance?.state?.key) known.set(documentId, instance.state.key);
          }
        } else await call('export', exports[Math.floor(next() * exports.length)](next()));
      }
    })
  );
}

async function measure(size, database, data) {
  const cluster = await startCluster({
    instances: size,
    database,
    env: { ...TEST_SECRETS, NODE_ENV: 'production', PMO_JOBS: 'false', PMO_CURRENCY: 'EUR', PMO_APP_URL: 'http://pmo.bench', SMTP_HOST: '127.0.0.1', SMTP_PORT: '1' },
  });
  try {
    const token = await loginBenchAdmin(cluster.url);
    await drive(cluster.url, token, data, WARMUP_SECONDS, () => undefined);
    const pids = cluster.instances.map((instance) => instance.pid);
    const cpuBefore = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const answers = [];
    const started = performance.now();
    await drive(cluster.url, token, data, SECONDS, (answer) => answers.push(answer));
    const elapsed = (performance.now() - started) / 1000;
    const cpu = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - cpuBefore;
    const expected = (answer) => answer.status === 200 || (answer.kind === 'transition' && answer.status === 409);
    const errors = answers.filter((answer) => !expected(answer));
    const count = (kind, status) => answers.filter((answer) => answer.kind === kind && (status === undefined || answer.status === status)).length;
    const ms = answers.map((answer) => answer.ms);
    return {
      size,
      requests: answers.length,
      throughput: answers.length / elapsed,
      p50: median(ms),
      p99: p99(ms),
      errors: errors.length,
      errorStatuses: [...new Set(errors.map((answer) => `${answer.kind} ${answer.status}`))].join(', '),
      cpuMs: (cpu * 1000) / answers.length,
      mix: `${count('read')} reads, ${count('transition', 200)} transitions applied + ${count('transition', 409)} × 409, ${count('export')} exports`,
    };
  } finally {
    await cluster.stop();
    fs.rmSync(cluster.dir, { recursive: true, force: true });
  }
}

async function main() {
  await buildOnce();
  const strapi = await bootStrapi({ label: 'bench_cluster' });
  strapi.log.level = 'error';
  await createBenchAdmin(strapi);
  const seeded = performance.now();
  const data = await seed(strapi);
  console.log(`seeded ${PROJECTS} projects (budgets, reports, risks, ${COSTS} cost entries) and ${MOVED} to move in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  const { connection } = strapi.config.get('database.connection');
  const database = { DATABASE_CLIENT: 'postgres', DATABASE_URL: connection.connectionString, DATABASE_NAME: connection.database };
  await strapi.destroy();

  const rows = [];
  for (const size of SIZES) {
    const row = await measure(size, database, data);
    console.log(`${size} instance(s): ${row.mix}${row.errors ? `; errors: ${row.errorStatuses}` : ''}`);
    rows.push(row);
  }
  const base = rows[0];
  console.log(`\n${CLIENTS} clients × ${SECONDS} s through nginx, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('| instances | requests | throughput | p50 | p99 | errors | Strapi CPU per request |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const scale = row === base ? '' : ` (${(row.throughput / base.throughput).toFixed(2)}×)`;
    console.log(`| ${row.size} | ${row.requests} | ${row.throughput.toFixed(1)} req/s${scale} | ${row.p50.toFixed(0)} ms | ${row.p99.toFixed(0)} ms | ${row.errors} | ${row.cpuMs.toFixed(1)} ms |`);
  }
  await dropRunDatabases();
  process.exit(rows.every((row) => row.errors === 0) ? 0 : 1);
}

runBench(main);
