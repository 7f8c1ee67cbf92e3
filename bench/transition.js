#!/usr/bin/env node
'use strict';
/**
 * bench/transition: a governed workflow transition (POST /pmo/transitions: actor and guard
 * checks, conditional update, mirror, audit event, effects, one transaction) against a plain
 * Document Service update of the same record (PUT /api/projects/:documentId), both over HTTP,
 * at 16 concurrent clients, on PostgreSQL (or SQLite with BENCH_DB=sqlite), in the same run.
 *
 *   node bench/transition.js            # defaults: 16 clients × 40 requests each, per side
 *   BENCH_CLIENTS=16 BENCH_REQUESTS=80 node bench/transition.js
 *
 * Prints median and p99 latency of each side and the ratio governed/plain (target: ratio ≤ 2,
 * governed p99 < 100 ms). Not a test: figures go to bench/README.md.
 */
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
const { dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
const { createBenchAdmin, listen, loginBenchAdmin } = require('./support');

const CLIENTS = Number(process.env.BENCH_CLIENTS || 16);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 40);
const WARMUP = 5;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  await buildOnce();
  const strapi = await bootStrapi({ label: 'bench_transition' });
  strapi.log.level = 'error';
  const base = await listen(strapi);

  await createBenchAdmin(strapi);
  const token = await loginBenchAdmin(base);
  const adminAuth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const apiToken = await strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', kind: 'content-api', lifespan: null });
  const apiAuth = { authorization: `Bearer ${apiToken.accessKey}`, 'content-type': 'application/json' };

  // One project per client, moved to executing, so each client toggles hold ↔ resume on its own.
  const projects = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const project = await strapi.documents('api::project.project').create({ data: { name: `Bench ${i}`, code: `BENCH-${i}` } });
    // Governance guards each gate with a go review, and gate 3 with a baselined budget.
    for (const gate of [1, 2, 3]) {
      await strapi.documents('plugin::pmo.gate-review').create({
        data: { project: project.documentId, gate, decision: 'go', heldDate: '2026-01-15' },
      });
    }
    await strapi.documents('api::budget-line.budget-line').create({
      data: { project: project.documentId, period: '2026-01-01', category: 'labour', amount: '1000000' },
    });
    for (const transition of ['gate-1', 'gate-2', 'gate-3']) {
      const res = await fetch(`${base}/pmo/transitions`, {
        method: 'POST', headers: adminAuth, body: JSON.stringify({ uid: 'api::project.project', documentId: project.documentId, transition }),
      });
      if (res.status !== 200) throw new Error(`setup ${transition}: ${res.status} ${await res.text()}`);
    }
    projects.push(project.documentId);
  }

  const held = projects.map(() => false);
  const governed = async (client) => {
    const transition = held[client] ? 'resume-executing' : 'hold';
    held[client] = !held[client];
    const res = await fetch(`${base}/pmo/transitions`, {
      method: 'POST', headers: adminAuth,
      body: JSON.stringify({ uid: 'api::project.project', documentId: projects[client], transition, comment: 'bench' }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`governed ${transition}: ${res.status}`);
  };
  const plain = async (client, n) => {
    const res = await fetch(`${base}/api/projects/${projects[client]}`, {
      method: 'PUT', headers: apiAuth, body: JSON.stringify({ data: { description: `bench ${n}` } }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`plain update: ${res.status}`);
  };

  async function measure(label, operation) {
    const latencies = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = 0; n < REQUESTS + WARMUP; n += 1) {
          const started = performance.now();
          await operation(client, n);
          if (n >= WARMUP) latencies.push(performance.now() - started);
        }
      })
    );
    latencies.sort((a, b) => a - b);
    const result = { label, n: latencies.length, median: percentile(latencies, 50), p99: percentile(latencies, 99) };
    console.log(`${label.padEnd(10)} n=${result.n}  median ${result.median.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms`);
    return result;
  }

  // Interleave the two sides twice so drift on a noisy machine hits both alike.
  const plainA = await measure('plain', plain);
  const governedA = await measure('governed', governed);
  const plainB = await measure('plain', plain);
  const governedB = await measure('governed', governed);
  const median = (a, b) => (a + b) / 2;
  const ratio = median(governedA.median, governedB.median) / median(plainA.median, plainB.median);
  const p99 = Math.max(governedA.p99, governedB.p99);
  console.log(
    `\nclients=${CLIENTS} requests/client=${REQUESTS} db=${process.env.DATABASE_CLIENT}\n` +
      `median ratio governed/plain = ${ratio.toFixed(2)} (target ≤ 2)\n` +
      `governed p99 = ${p99.toFixed(1)} ms (target < 100 ms)`
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
