#!/usr/bin/env node
'use strict';
/**
 * bench/transition: a governed workflow transition against a plain Document Service update of the
 * same record, at 16 concurrent clients, on PostgreSQL (or SQLite with BENCH_DB=sqlite), in the
 * same run, at two levels:
 *
 * - service: in the Strapi process, 16 concurrent callers of
 *   `strapi.documents('api::project.project').update(...)` (plain) against the engine's
 *   `fire(...)` as an admin user (governed: actor check, guards, conditional update, mirror,
 *   audit event, effects, one transaction). This is the comparison the target is about.
 * - http: the same two operations over HTTP from 16 clients in a separate process
 *   (PUT /api/projects/:documentId with an API token against POST /pmo/transitions with an
 *   admin JWT), adding Koa, authentication and Strapi's per-request permission engine; and, for
 *   reference, the same update through the Content Manager's admin route as the same admin.
 *
 *   node bench/transition.js                      # both levels, 16 clients × 40 requests per side
 *   BENCH_LEVELS=service node bench/transition.js # one level
 *   BENCH_CLIENTS=1 BENCH_REQUESTS=60 node bench/transition.js
 *   SEED_SCALE=1 node bench/transition.js         # beside the large PMO of bench/seed-scale.js (PostgreSQL)
 *   BENCH_REUSE=1 SEED_DB=pmo_scale node bench/transition.js  # beside the large PMO seeded before (kept)
 *
 * Prints, per level and side, median and p99 latency and the Strapi process's CPU time per
 * request; then the ratio of medians governed/plain (target ≤ 2) and the governed p99 (target
 * < 100 ms). Not a test: figures go to bench/README.md.
 */
const path = require('path');
const { fork } = require('child_process');
const { performance } = require('perf_hooks');

const CLIENTS = Number(process.env.BENCH_CLIENTS || 16);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 40);
const WARMUP = 5;
/** This run's mark on what it creates, so a kept database (BENCH_REUSE=1) takes a second run. */
const RUN = Date.now().toString(36).toUpperCase();

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `clients` concurrent loops of `operation(client, n)`; the latencies after the warm-up, sorted. */
async function drive(operation) {
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
  return latencies.sort((a, b) => a - b);
}

// ---- the HTTP clients' process -----------------------------------------------------------------

function httpOperations({ base, adminAuth, apiAuth, projects }) {
  const held = projects.map(() => false);
  return {
    async governed(client) {
      const transition = held[client] ? 'resume-executing' : 'hold';
      held[client] = !held[client];
      const res = await fetch(`${base}/pmo/transitions`, {
        method: 'POST',
        headers: adminAuth,
        body: JSON.stringify({ uid: 'api::project.project', documentId: projects[client], transition, comment: 'bench' }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`governed ${transition}: ${res.status}`);
    },
    /** The same update through the Content Manager's admin route, as the same admin user. */
    async adminPlain(client, n) {
      const res = await fetch(`${base}/content-manager/collection-types/api::project.project/${projects[client]}`, {
        method: 'PUT',
        headers: adminAuth,
        body: JSON.stringify({ description: `bench ${n}` }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`Content Manager update: ${res.status}`);
    },
    async plain(client, n) {
      const res = await fetch(`${base}/api/projects/${projects[client]}`, {
        method: 'PUT',
        headers: apiAuth,
        body: JSON.stringify({ data: { description: `bench ${n}` } }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`plain update: ${res.status}`);
    },
  };
}

if (process.argv[2] === '--clients') {
  let operations;
  process.on('message', async (message) => {
    try {
      if (message.setup) {
        operations = httpOperations(message.setup);
        process.send({ ready: true });
      } else if (message.side) {
        process.send({ latencies: await drive(operations[message.side]) });
      } else if (message.done) {
        process.exit(0);
      }
    } catch (error) {
      process.send({ error: String(error && error.stack ? error.stack : error) });
    }
  });
  return;
}

// ---- the Strapi process ------------------------------------------------------------------------

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
const { dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
const { createBenchAdmin, listen, loginBenchAdmin } = require('./support');

const LEVELS = (process.env.BENCH_LEVELS || 'service,http').split(',').map((level) => level.trim());

/** Moves one project per client to `executing` (go reviews for gates 1–3, a baselined budget). */
async function setUpProjects(strapi, base, adminAuth) {
  const projects = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const project = await strapi.documents('api::project.project').create({ data: { name: `Bench ${i}`, code: `BENCH-${RUN}-${i}` } });
    // A decision is a field governance owns (protected fields): seed it as governance does.
    await strapi.plugin('pmo').service('protectedFields').asCapability('governance', async () => {
      for (const gate of [1, 2, 3]) {
        await strapi.documents('plugin::pmo.gate-review').create({
          data: { project: project.documentId, gate, decision: 'go', heldDate: '2026-01-15' },
        });
      }
    });
    await strapi.documents('api::budget-line.budget-line').create({
      data: { project: project.documentId, period: '2026-01-01', category: 'labour', amount: '1000000' },
    });
    for (const transition of ['gate-1', 'gate-2', 'gate-3']) {
      const res = await fetch(`${base}/pmo/transitions`, {
        method: 'POST',
        headers: adminAuth,
        body: JSON.stringify({ uid: 'api::project.project', documentId: project.documentId, transition }),
      });
      if (res.status !== 200) throw new Error(`setup ${transition}: ${res.status} ${await res.text()}`);
    }
    projects.push(project.documentId);
  }
  return projects;
}

function serviceOperations(strapi, projects, user) {
  const engine = strapi.plugin('pmo').service('workflow');
  const held = projects.map(() => false);
  return {
    async governed(client) {
      const transition = held[client] ? 'resume-executing' : 'hold';
      held[client] = !held[client];
      const result = await engine.fire({ uid: 'api::project.project', documentId: projects[client], transition, comment: 'bench' }, user);
      if (result.outcome !== 'applied') throw new Error(`governed ${transition}: ${result.outcome}`);
    },
    async plain(client, n) {
      await strapi.documents('api::project.project').update({ documentId: projects[client], data: { description: `bench ${n}` } });
    },
  };
}

function httpClients(setup) {
  const child = fork(__filename, ['--clients'], { stdio: 'inherit' });
  const ask = (message) =>
    new Promise((resolve, reject) => {
      child.once('message', (answer) => (answer.error ? reject(new Error(answer.error)) : resolve(answer)));
      child.send(message);
    });
  return {
    ready: ask({ setup }),
    run: async (side) => (await ask({ side })).latencies,
    close: () => child.send({ done: true }),
  };
}

async function main() {
  await buildOnce();
  // A large table must not slow a transition: beside the large PMO when asked, seeded here
  // (SEED_SCALE) or kept from an earlier seed (BENCH_REUSE=1 SEED_DB=…).
  const reuse = process.env.BENCH_REUSE === '1' && process.env.SEED_DB;
  const { seedScale, scaleDatabase } = require('./seed-scale');
  const strapi = await bootStrapi(reuse ? { database: scaleDatabase(process.env.SEED_DB) } : { label: 'bench_transition' });
  strapi.log.level = 'error';
  const base = await listen(strapi);
  if (!reuse && process.env.SEED_SCALE) await seedScale(strapi, { scale: Number(process.env.SEED_SCALE) });

  await createBenchAdmin(strapi);
  const token = await loginBenchAdmin(base);
  const adminAuth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const apiToken = await strapi
    .service('admin::api-token')
    .create({ name: `bench-${Date.now()}`, type: 'full-access', kind: 'content-api', lifespan: null });
  const apiAuth = { authorization: `Bearer ${apiToken.accessKey}`, 'content-type': 'application/json' };
  const projects = await setUpProjects(strapi, base, adminAuth);

  // The transitions are fired by a PMO manager (a role that may put projects on hold), as in use:
  // Strapi builds each admin request's permission set from the user's roles, and a super admin's
  // (every permission of every content type) costs several times a PMO role's.
  const managerRole = await strapi.db.query('admin::role').findOne({ where: { code: 'pmo-manager' } });
  const manager = { email: 'bench.manager@pmo.local', password: 'Bench-Pass-1234' };
  if (!(await strapi.db.query('admin::user').findOne({ where: { email: manager.email } }))) {
    await strapi.service('admin::user').create({ firstname: 'Bench', lastname: 'Manager', ...manager, isActive: true, roles: [managerRole.id] });
  }
  const managerToken = await loginBenchAdmin(base, manager);
  const managerAuth = { authorization: `Bearer ${managerToken}`, 'content-type': 'application/json' };
  const user = await strapi.db.query('admin::user').findOne({ where: { email: manager.email }, populate: ['roles'] });
  const permissions = async (roleId) => strapi.db.query('admin::permission').count({ where: { role: roleId } });
  console.log(`PMO manager role: ${await permissions(managerRole.id)} permissions`);

  const summary = [];
  for (const level of LEVELS) {
    let run;
    let close = () => {};
    if (level === 'service') {
      const operations = serviceOperations(strapi, projects, user);
      run = (side) => drive(operations[side]);
    } else if (level === 'http') {
      const clients = httpClients({ base, adminAuth: managerAuth, apiAuth, projects });
      await clients.ready;
      run = clients.run;
      close = clients.close;
    } else {
      throw new Error(`unknown level "${level}" (service or http)`);
    }

    const measure = async (side) => {
      let statements = 0;
      const count = () => {
        statements += 1;
      };
      strapi.db.connection.client.on('query', count);
      const cpu = process.cpuUsage();
      const latencies = await run(side);
      const used = process.cpuUsage(cpu);
      strapi.db.connection.client.off('query', count);
      const requests = CLIENTS * (REQUESTS + WARMUP);
      const result = {
        median: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        cpu: (used.user + used.system) / 1000 / requests,
      };
      console.log(
        `${level.padEnd(8)} ${side.padEnd(10)} n=${latencies.length}  median ${result.median.toFixed(1)} ms  ` +
          `p99 ${result.p99.toFixed(1)} ms  Strapi CPU ${result.cpu.toFixed(2)} ms/request  ` +
          `${(statements / requests).toFixed(1)} SQL statements/request`
      );
      return result;
    };
    // Interleave the two sides twice so drift on a noisy machine hits both alike.
    const plainA = await measure('plain');
    const governedA = await measure('governed');
    const plainB = await measure('plain');
    const governedB = await measure('governed');
    // Over HTTP, also the update as the same admin through the Content Manager: it pays the same
    // admin authentication and permission checks as the transition does.
    const adminPlain = level === 'http' ? await measure('adminPlain') : null;
    close();
    const ratio = (governedA.median + governedB.median) / (plainA.median + plainB.median);
    const p99 = Math.max(governedA.p99, governedB.p99);
    summary.push(
      `${level}: median ratio governed/plain = ${ratio.toFixed(2)} (target ≤ 2), governed p99 = ${p99.toFixed(1)} ms ` +
        `(target < 100 ms), plain p99 = ${Math.max(plainA.p99, plainB.p99).toFixed(1)} ms` +
        (adminPlain ? `; Content Manager update as the same admin: median ${adminPlain.median.toFixed(1)} ms, p99 ${adminPlain.p99.toFixed(1)} ms` : '')
    );
  }
  console.log(`\nclients=${CLIENTS} requests/client=${REQUESTS} db=${process.env.DATABASE_CLIENT}\n${summary.join('\n')}`);
  // Stop taking requests before the pool closes (a knex pool closed under a pending acquire throws).
  await new Promise((resolve) => strapi.server.httpServer.close(resolve));
  await strapi.destroy().catch((error) => console.error(`(shutting Strapi down: ${error.message})`));
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
