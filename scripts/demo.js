#!/usr/bin/env node
/**
 * `npm run demo`: builds what is missing, starts PMO Hub on SQLite (.tmp/data.db unless
 * DATABASE_FILENAME says otherwise), loads the demo PMO and its admin users (idempotently: run it
 * as often as you like), serves http://localhost:1337/admin and prints the demo logins.
 *
 * Mail: it starts a local SMTP server on a free loopback port (scripts/mail-sink.js) and points
 * PMO Hub's SMTP settings at it, so every mail PMO Hub sends lands in .tmp/mail/ as an .eml and a
 * readable .txt, and nothing leaves the machine. PMO_DEMO_MAIL=off keeps the SMTP settings of .env.
 *
 * Demo only: the passwords are fixed and published, so it refuses to run with NODE_ENV=production.
 * The loader itself is scripts/demo/seed.ts, compiled by Strapi into dist/scripts/demo/seed.js.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const { BUILT, ROOT, isStale } = require('./build-state');

function refuseProduction() {
  if (process.env.NODE_ENV !== 'production') return;
  console.error(
    'npm run demo refuses to run with NODE_ENV=production: it creates admin users with published demo ' +
      'passwords. Use `npm run build && npm run start` for a real deployment.'
  );
  process.exit(1);
}

/** What needs `npm run build`: a missing bundle, or plugin sources newer than the plugin bundle. */
function buildReasons() {
  const reasons = Object.entries(BUILT)
    .filter(([, file]) => !fs.existsSync(file))
    .map(([part]) => `the ${part} build is missing`);
  if (fs.existsSync(BUILT.plugin) && isStale('plugin')) reasons.push('the pmo plugin changed since it was built');
  if (fs.existsSync(BUILT.admin) && isStale('admin')) reasons.push('the admin panel changed since it was built');
  return reasons;
}

function buildIfNeeded() {
  const reasons = buildReasons();
  if (reasons.length === 0) return;
  console.log(`Building PMO Hub (${reasons.join('; ')}); this takes about a minute…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error('npm run build failed; the demo cannot start.');
    process.exit(result.status || 1);
  }
}

const MAIL_DIR = path.join(ROOT, '.tmp', 'mail');

/**
 * The demo's own mail server, and PMO Hub's SMTP settings pointed at it (the environment Strapi
 * reads when it loads; .env never overrides what is already set). Null with PMO_DEMO_MAIL=off.
 */
async function startDemoMail() {
  if (process.env.PMO_DEMO_MAIL === 'off') return null;
  const { startMailSink } = require('./mail-sink');
  const sink = await startMailSink({
    dir: MAIL_DIR,
    onMail: ({ subject, to, file }) => console.log(`Mail to ${to}: "${subject}" (${path.relative(ROOT, file)})`),
  });
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_SECURE: 'false',
    SMTP_IGNORE_TLS: 'true',
    SMTP_USERNAME: '',
    SMTP_PASSWORD: '',
  });
  return sink;
}

function printAccounts(accounts, url) {
  const rows = accounts.map((account) => [account.email, account.password, account.role]);
  const header = ['Email', 'Password', 'Role'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `  ${cells.map((cell, i) => cell.padEnd(widths[i])).join('   ')}`;
  console.log('');
  console.log(`PMO Hub demo is running: ${url}`);
  console.log('Log in with any of these demo accounts (demo only, never use these passwords for real):');
  console.log('');
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  console.log('');
}

function printMail(sink, url) {
  if (!sink) return;
  console.log(`Mail PMO Hub sends is kept in ${path.relative(ROOT, MAIL_DIR)}/ (an .eml and a readable .txt each);`);
  console.log(`Settings → PMO Hub → Outbox (${url}/settings/pmo/outbox) shows every message and the jobs that send them.`);
  console.log('');
}

async function main() {
  refuseProduction();
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.chdir(ROOT);

  const { ensureEnv } = require('./ensure-env');
  if (ensureEnv(ROOT)) console.log('Wrote .env with freshly generated secrets.');

  buildIfNeeded();

  const mail = await startDemoMail();

  const { createStrapi, compileStrapi } = require('@strapi/strapi');
  // Cheap and incremental: picks up changed TypeScript in src/, config/ and scripts/.
  const context = await compileStrapi({ appDir: ROOT });
  const app = await createStrapi(context).load();

  // Strapi itself destroys the app on SIGINT/SIGTERM (Ctrl+C).
  let accounts;
  try {
    const { loadDemoData, ensureDemoAdminUsers } = require(path.join(context.distDir, 'scripts', 'demo', 'seed.js'));
    const history = require(path.join(context.distDir, 'scripts', 'demo', 'activity.js'));
    const { reviewDemoDocuments } = require(path.join(context.distDir, 'scripts', 'demo', 'documents.js'));
    const { loadDemoRegisters } = require(path.join(context.distDir, 'scripts', 'demo', 'raid.js'));
    const { loadDemoPlanning } = require(path.join(context.distDir, 'scripts', 'demo', 'planning.js'));
    const result = await loadDemoData(app);
    const registered = await loadDemoRegisters(app);
    if (registered > 0) console.log(`Recorded ${registered} risks, issues, lessons, decisions and dependencies in the RAID registers.`);
    accounts = await ensureDemoAdminUsers(app);
    const reviewed = await reviewDemoDocuments(app);
    if (reviewed > 0) console.log(`Took the demo documents through ${reviewed} review steps.`);
    const gates = await history.advanceDemoLifecycles(app);
    if (gates > 0) console.log(`Took the demo projects through ${gates} lifecycle gates.`);
    const changes = await history.loadDemoChangeRequests(app);
    if (changes > 0) console.log(`Raised ${changes} change requests and took them through change control.`);
    const pairs = await history.loadDemoMentoring(app);
    if (pairs > 0) console.log(`Set up ${pairs} mentoring relationships with their sessions.`);
    const planning = await loadDemoPlanning(app);
    if (planning.approved > 0) console.log(`Approved ${planning.approved} allocations as each person's department leader.`);
    if (planning.milestones > 0) console.log(`Planned ${planning.milestones} milestones.`);
    const created = Object.entries(result.created).filter(([, count]) => count > 0);
    console.log(
      created.length === 0
        ? `Demo data already loaded (anchored to ${result.anchor}); nothing to add.`
        : `Loaded demo data anchored to ${result.anchor} in ${(result.durationMs / 1000).toFixed(1)} s: ` +
            created.map(([uid, count]) => `${count} ${uid.split('.').pop()}`).join(', ')
    );
  } catch (error) {
    console.error('Loading the demo data failed:', error);
    await app.destroy();
    process.exit(1);
  }

  await app.start();
  const port = app.config.get('server.port', 1337);
  printAccounts(accounts, `http://localhost:${port}/admin`);
  printMail(mail, `http://localhost:${port}/admin`);
  console.log('Press Ctrl+C to stop.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
