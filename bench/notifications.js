#!/usr/bin/env node
'use strict';
/**
 * bench/notifications: the outbox drained to a local SMTP sink by the dispatch job, with one
 * Strapi instance and with two on the same PostgreSQL database, against raw nodemailer (pooled,
 * the same pool size) sending the same messages to the same sink in the same run.
 *
 *   node bench/notifications.js                          # PostgreSQL, 10,000 messages per phase
 *   BENCH_MESSAGES=2000 node bench/notifications.js      # a quicker run
 *   BENCH_VIA=job node bench/notifications.js            # drain through runJob (the job lease) instead of the dispatcher
 *   BENCH_VIA=tick node bench/notifications.js           # drain as the cron does: the run, or help with the other's
 *   BENCH_DB=sqlite node bench/notifications.js          # SQLite: the one-instance phase only
 *   BENCH_SMTP_LATENCY_MS=20 node bench/notifications.js # the sink answers each message after 20 ms, as a relay that queues to disk
 *
 * Every Strapi runs in its own child process (tests/helpers/strapi-process.js, which boots through
 * tests/helpers/boot.js), so the sink (in this process) and the baseline sender (another child)
 * do not share an event loop or a heap with what is measured. Messages are queued straight into
 * `pmo_outbox_messages` (Strapi's `db.query(…).createMany`, not `enqueue`: rendering and
 * preferences are not what is measured), already rendered, with realistic sizes (a subject of
 * ~90 characters, a text body of ~900, an HTML body of ~2.7 KB; one or two recipients).
 * The sink counts messages and distinct Message-IDs from the headers only (no body parsing).
 *
 * Prints the rates (messages/s from the first claim to the last mark), the two-instance/one-
 * instance ratio (target ≥ 1.6), PMO Hub/nodemailer, exactly-once checks for every phase and the
 * peak RSS rise of each draining Strapi process, sampled every 50 ms (target < 64 MB).
 * Not a test: figures go to bench/README.md.
 */
const path = require('path');
const { fork } = require('child_process');

const ROOT = path.join(__dirname, '..');
const COUNT = Number(process.env.BENCH_MESSAGES || 10000);
const POOL = Number(process.env.SMTP_MAX_CONNECTIONS || 5);
/** How long the sink takes to accept a message (ms): 0, an instant loopback sink; 20, a relay that queues to disk. */
const LATENCY_MS = Number(process.env.BENCH_SMTP_LATENCY_MS || 0);
const VIA = ['job', 'tick'].includes(process.env.BENCH_VIA) ? process.env.BENCH_VIA : 'service';
const OUTBOX = 'plugin::pmo.outbox-message';
const DOMAIN = 'bench.pmo';
const FROM = 'PMO Hub <pmo-hub@bench.pmo>';

/* ---------------------------------------------------------------------------------------------
 * The messages (the same for PMO Hub and the baseline)
 * -------------------------------------------------------------------------------------------*/

/** A documentId of Strapi's shape (24 lower-case letters and digits), unique per phase and message. */
const documentIdOf = (phase, n) => `bench${phase}${String(n).padStart(24 - 5 - phase.length, '0')}`;

function messageFor(phase, n) {
  const documentId = documentIdOf(phase, n);
  const project = `Project ${String.fromCharCode(65 + (n % 26))}${n % 97}`;
  const owner = `Person ${n % 500}`;
  const url = `http://pmo.test/admin/content-manager/collection-types/api::document.document/${documentId}`;
  const recipients = n % 4 === 0 ? [`person${n % 500}@${DOMAIN}`, `manager${n % 40}@${DOMAIN}`] : [`person${n % 500}@${DOMAIN}`];
  const subject = `Review due: the risk register of ${project} (owner ${owner}) is due for review on 17 Mar 2033`;
  const paragraph =
    `The risk register of ${project} is due for review on 17 March 2033, in 14 days. You own this document: ` +
    'please review it, record the review in PMO Hub and set its next review date. ';
  const text =
    `Hello ${owner},\n\n${paragraph}\n\n${paragraph.replace('due for review', 'listed for review')}\n\n` +
    `Project: ${project}\nDocument: Risk register\nDue: 17 Mar 2033 (14 days)\n\nOpen it in PMO Hub: ${url}\n\n` +
    'You receive this because you own this document. Choose how PMO Hub tells you (immediately, a daily digest, or not at all) ' +
    'in PMO Hub → My notification preferences.\n';
  const html =
    '<!doctype html><html><body style="font-family: Arial, sans-serif; color: #222; line-height: 1.5">' +
    `<p>Hello ${owner},</p><p>${paragraph}</p><p>${paragraph.replace('due for review', 'listed for review')}</p>` +
    '<table style="border-collapse: collapse; margin: 16px 0" cellpadding="6">' +
    `<tr><th style="text-align: left; border-bottom: 1px solid #ddd">Project</th><td style="border-bottom: 1px solid #ddd">${project}</td></tr>` +
    '<tr><th style="text-align: left; border-bottom: 1px solid #ddd">Document</th><td style="border-bottom: 1px solid #ddd">Risk register</td></tr>' +
    `<tr><th style="text-align: left; border-bottom: 1px solid #ddd">Owner</th><td style="border-bottom: 1px solid #ddd">${owner}</td></tr>` +
    '<tr><th style="text-align: left; border-bottom: 1px solid #ddd">Due</th><td style="border-bottom: 1px solid #ddd">17 Mar 2033 (14 days)</td></tr>' +
    '</table>' +
    `<p><a href="${url}" style="display: inline-block; padding: 8px 16px; background: #4945ff; color: #fff; text-decoration: none; border-radius: 4px">Open the document in PMO Hub</a></p>` +
    '<p style="color: #666; font-size: 12px">You receive this because you own this document. Choose how PMO Hub tells you ' +
    '(immediately, a daily digest, or not at all) in PMO Hub → My notification preferences.</p></body></html>';
  return { documentId, messageId: `<${documentId}.pmo@${DOMAIN}>`, recipients, subject, text, html };
}

/* ---------------------------------------------------------------------------------------------
 * Commands for the Strapi child processes (PMO_PROCESS_COMMANDS points here)
 * -------------------------------------------------------------------------------------------*/

/** Queues `count` messages of `phase` straight into the outbox table; answers the time taken. */
async function seed(strapi, { phase, count }) {
  const started = Date.now();
  const at = new Date();
  for (let start = 0; start < count; start += 1000) {
    const data = [];
    for (let n = start; n < Math.min(count, start + 1000); n += 1) {
      const message = messageFor(phase, n);
      data.push({
        ...message,
        template: 'document-review-due',
        category: 'document-review',
        status: 'pending',
        attempts: 0,
        heldForDigest: false,
        dedupeKey: `document-review:${message.documentId}:2033-03-17`,
        sourceUid: 'api::document.document',
        sourceDocumentId: message.documentId,
        payload: { bench: phase },
        createdAt: at,
        updatedAt: at,
        publishedAt: at,
      });
    }
    await strapi.db.query(OUTBOX).createMany({ data });
  }
  if (strapi.db.config.connection.client === 'postgres') await strapi.db.connection.raw('ANALYZE pmo_outbox_messages');
  return { ms: Date.now() - started };
}

/** The phase's rows by status, and the attempts they took. */
async function outboxState(strapi, { phase }) {
  const knex = strapi.db.connection;
  const rows = await knex('pmo_outbox_messages')
    .where('document_id', 'like', `bench${phase}%`)
    .select('status')
    .count({ n: '*' })
    .sum({ attempts: 'attempts' })
    .groupBy('status');
  return Object.fromEntries(rows.map((row) => [row.status, { n: Number(row.n), attempts: Number(row.attempts) }]));
}

/** How many SQL statements this instance runs (counted from knex's query events). */
function countQueries(strapi, { reset = false } = {}) {
  const knex = strapi.db.connection;
  if (!knex.__benchCounter) {
    knex.__benchCounter = { n: 0 };
    knex.on('query', () => (knex.__benchCounter.n += 1));
  }
  const n = knex.__benchCounter.n;
  if (reset) knex.__benchCounter.n = 0;
  return n;
}

module.exports = { seed, outboxState, countQueries };

/* ---------------------------------------------------------------------------------------------
 * Baseline: raw nodemailer in its own process
 * -------------------------------------------------------------------------------------------*/

async function nodemailerBaseline() {
  const nodemailer = require('nodemailer');
  const { port, phase, count, pool } = JSON.parse(process.env.BENCH_NODEMAILER);
  // PMO Hub's transport settings (config/plugins.ts), its TCP_NODELAY socket included unless
  // BENCH_BASELINE_NAGLE=1 (nodemailer's own sockets: each message then waits for a delayed ACK).
  const getSocket = (options, callback) => callback(null, { connection: require('net').connect({ host: options.host, port: options.port, noDelay: true }) });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: pool, maxMessages: 100,
    ...(process.env.BENCH_BASELINE_NAGLE === '1' ? {} : { getSocket }),
  });
  const started = Date.now();
  let next = 0;
  let failed = 0;
  // As many sends in flight as connections, as the dispatcher does.
  await Promise.all(
    Array.from({ length: pool }, async () => {
      while (next < count) {
        const message = messageFor(phase, next);
        next += 1;
        try {
          await transport.sendMail({
            from: FROM, replyTo: FROM, to: message.recipients.join(', '), subject: message.subject, text: message.text, html: message.html,
            messageId: message.messageId, headers: { 'X-PMO-Outbox-Id': message.documentId },
          });
        } catch {
          failed += 1;
        }
      }
    })
  );
  const ended = Date.now();
  transport.close();
  process.send({ started, ended, failed }, () => process.exit(0));
}

function runBaseline(port, phase) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], {
      env: { ...process.env, BENCH_NODEMAILER: JSON.stringify({ port, phase, count: COUNT, pool: POOL }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', resolve);
    child.once('exit', (code) => (code ? reject(new Error(`the nodemailer baseline exited ${code}`)) : undefined));
  });
}

/* ---------------------------------------------------------------------------------------------
 * The sink: counts messages by Message-ID, reading headers only
 * -------------------------------------------------------------------------------------------*/

async function startSink() {
  const { SMTPServer } = require('smtp-server');
  const state = { total: 0, ids: new Map(), withoutId: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 50,
    onData(stream, _session, callback) {
      let head = '';
      let headDone = false;
      stream.on('data', (chunk) => {
        if (headDone) return;
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end >= 0) {
          head = head.slice(0, end);
          headDone = true;
        } else if (head.length > 65536) headDone = true;
      });
      stream.on('end', () => {
        const found = /^message-id:\s*(<[^>]*>)/im.exec(head.replace(/\r\n[ \t]+/g, ' '));
        state.total += 1;
        if (!found) state.withoutId += 1;
        else state.ids.set(found[1], (state.ids.get(found[1]) || 0) + 1);
        // A real mail server answers the end of DATA after queueing the message to disk.
        if (LATENCY_MS > 0) setTimeout(callback, LATENCY_MS);
        else callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.on('error', () => undefined);
  return {
    port: server.server.address().port,
    reset() {
      state.total = 0;
      state.ids = new Map();
      state.withoutId = 0;
    },
    /** What arrived for `phase`: total, distinct Message-IDs, ids seen more than once, ids expected but missing. */
    check(phase) {
      let missing = 0;
      for (let n = 0; n < COUNT; n += 1) if (!state.ids.has(messageFor(phase, n).messageId)) missing += 1;
      const twice = [...state.ids.values()].filter((times) => times > 1).length;
      return { total: state.total, distinct: state.ids.size, twice, missing, withoutId: state.withoutId };
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/* ---------------------------------------------------------------------------------------------
 * Main
 * -------------------------------------------------------------------------------------------*/

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** The machine's CPU counters (/proc/stat, Linux): busy and total jiffies over every core. */
function machineCpu() {
  try {
    const fields = require('fs').readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] || 0);
    const total = fields.reduce((sum, n) => sum + n, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
const rate = (count, ms) => count / (ms / 1000);
const fmt = (value) => value.toFixed(0);

function exactlyOnce(label, seen) {
  const ok = seen.total === COUNT && seen.distinct === COUNT && seen.twice === 0 && seen.missing === 0;
  console.log(
    `  ${label}: received ${seen.total}, distinct Message-IDs ${seen.distinct}, sent twice ${seen.twice}, missing ${seen.missing} → ` +
      (ok ? 'every message exactly once' : 'NOT exactly once')
  );
  return ok;
}

async function drainPhase(label, phase, instances, sink) {
  const [first] = instances;
  const seeded = await first.call('seed', { phase, count: COUNT });
  console.log(`${label}: queued ${COUNT} messages in ${(seeded.ms / 1000).toFixed(1)} s`);
  sink.reset();
  for (const instance of instances) await instance.call('countQueries', { reset: true });
  const startAt = Date.now() + 500;
  const sinkCpu = process.cpuUsage();
  const machineBefore = machineCpu();
  const results = await Promise.all(instances.map((instance) => instance.call('drain', { via: VIA, startAt, rss: true })));
  const sinkUsed = process.cpuUsage(sinkCpu);
  const machineAfter = machineCpu();
  const machineBusy = machineBefore && machineAfter ? (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total) : null;
  const ended = Math.max(...results.map((result) => result.ended));
  const ms = ended - startAt;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const seen = sink.check(phase);
  const state = await first.call('outboxState', { phase });
  const queries = [];
  for (const instance of instances) queries.push(await instance.call('countQueries', {}));
  return { ms, rate: rate(COUNT, ms), results, seen, state, queries, sinkCpuMs: (sinkUsed.user + sinkUsed.system) / 1000, machineBusy };
}

function describeDrain(label, phase, drained) {
  console.log(`${label}: ${COUNT} messages in ${(drained.ms / 1000).toFixed(2)} s → ${fmt(drained.rate)} messages/s`);
  drained.results.forEach((result, i) => {
    const memory = result.memory;
    console.log(
      `  instance ${i + 1}: ${result.runs} runs${result.notRun ? ` (+${result.notRun} not run: lease held)` : ''}, claimed ${result.claimed}, ` +
        `sent ${result.sent}, retried ${result.retried}, failed ${result.failed}; CPU ${(result.cpuMs / 1000).toFixed(1)} s ` +
        `(${(result.cpuMs / Math.max(1, result.sent)).toFixed(2)} ms per message, ${((result.cpuMs / (result.ended - result.started)) * 100).toFixed(0)} % of a core); ${drained.queries[i]} SQL statements ` +
        `(${(drained.queries[i] / Math.max(1, result.claimed)).toFixed(2)} per message); RSS ${mb(memory.rssBefore)} → peak ${mb(memory.rssPeak)} MB ` +
        `(+${mb(memory.rssPeak - memory.rssBefore)} MB), JS heap + external +${mb(memory.heapPeak - memory.heapBefore)} MB at peak, ` +
        `${memory.heapAfterGc >= memory.heapBefore ? '+' : ''}${mb(memory.heapAfterGc - memory.heapBefore)} MB after a GC at the end`
    );
  });
  if (drained.machineBusy !== null) console.log(`  the machine's CPUs (all processes: Strapi, PostgreSQL, the sink, anything else): ${(drained.machineBusy * 100).toFixed(0)} % busy`);
  console.log(`  the sink (this process): CPU ${(drained.sinkCpuMs / 1000).toFixed(1)} s (${((drained.sinkCpuMs / drained.ms) * 100).toFixed(0)} % of a core)`);
  const state = Object.entries(drained.state).map(([status, { n, attempts }]) => `${status} ${n} (${attempts} attempts)`).join(', ');
  console.log(`  outbox rows of the phase: ${state}`);
  return exactlyOnce(label, drained.seen) && drained.state.sent?.n === COUNT && drained.state.sent.attempts === COUNT;
}

async function main() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.DATABASE_CLIENT = process.env.BENCH_DB === 'sqlite' ? 'sqlite' : 'postgres';
  process.env.PMO_TEST_RUN = `bench${Date.now().toString(36)}`;
  const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
  const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
  const { freshDatabase, dropRunDatabases } = require(path.join(ROOT, 'tests/helpers/database'));
  const { startStrapiProcess } = require(path.join(ROOT, 'tests/helpers/strapi-process'));

  await buildOnce();
  const sink = await startSink();
  const database = await freshDatabase('bench_notify');
  const env = { PMO_PROCESS_COMMANDS: __filename, SMTP_MAX_CONNECTIONS: String(POOL) };
  const instances = [];
  let allOnce = true;
  try {
    const os = require('os');
    console.log(`${os.cpus().length} CPUs (${os.cpus()[0].model}), load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
    console.log(`booting Strapi on ${isPostgres ? 'PostgreSQL' : 'SQLite'}…`);
    instances.push(await startStrapiProcess({ database, smtpPort: sink.port, env }));
    // The second boots once the first has made the schema (on the same database).
    if (isPostgres) instances.push(await startStrapiProcess({ database, smtpPort: sink.port, env }));
    console.log(`${COUNT} messages per phase, SMTP pool ${POOL} connections, the sink answering ${LATENCY_MS ? `after ${LATENCY_MS} ms` : "at once"}, drained through ${VIA === 'job' ? "runJob('dispatch-outbox') (the job lease)" : VIA === 'tick' ? "the cron's tick (the job's run, or help with the other instance's)" : 'the dispatcher (the job without its lease)'}\n`);

    // Baseline: raw nodemailer, the same messages to the same sink.
    sink.reset();
    const baseline = await runBaseline(sink.port, 'n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const baselineMs = baseline.ended - baseline.started;
    const baselineRate = rate(COUNT, baselineMs);
    console.log(`raw nodemailer (pooled, ${POOL} connections, ${POOL} in flight${process.env.BENCH_BASELINE_NAGLE === '1' ? ", nodemailer's own sockets (Nagle on)" : ', TCP_NODELAY as PMO Hub'}): ${COUNT} messages in ${(baselineMs / 1000).toFixed(2)} s → ${fmt(baselineRate)} messages/s${baseline.failed ? ` (${baseline.failed} failed)` : ''}`);
    allOnce = exactlyOnce('raw nodemailer', sink.check('n')) && allOnce;

    const one = await drainPhase('one instance', 'a', instances.slice(0, 1), sink);
    allOnce = describeDrain('one instance', 'a', one) && allOnce;

    let two = null;
    if (isPostgres) {
      two = await drainPhase('two instances', 'b', instances, sink);
      allOnce = describeDrain('two instances', 'b', two) && allOnce;
    }

    const peakRise = Math.max(...[one, two].filter(Boolean).flatMap((phase) => phase.results.map((r) => r.memory.rssPeak - r.memory.rssBefore)));
    console.log('\nsummary');
    console.log(`  one instance:  ${fmt(one.rate)} messages/s (target ≥ 200 on PostgreSQL) ${one.rate >= 200 ? 'met' : 'NOT met'}`);
    if (two) {
      const ratio = two.rate / one.rate;
      console.log(`  two instances: ${fmt(two.rate)} messages/s; ratio two/one ${ratio.toFixed(2)} (target ≥ 1.6) ${ratio >= 1.6 ? 'met' : 'NOT met'}`);
      console.log(`  two instances against 1.6 × 200/s = 320/s: ${two.rate >= 320 ? 'met' : 'NOT met'}`);
    }
    console.log(`  PMO Hub one instance / raw nodemailer: ${(one.rate / baselineRate).toFixed(2)} (${fmt(one.rate)} / ${fmt(baselineRate)} messages/s)`);
    console.log(`  every message delivered exactly once in every phase: ${allOnce ? 'yes' : 'NO'}`);
    console.log(`  peak RSS rise of a draining Strapi process: +${mb(peakRise)} MB (target < 64 MB) ${peakRise < 64 * 1024 * 1024 ? 'met' : 'NOT met'}`);
  } finally {
    for (const instance of instances) await instance.stop();
    await sink.close();
    await dropRunDatabases();
  }
  process.exit(allOnce ? 0 : 1);
}

if (require.main === module) {
  if (process.env.BENCH_NODEMAILER) nodemailerBaseline().catch((error) => {
    console.error(error);
    process.exit(1);
  });
  else main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
