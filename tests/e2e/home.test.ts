/**
 * Issue 12, the home pages as each PMO role finds them at 1440 × 1000: Strapi's home page (/admin)
 * leads with the PMO Hub widget, holding the links of the pages the role may use and no others;
 * the PMO Hub home shows the same pages as cards; no "new Media Library" banner, no guided tour,
 * and no "Strapi" in the pages' main content or the browser tab's title. A finance user sent to
 * Mentoring's address reads PMO Hub's own message with the way back, not Strapi's bare
 * "You don't have the permissions" page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { eventually, launchChromium, logIn, newAppContext, screenshot } from './support/browser';
import { createSuperAdmin, startServer, type Credentials, type E2EServer } from './support/server';
import { createRoleUser } from './support/users';

type PageKey = 'dashboard' | 'raid' | 'my-work' | 'governance' | 'compliance' | 'change-requests' | 'finance' | 'capacity' | 'mentoring' | 'workflows' | 'outbox' | 'notifications';
/** Every role's pages: the dashboard, Risks and issues and My work for all; the Outbox and Notifications settings for PMO administrators and directors only. */
const ALL: PageKey[] = ['dashboard', 'raid', 'my-work', 'governance', 'compliance', 'change-requests', 'finance', 'capacity', 'mentoring', 'workflows', 'outbox', 'notifications'];
const PMO_ROLE_ALL: PageKey[] = ['dashboard', 'raid', 'my-work', 'governance', 'compliance', 'change-requests', 'finance', 'capacity', 'mentoring', 'workflows'];

/** What each role may open (the actions the server's roles grant; see README, "Home pages"). */
const CAST: Array<{ role: string; pages: PageKey[]; names: { firstname: string; lastname: string; email: string } }> = [
  { role: 'finance', pages: ['dashboard', 'raid', 'my-work', 'governance', 'change-requests', 'finance', 'workflows'], names: { firstname: 'Fiona', lastname: 'Finance', email: 'fiona.finance@e2e.pmo' } },
  { role: 'pmo-analyst', pages: PMO_ROLE_ALL, names: { firstname: 'Ana', lastname: 'Analyst', email: 'ana.analyst@e2e.pmo' } },
  { role: 'pmo-manager', pages: PMO_ROLE_ALL, names: { firstname: 'Maria', lastname: 'Manager', email: 'maria.manager@e2e.pmo' } },
  { role: 'project-manager', pages: ['dashboard', 'raid', 'my-work', 'governance', 'compliance', 'change-requests', 'capacity', 'mentoring', 'workflows'], names: { firstname: 'Pat', lastname: 'Projects', email: 'pat.projects@e2e.pmo' } },
];

let server: E2EServer;
let browser: Browser;
let context: BrowserContext | undefined;
const users = new Map<string, Credentials>();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-home'), launchChromium()]);
  users.set('super-admin', await createSuperAdmin(server.strapi));
  for (const member of CAST) users.set(member.role, await createRoleUser(server.strapi, member.role, member.names));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function signedIn(who: string): Promise<Page> {
  context = await newAppContext(browser, server.baseURL);
  const page = await context.newPage();
  await logIn(page, users.get(who)!);
  return page;
}

const testIds = async (page: Page, selector: string, prefix: string) =>
  (await page.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? '')))
    .map((id) => id.slice(prefix.length))
    .sort();

/** The page's main content (the outermost <main>), without Strapi's name in it. */
async function expectNoStrapi(page: Page) {
  const text = await page.locator('main').first().innerText();
  expect(text).not.toMatch(/strapi/i);
  expect(await page.title()).not.toMatch(/strapi/i);
}

/** Neither Strapi's "new Media Library" banner nor a guided tour (overview card or step popover). */
async function expectNoStrapiPrompts(page: Page) {
  expect(await page.getByText(/new Media Library/i).count()).toBe(0);
  expect(await page.getByText(/Create your schema|Deploy your application|Discover your application/i).count()).toBe(0);
  expect(await page.locator('[role="dialog"]').count()).toBe(0);
  // The tours are switched off in the stored state Strapi reads (they show only under `strapi develop`).
  const tour = await page.evaluate(() => JSON.parse(window.localStorage.getItem('STRAPI_GUIDED_TOUR') ?? 'null'));
  expect(tour).toEqual(expect.objectContaining({ enabled: false }));
}

async function visitHomes(page: Page, who: string, expected: PageKey[]) {
  // Strapi's home page: the PMO Hub widget first, with the role's pages only.
  const asked: string[] = [];
  const ask = (request: { url(): string }) => asked.push(new URL(request.url()).pathname);
  page.on('request', ask);
  await page.goto('/admin');
  const widget = page.getByTestId('pmo-hub-widget');
  await widget.waitFor();
  const widgets = await page.locator('[data-strapi-widget-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-strapi-widget-id')));
  expect(widgets[0]).toBe('plugin::pmo.pmo-hub');
  // Strapi's developer widgets ("Project statistics", the drafts/published "Entries" chart) are gone.
  expect(widgets).not.toContain('plugin::admin.key-statistics');
  expect(widgets).not.toContain('plugin::content-manager.chart-entries');
  expect(widgets).toContain('plugin::admin.profile-info');
  // Nor is their data fetched (Strapi prefetches it for them; a count of every type's documents
  // took 3.7 s at 10,000,000 cost entries: patches/@strapi+admin+5.54.0.patch).
  await page.waitForLoadState('networkidle');
  page.off('request', ask);
  expect(asked).not.toContain('/content-manager/homepage/count-documents');
  expect(asked).not.toContain('/admin/homepage/key-statistics');
  expect(asked).toContain('/admin/homepage/layout');
  // The dashboard's widgets, for every PMO role (each reads the dashboard and the governance board).
  expect(widgets).toEqual(expect.arrayContaining(['plugin::pmo.pmo-portfolio-health', 'plugin::pmo.pmo-upcoming-reviews']));
  await page.getByTestId('pmo-health-widget').waitFor();
  await page.getByTestId('pmo-reviews-widget-count').getByText('No gate review in the next 30 days').waitFor();
  expect(await testIds(page, '[data-testid^="pmo-widget-"]', 'pmo-widget-')).toEqual([...expected].sort());
  // Give the banner time to mount (it waits for the panel's init answer) before looking for it.
  await page.waitForLoadState('networkidle');
  await eventually(async () => expect(await page.title()).toMatch(/PMO Hub/));
  await expectNoStrapiPrompts(page);
  await expectNoStrapi(page);
  await screenshot(page, `home-admin-${who}`);

  // The PMO Hub home (a link from the dashboard, where PMO Hub opens): the same pages as cards, each with what it is for.
  await widget.getByRole('link').first().waitFor();
  await page.goto('/admin/plugins/pmo/home');
  await page.getByRole('heading', { name: 'PMO Hub', level: 1 }).waitFor();
  await page.locator('[data-testid^="pmo-home-"]').first().waitFor();
  expect(await testIds(page, 'a[data-testid^="pmo-home-"]', 'pmo-home-')).toEqual([...expected].sort());
  await page.waitForLoadState('networkidle');
  await expectNoStrapiPrompts(page);
  await expectNoStrapi(page);
  await screenshot(page, `home-pmo-${who}`);
}

test('the super admin finds every PMO Hub page on both home pages, without Strapi prompts', async () => {
  const page = await signedIn('super-admin');
  await visitHomes(page, 'super-admin', ALL);
  // The live figures on the cards (an empty database: nothing open).
  await page.getByTestId('pmo-home-figure-change-requests').getByText('No open change requests').waitFor();
  await page.getByTestId('pmo-home-figure-governance').getByText('0 active projects, 0 reporting red').waitFor();
});

for (const member of CAST) {
  test(`a ${member.role} user sees only the pages of the role`, async () => {
    const page = await signedIn(member.role);
    await visitHomes(page, member.role, member.pages);
  });
}

test('a finance user sent to Mentoring reads why and finds the way back home', async () => {
  const page = await signedIn('finance');
  await page.goto('/admin/plugins/pmo/mentoring');
  await page.getByText('Mentoring is not part of your role in PMO Hub.', { exact: false }).waitFor();
  expect(await page.getByText("You don't have the permissions", { exact: false }).count()).toBe(0);
  await expectNoStrapi(page);
  await screenshot(page, 'home-finance-mentoring-denied');
  await page.getByRole('link', { name: 'Back to PMO Hub home' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/home');
  await page.getByTestId('pmo-home-finance').waitFor();
  expect(await page.getByTestId('pmo-home-mentoring').count()).toBe(0);
});

test('a project manager sent to Finance reads why instead of an empty page', async () => {
  const page = await signedIn('project-manager');
  await page.goto('/admin/plugins/pmo/finance/exports');
  await page.getByText('Finance is not part of your role in PMO Hub.', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'Back to PMO Hub home' }).waitFor();
  await screenshot(page, 'home-project-manager-finance-denied');
});
