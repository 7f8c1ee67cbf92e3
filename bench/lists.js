#!/usr/bin/env node
'use strict';
/**
 * bench/lists: every list, board, picker-search and dashboard route of PMO Hub as a PMO manager,
 * at the large PMO of bench/seed-scale.js on PostgreSQL, against Strapi's own Content Manager
 * list of the same projects in the same run; then, in Chromium, the admin's first meaningful
 * paint (from navigation until the page's main content is visible) of the governance board, the
 * change-request list and the finance overview; then every PMO Hub page a PMO manager may open,
 * and the Strapi pages they work in beside them (everyPage), until settled: every request
 * answered, no loader showing.
 *
 *   node bench/lists.js                              # seeds pmo_scale at full size first (long), keeps it
 *   SEED_SCALE=0.01 SEED_DB=pmo_scale_001 node bench/lists.js  # a hundredth, quick
 *   BENCH_REUSE=1 SEED_DB=pmo_scale node bench/lists.js        # the database already seeded
 *   BENCH_REQUESTS=20 BENCH_BROWSER=0 node bench/lists.js      # requests per route; no Chromium
 *
 * Prints one table: per route the status, p50 and p95 over BENCH_REQUESTS sequential requests
 * after one warm-up, the body size, and whether p95 is under the 300 ms target; a route whose
 * warm-up takes more than 5 s is timed three times only. Then the three paints and every page
 * settled, median and worst of three (target < 2 s).
 * Needs `npm run build` for the admin panel (the paints). Not a test: figures go to bench/README.md.
 */
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.join(__dirname, '..');
process.env.DATABASE_CLIENT = 'postgres';
const { buildOnce } = require(path.join(ROOT, 'tests/helpers/build-once'));
const { bootStrapi } = require(path.join(ROOT, 'tests/helpers/boot'));
const { withPgAdmin } = require(path.join(ROOT, 'tests/helpers/database'));
const { listen, loginBenchAdmin, median, p95 } = require('./support');
const { seedScale, seedDocumentId, scaleDatabase, sizesFor } = require('./seed-scale');

const REQUESTS = Number(process.env.BENCH_REQUESTS || 20);
const BROWSER = process.env.BENCH_BROWSER !== '0';
/** Only the routes whose label contains one of these (comma-separated, case-insensitive); the baseline always runs. */
const ONLY = (process.env.BENCH_ONLY || '').split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
const SLOW_MS = 5000;
const TARGET_MS = 300;
const PAINT_TARGET_MS = 2000;
const MANAGER = { email: 'bench.manager@scale.pmo', password: 'Bench-Pass-1234' };
/** Users of other roles, for the routes that name them (third element): their votes have guards. */
const AS = {
  'change-board': { email: 'bench.board@scale.pmo', password: 'Bench-Pass-1234', firstname: 'Bench', lastname: 'Board' },
  'pmo-director': { email: 'bench.director@scale.pmo', password: 'Bench-Pass-1234', firstname: 'Bench', lastname: 'Director' },
};

/** The routes timed: [label, path, role (a PMO manager when absent)], documentIds of seed rows by number. */
function routes() {
  const project = seedDocumentId('project', 7);
  const programme = seedDocumentId('programme', 3);
  const portfolio = seedDocumentId('portfolio', 1);
  return [
    ['Content Manager: projects (baseline)', '/content-manager/collection-types/api::project.project?page=1&pageSize=10&sort=code:ASC'],
    ['board, first page', '/pmo/governance/board'],
    ['board, page 40', '/pmo/governance/board?page=40'],
    ['board, 100 a page by name', '/pmo/governance/board?pageSize=100&sort=name'],
    ['board, red RAG', '/pmo/governance/board?rag=red'],
    ['board, text "atlas"', '/pmo/governance/board?q=atlas'],
    ['board, one programme', `/pmo/governance/board?programme=${programme}`],
    ['board, one portfolio, executing', `/pmo/governance/board?portfolio=${portfolio}&state=executing`],
    ['search people "ada"', '/pmo/search?type=person&q=ada'],
    ['search projects "atlas"', '/pmo/search?type=project&q=atlas'],
    ['search projects by code', '/pmo/search?type=project&q=PRJ-0004'],
    ['search programmes "programme 3"', '/pmo/search?type=programme&q=programme%203'],
    ['change requests, first page', '/pmo/change-requests'],
    ['change requests, page 40, costliest first', '/pmo/change-requests?page=40&sort=cost'],
    ['change requests, open, 100 a page', '/pmo/change-requests?open=true&pageSize=100'],
    ['change requests of a project', `/pmo/change-requests?project=${project}`],
    ['gate reviews of a project', `/pmo/gate-reviews?project=${project}`],
    ['gate reviews, newest first', '/pmo/gate-reviews?sort=newest'],
    ['project governance', `/pmo/governance/projects/${project}`],
    ['dashboard, organisation', '/pmo/dashboard'],
    ['dashboard, one portfolio', `/pmo/dashboard?portfolio=${portfolio}`],
    ['finance: portfolio EVM', `/pmo/evm/portfolios/${portfolio}`],
    ['finance: portfolio EVM, page 10 by name', `/pmo/evm/portfolios/${portfolio}?page=10&sort=name`],
    ['finance: programme EVM', `/pmo/evm/programmes/${programme}`],
    ['finance: project EVM', `/pmo/evm/projects/${project}`],
    ['RAID heat map, portfolio', `/pmo/raid/heatmap?scope=portfolio&documentId=${portfolio}`],
    ['RAID summary, programme', `/pmo/raid/summary?scope=programme&documentId=${programme}`],
    ['dependencies of a project', `/pmo/raid/dependencies?project=${project}`],
    ['documents overdue', '/pmo/documents/overdue'],
    ['compliance matrix, programme', `/pmo/compliance/matrix?programme=${programme}`],
    ['compliance matrix, every project, page 100', '/pmo/compliance/matrix?page=100'],
    ['compliance assessments', '/pmo/compliance/assessments'],
    ['documents overdue, page 10', '/pmo/documents/overdue?page=10'],
    ['mentoring relationships', '/pmo/mentoring/relationships'],
    ['mentoring action items', '/pmo/mentoring/action-items'],
    ['capacity, first page', '/pmo/capacity'],
    ['roadmap of a programme', `/pmo/roadmap?programme=${programme}`],
    ['milestone slip trend', `/pmo/milestones/slip-trend?project=${project}`],
    ['my work', '/pmo/my-work'],
    ['my work, page 2', '/pmo/my-work?page=2'],
    // Their votes on change requests waiting for authorisation have guards (authority, budget).
    ['my work (change board)', '/pmo/my-work', 'change-board'],
    ['my work (PMO director)', '/pmo/my-work', 'pmo-director'],
    ['workflow view of a project', `/pmo/workflow-instances?uid=api::project.project&documentId=${project}`],
  ].filter(([label], index) => index === 0 || ONLY.length === 0 || ONLY.some((part) => label.toLowerCase().includes(part)));
}

async function timeRoute(base, auth, url) {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${base}${url}`, { headers: auth });
    const body = await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status, bytes: body.byteLength };
  };
  const warm = await once();
  const count = warm.ms > SLOW_MS ? 3 : REQUESTS;
  const times = [];
  let last = warm;
  for (let n = 0; n < count; n += 1) {
    last = await once();
    times.push(last.ms);
  }
  return { status: last.status, bytes: last.bytes, p50: median(times), p95: p95(times), warm: warm.ms, n: count };
}

/**
 * Every PMO Hub page a PMO manager may open, with the seed rows it shows (`ids`), and the pages of
 * Strapi's admin a PMO user works in beside them: the admin's home (PMO Hub's widgets) and the
 * Content Manager's lists of the largest tables and a project's edit view.
 */
function everyPage(ids) {
  const PMO = '/admin/plugins/pmo';
  const CM = '/admin/content-manager/collection-types';
  return [
    ['admin home (PMO Hub widgets)', '/admin'],
    ['PMO Hub home', `${PMO}/home`],
    ['dashboard, organisation', `${PMO}/dashboard`],
    ['dashboard, one portfolio', `${PMO}/dashboard?portfolio=${ids.portfolio}`],
    ['my work', `${PMO}/my-work`],
    ['my notification settings', `${PMO}/my-notifications`],
    ['RAID', `${PMO}/raid`],
    ['RAID, one programme, residual', `${PMO}/raid?programme=${ids.programme}&residual=1`],
    ['mentoring', `${PMO}/mentoring`],
    ['finance overview', `${PMO}/finance?portfolio=${ids.portfolio}`],
    ['finance: project', `${PMO}/finance/projects/${ids.project}`],
    ['finance: project budget outline', `${PMO}/finance/projects/${ids.project}/budget-outline`],
    ['finance: programme', `${PMO}/finance/programmes/${ids.programme}`],
    ['finance: programme budget outline', `${PMO}/finance/programmes/${ids.programme}/budget-outline`],
    ['finance: exports', `${PMO}/finance/exports`],
    ['capacity', `${PMO}/capacity`],
    ['capacity: a person', `${PMO}/people/${ids.person}`],
    ['governance board', `${PMO}/governance`],
    ['governance: a project', `${PMO}/governance/projects/${ids.project}`],
    ['governance: a gate review', `${PMO}/governance/reviews/${ids.gateReview}`],
    ['compliance', `${PMO}/compliance`],
    ['compliance: record an assessment', `${PMO}/compliance/record`],
    ['change requests', `${PMO}/change-requests`],
    ['change requests: raise', `${PMO}/change-requests/new`],
    ['change requests: one', `${PMO}/change-requests/${ids.changeRequest}`],
    ['roadmap of a programme', `${PMO}/roadmap?programme=${ids.programme}`],
    ['milestone slip trend', `${PMO}/milestones/projects/${ids.project}`],
    ['settings: workflows', '/admin/settings/pmo/workflows'],
    ['settings: the project lifecycle', `/admin/settings/pmo/workflows/${ids.projectWorkflow}`],
    ['Content Manager: projects', `${CM}/api::project.project`],
    ['Content Manager: a project', `${CM}/api::project.project/${ids.project}`],
    ['Content Manager: cost entries', `${CM}/api::cost-entry.cost-entry`],
    ['Content Manager: status reports', `${CM}/api::status-report.status-report`],
    ['Content Manager: people', `${CM}/api::person.person`],
  ];
}

/** The admin's form, signed in as `user`; answers the browser and its page. */
async function signedInPage(base, user) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'], headless: true });
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'UTC' });
  context.setDefaultTimeout(120000);
  const page = await context.newPage();
  await page.goto('/admin/auth/login');
  await page.getByRole('textbox', { name: /email/i }).fill(user.email);
  await page.getByLabel(/password/i).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth/'));
  return { browser, page };
}

/** Signs in through the admin's form, then times each page from navigation to its main content. */
async function paints(base) {
  const { browser, page } = await signedInPage(base, MANAGER);
  const pages = [
    ['governance board', '/admin/plugins/pmo/governance', '[data-testid="pmo-gov-card"]'],
    ['change-request list', '/admin/plugins/pmo/change-requests', '[data-testid="cr-row"]'],
    ['finance overview', `/admin/plugins/pmo/finance?portfolio=${seedDocumentId('portfolio', 1)}`, '[data-testid="finance-portfolio-total"]'],
  ];
  const results = [];
  for (const [name, url, selector] of pages) {
    const runs = [];
    for (let n = 0; n < 3; n += 1) {
      await page.goto('/admin');
      await page.waitForLoadState('networkidle');
      const started = performance.now();
      await page.goto(url);
      await page.locator(selector).first().waitFor({ state: 'visible' });
      runs.push(performance.now() - started);
    }
    results.push({ name, url, median: median(runs), worst: Math.max(...runs) });
  }
  await browser.close();
  return results;
}

/** How long a page may stay quiet (no request in flight, no loader) before it counts as settled. */
const QUIET_MS = 500;

/**
 * Every page (everyPage), each opened three times from the admin's home: from navigation until
 * it has settled, i.e. its last request has answered and no loader shows (`aria-busy`, Strapi's
 * "Loading content"), the moment it last was busy before QUIET_MS of quiet. A stricter measure than
 * the first meaningful paint: everything the page asks for has arrived and is drawn.
 */
async function settledPages(base, ids) {
  const { browser, page } = await signedInPage(base, MANAGER);
  const pending = new Set();
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  const busy = () => page.evaluate(() => Boolean(document.querySelector('[aria-busy="true"]')) || /Loading content/.test(document.body.innerText));
  const results = [];
  for (const [name, url] of everyPage(ids)) {
    const runs = [];
    let status = 'ok';
    for (let n = 0; n < 3; n += 1) {
      await page.goto('/admin/plugins/pmo/home');
      await page.waitForLoadState('networkidle');
      pending.clear();
      const started = performance.now();
      await page.goto(url);
      let lastBusy = performance.now();
      const deadline = started + 30_000;
      while (performance.now() < deadline) {
        if (pending.size > 0 || (await busy())) lastBusy = performance.now();
        else if (performance.now() - lastBusy >= QUIET_MS) break;
        await page.waitForTimeout(25);
      }
      if (performance.now() >= deadline) status = 'never settled';
      runs.push(lastBusy - started);
    }
    // A page that refused the manager, or failed, settles fast: say so rather than time it.
    const refused = await page.evaluate(() => /You don.t have the permissions|Page not found|Something went wrong|could not be loaded/i.test(document.body.innerText));
    results.push({ name, url, median: median(runs), worst: Math.max(...runs), status: refused ? 'refused or failed' : status });
  }
  await browser.close();
  return results;
}

async function main() {
  const scale = Number(process.env.SEED_SCALE || 1);
  const name = process.env.SEED_DB || 'pmo_scale';
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('SEED_DB: lower-case letters, digits and _ only');
  const reuse = process.env.BENCH_REUSE === '1';
  await buildOnce();
  if (!reuse) {
    await withPgAdmin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    });
  }
  const strapi = await bootStrapi({ database: scaleDatabase(name), serveAdmin: BROWSER });
  strapi.log.level = 'error';
  if (!reuse) await seedScale(strapi, { scale });
  const base = await listen(strapi);

  // A PMO manager (a person of the same email, as the app links them), signed in through the route.
  const managerRole = await strapi.db.query('admin::role').findOne({ where: { code: 'pmo-manager' } });
  if (!(await strapi.db.query('admin::user').findOne({ where: { email: MANAGER.email } }))) {
    await strapi.service('admin::user').create({ firstname: 'Bench', lastname: 'Manager', ...MANAGER, isActive: true, roles: [managerRole.id] });
    await strapi.documents('api::person.person').create({ data: { fullName: 'Bench Manager', email: MANAGER.email, pmoRole: 'pmo-manager' } });
  }
  const auth = { authorization: `Bearer ${await loginBenchAdmin(base, MANAGER)}` };
  const counts = {};
  for (const [kind, table] of [['projects', 'projects'], ['people', 'people'], ['change requests', 'pmo_change_requests'], ['cost entries', 'cost_entries'], ['status reports', 'status_reports'], ['documents', 'documents']]) {
    counts[kind] = Number((await strapi.db.connection(table).count({ n: '*' }))[0].n);
  }

  const rows = [];
  const auths = {};
  /** A user of the role (an admin user only: no person, so no person field names them), signed in through the route. */
  async function authAs(role) {
    if (auths[role]) return auths[role];
    const { password, ...user } = AS[role];
    if (!(await strapi.db.query('admin::user').findOne({ where: { email: user.email } }))) {
      const roleRow = await strapi.db.query('admin::role').findOne({ where: { code: role } });
      await strapi.service('admin::user').create({ ...user, password, isActive: true, roles: [roleRow.id] });
    }
    auths[role] = { authorization: `Bearer ${await loginBenchAdmin(base, { email: user.email, password })}` };
    return auths[role];
  }
  for (const [label, url, role] of routes()) {
    const result = await timeRoute(base, role ? await authAs(role) : auth, url);
    rows.push({ label, ...result });
    process.stderr.write(`  ${label}: ${result.p95.toFixed(0)} ms\n`);
  }
  const width = Math.max(...rows.map((row) => row.label.length));
  const pad = (value, size) => String(value).padStart(size);
  console.log(`\n${'route'.padEnd(width)}  status      p50      p95   body KB   n  p95 < ${TARGET_MS} ms`);
  for (const row of rows) {
    console.log(
      `${row.label.padEnd(width)}  ${pad(row.status, 6)} ${pad(row.p50.toFixed(0), 8)} ${pad(row.p95.toFixed(0), 8)} ${pad((row.bytes / 1024).toFixed(1), 9)} ${pad(row.n, 3)}  ${row.p95 < TARGET_MS ? 'yes' : 'NO'}`
    );
  }
  if (BROWSER) {
    console.log(`\n${'admin page (first meaningful paint)'.padEnd(width)}  median    worst  < ${PAINT_TARGET_MS} ms`);
    for (const paint of await paints(base)) {
      console.log(`${paint.name.padEnd(width)}  ${pad(paint.median.toFixed(0), 6)} ${pad(paint.worst.toFixed(0), 8)}  ${paint.worst < PAINT_TARGET_MS ? 'yes' : 'NO'}`);
    }
    const workflow = await strapi.db.connection('pmo_workflows').where({ applies_to: 'api::project.project' }).first();
    const ids = {
      portfolio: seedDocumentId('portfolio', 1),
      programme: seedDocumentId('programme', 3),
      project: seedDocumentId('project', 7),
      person: seedDocumentId('person', 7),
      gateReview: seedDocumentId('gateReview', 7),
      changeRequest: seedDocumentId('changeRequest', 7),
      projectWorkflow: workflow ? workflow.key : 'none',
    };
    console.log(`\n${'admin page (settled: every request answered, no loader)'.padEnd(width)}  median    worst  < ${PAINT_TARGET_MS} ms`);
    for (const settled of await settledPages(base, ids)) {
      const verdict = settled.status !== 'ok' ? settled.status : settled.worst < PAINT_TARGET_MS ? 'yes' : 'NO';
      console.log(`${settled.name.padEnd(width)}  ${pad(settled.median.toFixed(0), 6)} ${pad(settled.worst.toFixed(0), 8)}  ${verdict}`);
    }
  }
  console.log(
    `\nseed scale ${scale} (${Object.entries(counts).map(([kind, n]) => `${n.toLocaleString('en-GB')} ${kind}`).join(', ')}; ` +
      `full size: ${sizesFor(1).costEntries.toLocaleString('en-GB')} cost entries) db=${name} requests=${REQUESTS} node=${process.version} cpus=${require('os').cpus().length}`
  );
  await new Promise((resolve) => strapi.server.httpServer.close(resolve));
  await strapi.destroy().catch(() => {});
  process.exit(0);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
