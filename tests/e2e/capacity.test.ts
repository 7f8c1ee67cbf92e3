/**
 * Issue 16, capacity: a department leader approves an allocation of one of their people in the
 * Content Manager's workflow panel, and the capacity heat map shows it booked; when a second
 * allocation is approved for the same month, the cell turns red and says "Over", and opens the
 * allocations behind it.
 */
import type { Browser, Page } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { adminApi, createMember, createPerson, type Member } from './support/mentoring-cast';
import { accessibilityProblems, layoutProblems } from './support/sweep';
import { ALLOCATION_UID, DEPARTMENT_UID, PROJECT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

let server: E2EServer;
let browser: Browser;
let leader: Member;
let department: string;
let ann: string;
let project: string;
const pages = signedInPages(() => browser, () => server.baseURL);

/** Next month, `YYYY-MM`, and its first and last days: inside the heat map's default range. */
const now = new Date();
const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
const month = next.toISOString().slice(0, 7);
const first = `${month}-01`;
const last = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-capacity'), launchChromium()]);
  leader = await createMember(server.strapi, 'project-manager', { firstname: 'Lena', lastname: 'Leader', email: 'lena.leader@capacity.pmo' });
  department = (await server.strapi.documents(DEPARTMENT_UID as any).create({ data: { name: 'Engineering', leader: leader.personId } as any })).documentId;
  ann = await createPerson(server.strapi, 'Ann Smith', 'ann.smith@capacity.pmo');
  await server.strapi.documents('api::person.person' as any).update({ documentId: ann, data: { department } as any });
  project = (await server.strapi.documents(PROJECT_UID as any).create({ data: { name: 'Vega billing', code: 'E2E-VEGA' } as any })).documentId;
});

afterAll(async () => {
  await pages.closeAll();
  await browser?.close();
  await server?.stop();
});

const allocate = async (percent: number) =>
  (await server.strapi.documents(ALLOCATION_UID as any).create({ data: { person: ann, project, percent, role: 'Developer', startDate: first, endDate: last } as any })).documentId as string;

async function openHeatMap(page: Page) {
  await page.goto(`/admin/plugins/pmo/capacity?department=${department}`);
  await page.getByRole('heading', { name: 'Capacity', level: 1 }).waitFor();
  const cell = page.getByTestId(`pmo-capacity-cell-Ann Smith-${month}`);
  await cell.waitFor({ timeout: 30_000 });
  return cell;
}

it('a department leader approves an allocation, and a second one over-books the person: the cell turns red', async () => {
  const first70 = await allocate(70);
  const page = await pages.pageAs(leader);

  // The leader approves it in the Content Manager's workflow panel.
  await page.goto(`/admin/content-manager/collection-types/${ALLOCATION_UID}/${first70}`);
  const workflow = page.getByTestId('pmo-workflow-panel');
  await workflow.waitFor({ timeout: 30_000 });
  const state = workflow.getByTestId('pmo-workflow-state');
  await eventually(async () => expect(await state.innerText()).toBe('Requested'), 20_000);
  const approve = workflow.getByTestId('pmo-transition-approve').getByRole('button', { name: 'Approve' });
  await eventually(async () => expect(await approve.isEnabled()).toBe(true), 20_000);
  const answered = page.waitForResponse((response) => response.url().endsWith('/pmo/transitions') && response.request().method() === 'POST');
  await approve.click();
  expect((await answered).status()).toBe(200);
  await eventually(async () => expect(await state.innerText()).toBe('Approved'), 20_000);
  await page.getByTestId('pmo-allocation-capacity').getByText('Within the person’s capacity in every month it covers.').waitFor();

  // The heat map shows it booked: 70 %, free.
  let cell = await openHeatMap(page);
  await eventually(async () => expect(await cell.getAttribute('data-load')).toBe('free'));
  expect(await cell.innerText()).toMatch(/^70 %\s+Free$/);
  expect(await layoutProblems(page)).toEqual([]);
  expect(await accessibilityProblems(page)).toEqual([]);

  // A second allocation, 50 %, requested: tentative, still free.
  const second50 = await allocate(50);
  cell = await openHeatMap(page);
  await eventually(async () => expect(await cell.innerText()).toMatch(/^70 %\s+Free · \+50 % tentative$/));

  // Approved by the leader: 120 % booked, the cell is red and says so.
  const api = await adminApi(server.baseURL, leader);
  await api.post('/pmo/transitions', { uid: ALLOCATION_UID, documentId: second50, transition: 'approve' });
  cell = await openHeatMap(page);
  await eventually(async () => expect(await cell.getAttribute('data-load')).toBe('over'));
  expect(await cell.innerText()).toMatch(/^120 %\s+Over$/);
  expect(await cell.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(252, 236, 234)');

  // The cell opens the allocations behind it, with their approval state.
  await cell.click();
  const behind = page.getByTestId('pmo-capacity-cell-allocations');
  await behind.waitFor();
  await eventually(async () => expect(await behind.locator('tr[data-state="approved"]').count()).toBe(2));
  expect(await behind.innerText()).toContain('E2E-VEGA Vega billing');
  await screenshot(page, 'capacity-over');
});
