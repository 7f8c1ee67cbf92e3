/**
 * Issue 12's sweep: every PMO Hub page and the Content Manager list and edit views of every PMO
 * content type, as the super admin and as each PMO role (whatever the role may open), on a small
 * but representative PMO, at 1440 × 900. Once a page has settled: no horizontal scroll (page body,
 * the admin's main scroll container) and nothing cut off on the right; no raw attribute key,
 * documentId, role code or "Strapi" in the visible text; dates as `2 Dec 2026` and money as
 * `1,234.50 EUR`; no serious or critical axe-core violation of WCAG 2.1 A/AA (axe-core runs once per page
 * in each shard, as the shard's first role that opens it: the page's markup comes from the same
 * components whoever looks, and axe is two thirds of a visit's time). Each page × role is
 * one test, whose message lists all that page's problems; a screenshot of each is kept under
 * test-results/e2e/sweep/<role>/<page>.png and a summary in test-results/e2e/sweep/summary-<shard>.json.
 *
 * The roles are split over shards (tests/e2e/sweep-*.test.ts), each with its own server and
 * browser, so two Jest workers sweep at once; together they cover SWEEP_ROLES (checked below).
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

import { createSuperAdmin, startServer, type Credentials, type E2EServer } from './server';
import { launchChromium, logIn, newAppContext } from './browser';
import type { CastMember } from './change-cast';
import {
  SUPER_ADMIN,
  SWEEP_ROLES,
  SWEEP_ARTIFACTS,
  accessibilityProblems,
  createRoleCast,
  dateInputProblems,
  deadEndProblems,
  layoutProblems,
  mayOpen,
  screenshotPath,
  seedPmo,
  trackRequests,
  visit,
  vocabularyOf,
  wordingProblems,
  CM_PAGES,
  PMO_PAGES,
  type Seed,
  type SweepRole,
  type Vocabulary,
} from './sweep';

/** Sweeps every page each of `roles` may open, on a server of its own. */
export function sweepRoles(shard: string, roles: readonly SweepRole[]) {
  let server: E2EServer;
  let browser: Browser;
  let admin: Credentials;
  let cast: Record<string, CastMember>;
  let seed: Seed;
  let vocabulary: Vocabulary;
  const startedAt = Date.now();
  const summary: Array<{ role: string; page: string; url: string; ms: number; settleMs: number; axeMs: number; axeAs: string; problems: string[] }> = [];
  /** The role each page's accessibility was checked as, in this shard. */
  const axeCheckedAs = new Map<string, SweepRole>();

  /** One context per role, open while that role's pages are visited. */
  let session: { role: SweepRole; context: BrowserContext; page: Page; requests: Set<Request> } | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(`e2e-sweep-${shard}`), launchChromium()]);
    admin = await createSuperAdmin(server.strapi);
    cast = await createRoleCast(server.strapi);
    seed = await seedPmo(server.strapi, server.baseURL, cast, admin);
    vocabulary = vocabularyOf(server.strapi);
    for (const role of roles) fs.rmSync(path.join(SWEEP_ARTIFACTS, role), { recursive: true, force: true });
    fs.rmSync(path.join(SWEEP_ARTIFACTS, `progress-${shard}.jsonl`), { force: true });
    fs.mkdirSync(SWEEP_ARTIFACTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await session?.context.close();
    fs.mkdirSync(SWEEP_ARTIFACTS, { recursive: true });
    fs.writeFileSync(
      path.join(SWEEP_ARTIFACTS, `summary-${shard}.json`),
      JSON.stringify({ seconds: Math.round((Date.now() - startedAt) / 1000), pages: summary }, null, 2)
    );
    await browser?.close();
    await server?.stop();
  });

  async function sessionAs(role: SweepRole) {
    if (session?.role === role) return session;
    await session?.context.close();
    const context = await newAppContext(browser, server.baseURL);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    const requests = trackRequests(page);
    await logIn(page, role === SUPER_ADMIN ? admin : cast[role]);
    session = { role, context, page, requests };
    return session;
  }

  describe.each(roles.map((role) => [role]))('as %s', (role) => {
    const pages = [...PMO_PAGES, ...CM_PAGES].filter((page) => mayOpen(role, page));

    it.each(pages.map((page) => [page.id, page]))('%s', async (_id, sweepPage) => {
      const started = Date.now();
      const { page, requests } = await sessionAs(role);
      const url = sweepPage.path(seed);
      const unsettled = await visit(page, url, requests);
      const settleMs = Date.now() - started;
      const text = await page.evaluate(() => document.body.innerText);
      const problems = [
        ...(unsettled.length ? [`the page did not settle within 20 s: ${unsettled.join(', ')}`] : []),
        ...deadEndProblems(text),
        ...(await layoutProblems(page)),
        ...(await dateInputProblems(page)),
        ...wordingProblems(text, { pathname: new URL(page.url()).pathname, uid: sweepPage.uid, vocabulary, documentIds: seed.documentIds }),
      ];
      const axeStarted = Date.now();
      if (!axeCheckedAs.has(sweepPage.id)) {
        axeCheckedAs.set(sweepPage.id, role);
        problems.push(...(await accessibilityProblems(page)));
      }
      const axeMs = Date.now() - axeStarted;
      await page.screenshot({ path: screenshotPath(role, sweepPage.id) });
      const entry = { role, page: sweepPage.id, url, ms: Date.now() - started, settleMs, axeMs, axeAs: axeCheckedAs.get(sweepPage.id)!, problems };
      summary.push(entry);
      fs.appendFileSync(path.join(SWEEP_ARTIFACTS, `progress-${shard}.jsonl`), `${JSON.stringify(entry)}\n`);
      if (problems.length) {
        throw new Error(`${sweepPage.id} as ${role} (${url}): ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
      }
    });
  });
}

/** The shards' roles: every sweep role once, in one shard only. */
export const SWEEP_SHARDS: Record<string, SweepRole[]> = {
  leadership: ['super-admin', 'pmo-director', 'pmo-manager', 'pmo-analyst'] as SweepRole[],
  teams: ['finance', 'project-manager', 'change-board', 'pmo-administrator'] as SweepRole[],
};

export const shardsCoverEveryRole = () =>
  [...Object.values(SWEEP_SHARDS).flat()].sort().join() === [...SWEEP_ROLES].sort().join();
