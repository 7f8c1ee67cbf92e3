'use strict';
/**
 * Another PMO Hub instance: the real Strapi (tests/helpers/boot.js) booted in a child process on a
 * database that already exists, driven over IPC. Tests use it for a second instance on the same
 * PostgreSQL database as the worker's own (tests/api/notifications-cluster.test.ts); the
 * notifications bench runs every Strapi it measures this way (bench/notifications.js).
 *
 * Parent side:
 *
 *   const other = await startStrapiProcess({ database: { DATABASE_CLIENT, DATABASE_URL, DATABASE_NAME }, smtpPort });
 *   await other.call('drain', { via: 'service' });   // dispatch until nothing is left to claim
 *   await other.call('runJob', { key: 'reminders', now: '2034-05-15' });
 *   await other.stop();
 *
 * Commands (child side, `COMMANDS` below): `drain`, `runJob`, `reminderSource`, `rss`, `stop`;
 * `PMO_PROCESS_COMMANDS` may name a module whose exports are more commands ((strapi, args) → result).
 * The child never creates the database or its schema's first version: boot the first instance
 * (which syncs the schema) before starting another on the same database.
 */
const path = require('path');
const { fork } = require('child_process');

/* ---------------------------------------------------------------------------------------------
 * Parent
 * -------------------------------------------------------------------------------------------*/

/**
 * Boots Strapi in a child process on `database` (the DATABASE_* variables), sending mail to
 * 127.0.0.1:`smtpPort`. Resolves once it is loaded; `env` adds variables (e.g. SMTP_MAX_CONNECTIONS).
 */
function startStrapiProcess({ database, smtpPort, env = {}, bootTimeoutMs = 120000 }) {
  const child = fork(__filename, [], {
    env: {
      ...process.env,
      ...database,
      ...env,
      PMO_TEST_SMTP_PORT: String(smtpPort),
      PMO_STRAPI_PROCESS: 'child',
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // For profiling a bench: PMO_CHILD_EXEC_ARGV="--cpu-prof --cpu-prof-dir=/tmp/prof".
    execArgv: [...process.execArgv, ...(process.env.PMO_CHILD_EXEC_ARGV ? process.env.PMO_CHILD_EXEC_ARGV.split(' ') : [])],
  });
  let sequence = 0;
  const waiting = new Map();
  let exited = null;

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The Strapi child process did not boot within ${bootTimeoutMs} ms`)), bootTimeoutMs);
    child.on('message', (message) => {
      if (message && message.ready) {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      if (message && message.bootError) {
        clearTimeout(timer);
        reject(new Error(`The Strapi child process failed to boot: ${message.bootError}`));
        return;
      }
      const pending = message && waiting.get(message.id);
      if (!pending) return;
      waiting.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(`${pending.command} in the Strapi child process: ${message.error}`));
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      clearTimeout(timer);
      reject(new Error(`The Strapi child process exited (${signal || code}) before it was ready`));
      for (const pending of waiting.values()) pending.reject(new Error(`The Strapi child process exited (${signal || code}) during ${pending.command}`));
      waiting.clear();
    });
  });

  const handle = {
    pid: child.pid,
    /** Sends a command; resolves with its result. */
    call(command, args = {}) {
      if (exited) return Promise.reject(new Error('The Strapi child process has exited'));
      sequence += 1;
      const id = sequence;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, command });
        child.send({ id, command, args });
      });
    },
    /** Shuts Strapi down (its destroy: cron removed, job leases released) and waits for the exit. */
    async stop(timeoutMs = 30000) {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      handle.call('stop').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await gone;
      clearTimeout(timer);
    },
  };
  return ready.then(() => handle);
}

/* ---------------------------------------------------------------------------------------------
 * Child
 * -------------------------------------------------------------------------------------------*/

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const notifications = (strapi) => strapi.plugin('pmo').service('notifications');

/** Samples this process's RSS every 50 ms (after a GC when the process may collect). */
function rssSampler() {
  let gc = null;
  try {
    require('v8').setFlagsFromString('--expose-gc');
    gc = require('vm').runInNewContext('gc');
  } catch {
    gc = null;
  }
  if (gc) gc();
  const before = process.memoryUsage();
  let peak = before.rss;
  let peakHeap = before.heapUsed + before.external;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.external);
  }, 50);
  return () => {
    clearInterval(timer);
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    if (gc) gc();
    const collected = process.memoryUsage();
    return {
      rssBefore: before.rss,
      rssPeak: peak,
      heapBefore: before.heapUsed + before.external,
      heapPeak: peakHeap,
      // What is still held after a full GC once the drain is over (a leak would show here).
      heapAfterGc: collected.heapUsed + collected.external,
    };
  };
}

const COMMANDS = {
  /**
   * Runs the dispatch job until nothing is left to claim: `via: 'service'` calls the dispatcher
   * (the job's work without its job lease), `via: 'job'` runs the job (`runJob`, lease included;
   * a run another instance holds is retried after 5 ms), `via: 'tick'` does what the cron does
   * (the run, or help with another instance's run). `now` defaults to the clock at each run.
   * `startAt` (epoch ms) lets several processes begin at the same moment. `rss: true` samples memory.
   */
  async drain(strapi, { via = 'service', now = null, startAt = null, rss = false, maxRuns = 100000 }) {
    const service = notifications(strapi);
    const stopSampling = rss ? rssSampler() : null;
    if (startAt) await sleep(Math.max(0, startAt - Date.now()));
    const totals = { runs: 0, notRun: 0, claimed: 0, sent: 0, retried: 0, failed: 0 };
    const started = Date.now();
    const cpu = process.cpuUsage();
    for (let run = 0; run < maxRuns; run += 1) {
      const at = now ? new Date(now) : new Date();
      let counts;
      if (via === 'tick') {
        const answer = await service.tick('dispatch-outbox', at);
        if (!answer.ran && !answer.helped) {
          totals.notRun += 1;
          await sleep(5);
          continue;
        }
        counts = answer.counts;
      } else if (via === 'job') {
        const answer = await service.runJob('dispatch-outbox', at);
        if (!answer.ran) {
          totals.notRun += 1;
          await sleep(5);
          continue;
        }
        counts = answer;
      } else {
        counts = await service.dispatch(at);
      }
      totals.runs += 1;
      for (const key of ['claimed', 'sent', 'retried', 'failed']) totals[key] += counts[key] || 0;
      if (!counts.claimed) break;
    }
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    return { ...totals, started, ended: Date.now(), cpuMs, ...(stopSampling ? { memory: stopSampling() } : {}) };
  },

  /** Runs one job as if at `now` (POST /pmo/jobs/:key/run's work); `startAt` as for drain. */
  async runJob(strapi, { key, now, startAt = null }) {
    if (startAt) await sleep(Math.max(0, startAt - Date.now()));
    return notifications(strapi).runJob(key, new Date(now));
  },

  /**
   * Registers a reminder source answering `byDay[day]` (after `delayMs`), and makes it the only
   * source the reminders job runs here (as the test's own instance does).
   */
  async reminderSource(strapi, { key, category, byDay, delayMs = 0 }) {
    const service = notifications(strapi);
    service.registerReminderSource({
      key,
      category,
      async collect(_strapi, { day }) {
        if (delayMs) await sleep(delayMs);
        return byDay[day] || [];
      },
    });
    service.onlyReminderSources([key]);
    return { key };
  },

  async rss() {
    return process.memoryUsage();
  },
};

async function child() {
  const { bootStrapi } = require('./boot');
  const database = Object.fromEntries(
    ['DATABASE_CLIENT', 'DATABASE_URL', 'DATABASE_NAME', 'DATABASE_FILENAME'].filter((key) => process.env[key]).map((key) => [key, process.env[key]])
  );
  const extra = process.env.PMO_PROCESS_COMMANDS ? require(path.resolve(process.env.PMO_PROCESS_COMMANDS)) : {};
  const commands = { ...COMMANDS, ...extra };
  let strapi;
  try {
    strapi = await bootStrapi({ database });
    strapi.log.level = process.env.PMO_TEST_LOG || 'error';
  } catch (error) {
    process.send({ bootError: error && error.stack ? error.stack : String(error) });
    process.exit(1);
  }
  process.on('message', async ({ id, command, args }) => {
    if (command === 'stop') {
      try {
        await strapi.destroy();
      } finally {
        process.exit(0);
      }
      return;
    }
    try {
      if (!commands[command]) throw new Error(`unknown command ${command}`);
      const result = await commands[command](strapi, args || {});
      process.send({ id, ok: true, result });
    } catch (error) {
      process.send({ id, ok: false, error: error && error.stack ? error.stack : String(error) });
    }
  });
  // The parent went away: do not linger on the database.
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true, pid: process.pid });
}

if (require.main === module && process.env.PMO_STRAPI_PROCESS === 'child') {
  child();
}

module.exports = { startStrapiProcess };
