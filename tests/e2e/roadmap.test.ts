/**
 * Issue 16, milestones and the roadmap: a programme manager goes from the dashboard to the
 * programme's roadmap and sees its projects on one timeline, today's line, and the milestone that
 * slipped past its baseline marked late in red and in words; its project's slip trend shows how
 * the forecast moved month by month. At 1440 px, axe-clean, in PMO words.
 */
import type { Browser } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { launchChromium, screenshot, signedInPages } from './support/browser';
import { createMember, type Member } from './support/mentoring-cast';
import { accessibilityProblems, layoutProblems, vocabularyOf, wordingProblems } from './support/sweep';
import { MILESTONE_FORECAST_UID, MILESTONE_UID } from '../../src/plugins/pmo/shared/contracts/milestones';
import { PROGRAMME_UID, PROJECT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

let server: E2EServer;
let browser: Browser;
let manager: Member;
let programme: { documentId: string };
let lyra: { documentId: string };
const pages = signedInPages(() => browser, () => server.baseURL);
const documentIds: string[] = [];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const create = async (uid: string, data: Record<string, unknown>) => {
  const made = (await server.strapi.documents(uid as any).create({ data } as any)) as unknown as { documentId: string };
  documentIds.push(made.documentId);
  return made;
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-roadmap'), launchChromium()]);
  manager = await createMember(server.strapi, 'pmo-manager', { firstname: 'Paula', lastname: 'Programme', email: 'paula.programme@roadmap.pmo' });
  programme = await create(PROGRAMME_UID, { name: 'Customer programme', code: 'RM-CUST' });
  lyra = await create(PROJECT_UID, { name: 'Lyra customer portal', code: 'RM-LYRA', programme: programme.documentId, startDate: day(-120), endDate: day(200) });
  const mensa = await create(PROJECT_UID, { name: 'Mensa payroll', code: 'RM-MENSA', programme: programme.documentId, startDate: day(-30), endDate: day(150) });
  await create(MILESTONE_UID, { project: lyra.documentId, name: 'Design approved', baselineDate: day(-60), forecastDate: day(-60), actualDate: day(-62) });
  const slipped = await create(MILESTONE_UID, { project: lyra.documentId, name: 'Portal go-live', baselineDate: day(45), forecastDate: day(66) });
  await create(MILESTONE_UID, { project: mensa.documentId, name: 'Payroll parallel run', baselineDate: day(90), forecastDate: day(90) });
  // The go-live's forecast as it moved: on its baseline two months ago, a week late last month, three weeks late now.
  const history = server.strapi.db.query(MILESTONE_FORECAST_UID as any);
  await history.deleteMany({ where: { milestoneDocumentId: slipped.documentId } });
  for (const [recordedOn, forecastDate] of [[day(-70), day(45)], [day(-35), day(52)], [day(0), day(66)]]) {
    await history.create({ data: { milestoneDocumentId: slipped.documentId, recordedOn, forecastDate } });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await pages.closeAll();
});

test('a programme manager sees the roadmap with the slipped milestone marked late', async () => {
  const page = await pages.pageAs(manager);
  await page.goto(`/admin/plugins/pmo/dashboard?programme=${programme.documentId}`);
  await page.getByRole('heading', { name: 'Portfolio dashboard', level: 1 }).waitFor();
  await page.getByTestId('pmo-dashboard-roadmap').click();
  await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/roadmap');
  await page.getByRole('heading', { name: 'Programme roadmap', level: 1 }).waitFor();
  await page.getByTestId('pmo-roadmap-chart').waitFor();
  await page.getByTestId('pmo-roadmap-csv').waitFor();

  // Projects as bars, today's line, the slipped milestone late (red and in words), the others not.
  expect(await page.locator('[data-testid^="pmo-roadmap-project-"]').count()).toBe(2);
  await page.getByTestId('pmo-roadmap-today').waitFor({ state: 'attached' });
  expect(await page.getByTestId('pmo-roadmap-project-RM-LYRA').getAttribute('data-late')).toBe('true');
  expect(await page.getByTestId('pmo-roadmap-project-RM-MENSA').getAttribute('data-late')).toBe('false');
  expect(await page.locator('[data-testid="pmo-roadmap-milestone"][data-late="true"]').count()).toBe(1);
  expect(await page.getByTestId('pmo-roadmap-late-count').innerText()).toBe('1 milestone is late');
  const row = page.locator('[data-testid="pmo-roadmap-row"][data-late="true"]');
  expect(await row.innerText()).toMatch(/Portal go-live[\s\S]*21 days late[\s\S]*Late: slipped 21 days past its baseline/);
  const red = await row.getByText(/^Late:/).evaluate((el) => getComputedStyle(el).color);
  expect(red).toMatch(/^rgb\((1[5-9]\d|2\d\d), \d{1,2}, \d{1,2}\)$/);
  expect(await page.locator('main').first().innerText()).toMatch(/On track|Achieved on/);

  expect(await layoutProblems(page)).toEqual([]);
  expect(wordingProblems(await page.locator('main').first().innerText(), { pathname: '/admin/plugins/pmo/roadmap', vocabulary: vocabularyOf(server.strapi), documentIds })).toEqual([]);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'roadmap');

  // The project's slip trend: the go-live's forecast month by month.
  await page.getByRole('link', { name: 'RM-LYRA · Lyra customer portal' }).click();
  await page.waitForURL((url) => url.pathname === `/admin/plugins/pmo/milestones/projects/${lyra.documentId}`);
  await page.getByTestId('pmo-slip-trend-chart').waitFor();
  expect(await page.getByTestId('pmo-slip-trend-line').count()).toBe(2);
  expect(await page.getByTestId('pmo-slip-trend-table').innerText()).toMatch(/Portal go-live[\s\S]*21 days late/);
  expect(await layoutProblems(page)).toEqual([]);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'slip-trend');
});
