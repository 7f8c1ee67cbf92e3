/**
 * Issue 4, end to end: a project manager raises a change in the browser with a cost impact above
 * the project's tolerance, so the change board decides it; it is submitted and assessed; two board
 * members authorise it from their own browsers (after the first, 1 of 2 votes; the raiser, also on
 * the board, may not vote); it ends `scheduled`, the change budget reduced by exactly its cost and
 * a `change` budget line added for that amount.
 */
import type { Browser, Locator, Page, Response } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { createCastMember, type CastMember } from './support/change-cast';
import { BUDGET_LINE_UID, CHANGE_REQUEST_UID as CHANGE, PROJECT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

const suffix = Date.now().toString(36).toUpperCase();
const CODE = `E2E-CC-${suffix}`;
const PROJECT_NAME = 'Vega billing platform';

let server: E2EServer;
let browser: Browser;
let raiser: CastMember;
let manager: CastMember;
let board1: CastMember;
let board2: CastMember;
let projectId: string;
const pages = signedInPages(() => browser, () => server.baseURL);
const pageAs = pages.pageAs;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-change'), launchChromium()]);
  const { strapi } = server;
  // The raiser is a project manager who also sits on the change board: they still may not vote on their own change.
  raiser = await createCastMember(strapi, ['project-manager', 'change-board'], { firstname: 'Rita', lastname: 'Raiser', email: 'e2e.cc.raiser@test.pmo' });
  manager = await createCastMember(strapi, ['project-manager'], { firstname: 'Pat', lastname: 'Manager', email: 'e2e.cc.pm@test.pmo' });
  board1 = await createCastMember(strapi, ['change-board'], { firstname: 'Bea', lastname: 'Board', email: 'e2e.cc.board1@test.pmo' });
  board2 = await createCastMember(strapi, ['change-board'], { firstname: 'Ben', lastname: 'Board', email: 'e2e.cc.board2@test.pmo' });
  // BAC 10,000.00 with a 10 % cost tolerance (1,000.00); a change budget of 50,000.00 (minor units).
  const project = await strapi.documents(PROJECT_UID as any).create({
    data: {
      name: PROJECT_NAME,
      code: CODE,
      manager: manager.personId,
      changeBudget: '5000000',
      tolerances: { costPercent: 10, scheduleDays: 14 },
    } as any,
  });
  projectId = project.documentId;
  await strapi.documents(BUDGET_LINE_UID as any).create({
    data: { project: projectId, period: '2026-01-01', category: 'labour', amount: '1000000' } as any,
  });
});

afterAll(async () => {
  await pages.closeAll();
  await browser?.close();
  await server?.stop();
});


/** Opens a design-system select by clicking near its arrow and picks `option`. */
async function choose(page: Page, select: Locator, option: string) {
  await select.scrollIntoViewIfNeeded();
  const box = await select.boundingBox();
  if (!box) throw new Error('the select is not visible');
  await select.click({ position: { x: box.width - 14, y: box.height / 2 } });
  await page.getByRole('option', { name: option, exact: true }).click();
}

const isResponse = (method: string, path: string) => (response: Response) =>
  response.request().method() === method && new URL(response.url()).pathname === path;

/** Fires a transition from the detail page's actions and returns the server's status. */
async function fire(page: Page, key: string, label: string) {
  const button = page.getByTestId(`pmo-transition-${key}`).getByRole('button', { name: label });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 30_000);
  const answered = page.waitForResponse(isResponse('POST', '/pmo/transitions'));
  await button.click();
  return (await answered).status();
}

const stateOf = (page: Page) => page.getByTestId('cr-state').first();

test('a change above tolerance is raised, assessed and authorised by two board members, drawing on the change budget', async () => {
  // ---- the raiser finds change requests from PMO Hub's home page and raises one -------------------
  const rita = await pageAs(raiser);
  await rita.goto('/admin/plugins/pmo/home');
  await rita.getByTestId('pmo-home-change-requests').click();
  await rita.getByRole('heading', { name: 'Change requests', level: 1 }).waitFor();
  await rita.getByRole('button', { name: 'Raise change' }).click();
  await rita.getByRole('heading', { name: 'Raise a change' }).waitFor();

  // The project is found as one types (GET /pmo/search), not listed.
  await rita.getByRole('combobox', { name: /^Project/ }).fill(CODE);
  await rita.getByRole('option', { name: `${CODE} · ${PROJECT_NAME}`, exact: true }).click();
  await rita.getByRole('textbox', { name: /^Title/ }).fill('Add card payments');
  await rita.getByRole('textbox', { name: /^Description/ }).fill('Accept Visa and Mastercard at checkout');
  await rita.getByRole('textbox', { name: /^Reason/ }).fill('Customers abandon carts without card payments');
  await choose(rita, rita.getByRole('combobox', { name: /^Priority/ }), 'High');
  await rita.locator('[data-money-field="impact.cost"]').fill('2,500.00');
  await rita.getByRole('spinbutton', { name: /^Schedule/ }).fill('5');
  await rita.getByRole('textbox', { name: /^Benefits/ }).fill('More completed orders');
  await screenshot(rita, 'change-raise-form');

  const raised = rita.waitForResponse(isResponse('POST', '/pmo/change-requests'));
  await rita.getByRole('button', { name: 'Raise change' }).click();
  expect((await raised).status()).toBe(201);
  const reference = `CR-${CODE}-001`;
  await rita.getByRole('heading', { name: new RegExp(`^${reference} · Add card payments`) }).waitFor();
  const documentId = new URL(rita.url()).pathname.split('/').pop()!;

  // Above the 1,000.00 tolerance: the change board decides, two members, not the requester.
  await eventually(async () => expect(await rita.getByTestId('cr-authority-level').innerText()).toContain('Change board'));
  expect(await rita.getByTestId('cr-who-decides').innerText()).toContain('The change board: 2 members, neither the requester');
  expect(await rita.getByTestId('cr-authority-why').innerText()).toContain("above the project's cost tolerance of 1,000.00 EUR (10% of a budget of 10,000.00 EUR)");
  expect(await rita.getByTestId('cr-impact-cost').innerText()).toContain('2,500.00 EUR');
  expect(await rita.getByTestId('cr-budget-remaining').innerText()).toContain('50,000.00 EUR');
  expect(await rita.getByTestId('cr-budget-after').innerText()).toContain('47,500.00 EUR');
  await eventually(async () => expect(await stateOf(rita).innerText()).toBe('New'));
  await screenshot(rita, 'change-raised');

  // ---- submitted by the raiser, assessed (recommended) by the project's manager -----------------------
  expect(await fire(rita, 'submit', 'Submit for assessment')).toBe(200);
  await eventually(async () => expect(await stateOf(rita).innerText()).toBe('Assess'), 30_000);

  const pat = await pageAs(manager);
  await pat.goto(`/admin/plugins/pmo/change-requests/${documentId}`);
  await pat.getByRole('heading', { name: new RegExp(`^${reference}`) }).waitFor();
  expect(await fire(pat, 'recommend', 'Recommend for authorisation')).toBe(200);
  await eventually(async () => expect(await stateOf(pat).innerText()).toBe('Authorise'), 30_000);

  // ---- the first board member votes: 1 of 2 -----------------------------------------------------------
  const bea = await pageAs(board1);
  await bea.goto(`/admin/plugins/pmo/change-requests/${documentId}`);
  await bea.getByRole('heading', { name: new RegExp(`^${reference}`) }).waitFor();
  expect(await fire(bea, 'authorize', 'Authorise (change board)')).toBe(202);
  const beaVotes = bea.getByTestId('pmo-transition-authorize').getByTestId('pmo-transition-votes');
  await eventually(async () => expect(await beaVotes.innerText()).toContain('1 of 2 votes · voted: Bea Board'), 30_000);
  await eventually(async () =>
    expect(await bea.getByTestId('pmo-transition-authorize').getByTestId('pmo-transition-blocker').first().innerText()).toBe(
      'You have already approved "Authorise (change board)"'
    )
  );
  expect(await stateOf(bea).innerText()).toBe('Authorise');
  await bea.getByTestId('cr-authority-section').scrollIntoViewIfNeeded();
  await screenshot(bea, 'change-one-vote');

  // ---- the raiser, though on the board, may not vote ----------------------------------------------
  await rita.reload();
  const ritaAuthorize = rita.getByTestId('pmo-transition-authorize');
  await ritaAuthorize.waitFor();
  await eventually(async () => expect(await ritaAuthorize.getByTestId('pmo-transition-votes').innerText()).toContain('1 of 2 votes'));
  expect(await ritaAuthorize.getByRole('button', { name: 'Authorise (change board)' }).isDisabled()).toBe(true);
  const requester = ritaAuthorize.locator('[data-testid="pmo-transition-blocker"][data-kind="requester"]');
  await requester.waitFor();
  expect(await requester.innerText()).toMatch(/^You raised this item .*so you cannot approve "Authorise \(change board\)"$/);
  await ritaAuthorize.scrollIntoViewIfNeeded();
  await screenshot(rita, 'change-requester-cannot-vote');

  // ---- the second board member authorises it: scheduled, the budget moved ------------------------------
  const ben = await pageAs(board2);
  await ben.goto(`/admin/plugins/pmo/change-requests/${documentId}`);
  await ben.getByRole('heading', { name: new RegExp(`^${reference}`) }).waitFor();
  await eventually(async () => expect(await ben.getByTestId('pmo-transition-authorize').getByTestId('pmo-transition-votes').innerText()).toContain('1 of 2 votes'));
  // The budget line's month is the month of the authorisation: this one, or the next if it
  // crossed a month end (UTC).
  const thisMonth = () => new Date().toISOString().slice(0, 7);
  const monthBefore = thisMonth();
  expect(await fire(ben, 'authorize', 'Authorise (change board)')).toBe(200);
  const months = [monthBefore, thisMonth()];
  await eventually(async () => expect(await stateOf(ben).innerText()).toBe('Scheduled'), 30_000);
  await eventually(async () => expect(await ben.getByTestId('cr-budget-remaining').innerText()).toContain('47,500.00 EUR'), 30_000);
  const budgetLine = await ben.getByTestId('cr-budget-line').innerText();
  const month = months.find((candidate) => budgetLine.includes(`2,500.00 EUR on a change budget line for ${candidate}`));
  expect([budgetLine, month]).toEqual([budgetLine, expect.any(String)]);
  expect(await ben.getByTestId('cr-decision').innerText()).toMatch(/Approved on .* by (Bea Board, Ben Board|Ben Board, Bea Board)$/);
  const history = ben.getByTestId('pmo-workflow-history');
  await history.getByText('Authorise (change board)', { exact: true }).first().waitFor();
  await ben.getByTestId('cr-budget').scrollIntoViewIfNeeded();
  await screenshot(ben, 'change-scheduled');

  // What the server holds: the state, exactly the cost drawn, and one change budget line for it.
  const stored = (await server.strapi.documents(CHANGE as any).findOne({ documentId } as any)) as any;
  expect(stored).toMatchObject({ reference, workflowState: 'scheduled', decision: 'approved', authorityLevel: 'change-board' });
  const project = (await server.strapi.documents(PROJECT_UID as any).findOne({ documentId: projectId } as any)) as any;
  expect(String(project.changeBudget)).toBe('4750000');
  const lines = (await server.strapi.documents(BUDGET_LINE_UID as any).findMany({
    filters: { project: { documentId: projectId }, category: 'change' },
  } as any)) as any[];
  expect(lines.map((line) => [String(line.amount), line.period])).toEqual([['250000', `${month}-01`]]);

  // ---- the list, filtered to scheduled changes of the project --------------------------------------------
  await ben.goto(`/admin/plugins/pmo/change-requests?state=scheduled&project=${projectId}`);
  const row = ben.locator(`[data-testid="cr-row"][data-reference="${reference}"]`);
  await row.waitFor();
  expect(await ben.getByTestId('cr-row').count()).toBe(1);
  expect(await row.getByTestId('cr-cost').innerText()).toBe('2,500.00');
  expect(await row.getByTestId('cr-state').innerText()).toBe('Scheduled');
  expect(await row.getByTestId('cr-authority').innerText()).toBe('Change board');
  expect(await ben.getByTestId('cr-count').innerText()).toBe('1 change request matches these filters');
  // The project picker names the project the address filters by.
  expect(await ben.getByRole('combobox', { name: /^Project/ }).inputValue()).toBe(`${CODE} · ${PROJECT_NAME}`);
  await screenshot(ben, 'change-list');
  // Older than a day: not this one.
  await ben.goto(`/admin/plugins/pmo/change-requests?project=${projectId}&olderThanDays=1`);
  await ben.getByText('No change request matches these filters.').waitFor();
});

test('a long list shows one page at a time, says how many, and keeps the page, order and filters in the address', async () => {
  const { strapi } = server;
  const code = `E2E-CL-${suffix}`;
  const many = await strapi.documents(PROJECT_UID as any).create({ data: { name: 'Orion ledger', code } as any });
  // 30 changes, "Change 01" to "Change 30", raised in that order: the newest first is Change 30.
  for (let n = 1; n <= 30; n += 1) {
    const title = `Change ${String(n).padStart(2, '0')}`;
    await strapi.documents(CHANGE as any).create({ data: { project: many.documentId, title, impact: { cost: String(n * 1000) } } as any });
  }
  const ben = await pageAs(board2);
  await ben.goto(`/admin/plugins/pmo/change-requests?project=${code}`);
  await eventually(async () => expect(await ben.getByTestId('cr-count').innerText()).toBe('30 change requests match these filters'));
  const titles = async () => (await ben.getByTestId('cr-row').locator('td:nth-child(2)').allInnerTexts()).map((text) => text.trim());
  await eventually(async () => expect(await ben.getByTestId('cr-row').count()).toBe(25));
  expect((await titles()).slice(0, 2)).toEqual(['Change 30', 'Change 29']);

  // Page 2: the last five, and the address says so.
  const second = ben.waitForResponse((response) => response.url().includes('/pmo/change-requests?') && response.url().includes('page=2'));
  await ben.getByRole('link', { name: /Go to page 2/i }).click();
  expect((await second).status()).toBe(200);
  await eventually(async () => expect(await titles()).toEqual(['Change 05', 'Change 04', 'Change 03', 'Change 02', 'Change 01']));
  expect(new URL(ben.url()).searchParams.get('page')).toBe('2');
  await screenshot(ben, 'change-list-page-2');

  // Sorting by cost goes back to page 1, the dearest first; a reload keeps it.
  await choose(ben, ben.getByRole('combobox', { name: /^Sort by/ }), 'Highest cost impact first');
  await eventually(async () => expect((await titles()).slice(0, 2)).toEqual(['Change 30', 'Change 29']));
  const address = new URL(ben.url()).searchParams;
  expect([address.get('project'), address.get('sort'), address.get('page')]).toEqual([code, 'cost', null]);
  await choose(ben, ben.getByRole('combobox', { name: /^Sort by/ }), 'Oldest first');
  await eventually(async () => expect((await titles()).slice(0, 2)).toEqual(['Change 01', 'Change 02']));
  await ben.reload();
  await eventually(async () => expect((await titles()).slice(0, 2)).toEqual(['Change 01', 'Change 02']));
  expect(await ben.getByRole('combobox', { name: /^Project/ }).inputValue()).toBe(`${code} · Orion ledger`);
});
