/**
 * Issue 4, end to end: a PMO manager takes a project through gate 1 in the browser. On the
 * governance board the proposed project's gate 1 is blocked with the reason; they schedule the
 * gate-1 review, hold it (the server's refusal of a go with a must-meet criterion unmet shows on
 * the page), decide go, fire gate 1 from the board, and find the card in Initiating and the
 * review in the project's gate history. A hold decision leaves another project where it is, with
 * the blocker naming the gate and the decision.
 */
import type { Browser, Locator, Page, Response } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { eventually, fillDate, launchChromium, screenshot, signedInPages } from './support/browser';
import { createMember, createPerson, type Member } from './support/mentoring-cast';
import {
  card,
  choose,
  column,
  createGateStandard,
  createProject,
  createStatusReport,
  passGate1,
  pick,
  scheduleReview,
  todayUtc,
} from './support/governance-cast';
import { formatDay } from '../../src/plugins/pmo/shared/calendar';
import { PROGRAMME_UID, PROJECT_UID as PROJECT } from '../../src/plugins/pmo/shared/contracts/uids';

const GATE_1 = 'Gate 1: business justification';

let server: E2EServer;
let browser: Browser;
let manager: Member;
const pages = signedInPages(() => browser, () => server.baseURL);
const pageAs = pages.pageAs;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-governance'), launchChromium()]);
  manager = await createMember(server.strapi, 'pmo-manager', {
    firstname: 'Mara',
    lastname: 'Manager',
    email: 'mara.manager@test.pmo',
  });
  await createPerson(server.strapi, 'Rita Reviewer', 'rita.reviewer@test.pmo');
  await createGateStandard(server.strapi, 'STD-BC', 'initiating', [
    { text: 'Business case approved by the sponsor', mustMeet: true },
    { text: 'Options appraised', mustMeet: false },
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await pages.closeAll();
});


const isResponse = (method: string, path: RegExp | string) => (response: Response) =>
  response.request().method() === method &&
  (typeof path === 'string' ? new URL(response.url()).pathname === path : path.test(new URL(response.url()).pathname));

const stateOf = async (documentId: string) =>
  ((await server.strapi.documents(PROJECT).findOne({ documentId })) as any).workflowState as string;

/** Answers every criterion of the review's checklist that a person answers (not the automatic ones). */
async function answerAll(page: Page, met: 'Yes' | 'No') {
  const criteria = page.getByTestId('pmo-gov-criterion').filter({ has: page.getByRole('radiogroup') });
  const count = await criteria.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await criteria.nth(i).getByRole('radio', { name: met, exact: true }).click();
}

test('a PMO manager takes a project through gate 1 with a review held in the browser', async () => {
  const project = await createProject(server.strapi, 'Atlas data platform', 'E2E-ATLAS');
  await createStatusReport(server.strapi, project.documentId, '2026-03-31', 'amber');
  const page = await pageAs(manager);

  // From PMO Hub's home page to the board.
  await page.goto('/admin/plugins/pmo/home');
  await page.getByTestId('pmo-home-governance').click();
  await page.getByRole('heading', { name: 'Governance', level: 1 }).waitFor();
  const proposed = card(column(page, 'proposed'), 'E2E-ATLAS');
  await proposed.waitFor();
  await proposed.getByText('RAG: Amber').waitFor();
  const nextGate = proposed.getByTestId('pmo-gov-next-gate');
  expect(await nextGate.getAttribute('data-gate')).toBe('1');
  await nextGate.getByText(GATE_1, { exact: true }).waitFor();
  await nextGate.getByText('No review scheduled').waitFor();

  // Gate 1 is blocked, and the card says why when asked.
  const gate1 = proposed.getByTestId('pmo-gov-transition-gate-1');
  const fireGate1 = gate1.getByRole('button', { name: GATE_1 });
  expect(await fireGate1.isDisabled()).toBe(true);
  const blocker = proposed.getByTestId('pmo-gov-blocker');
  expect(await blocker.isVisible()).toBe(false);
  await proposed.getByRole('button', { name: 'Why not?' }).click();
  expect(await blocker.innerText()).toBe('Gate 1 (business justification) has no review yet');
  // Cancelling is the director's or the sponsor's: the manager is not offered it.
  expect(await proposed.getByTestId('pmo-gov-transition-cancel').count()).toBe(0);
  await proposed.scrollIntoViewIfNeeded();
  await screenshot(page, 'governance-board-blocked');

  // Schedule the gate-1 review from the card: project and gate come filled in.
  await proposed.getByRole('button', { name: 'Schedule gate 1 review' }).click();
  const form = page.getByTestId('pmo-gov-schedule-form');
  await form.waitFor();
  expect(await form.getByRole('combobox', { name: /^Project/ }).inputValue()).toBe('E2E-ATLAS · Atlas data platform');
  await fillDate(form.getByLabel('Scheduled for'), '2026-12-01');
  await pick(page, form.getByRole('combobox', { name: /^Reviewers/ }), 'Rita', 'Rita Reviewer');
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
  await screenshot(page, 'governance-schedule');
  const scheduled = page.waitForResponse(isResponse('POST', '/pmo/gate-reviews'));
  await form.getByRole('button', { name: 'Schedule review' }).click();
  expect((await scheduled).status()).toBe(201);

  // The review page: the checklist from the standard that applies to Initiating.
  await page.getByRole('heading', { name: `${GATE_1} review` }).waitFor();
  await page.getByText('E2E-ATLAS · Atlas data platform · scheduled for 1 Dec 2026').waitFor();
  expect(await page.getByTestId('pmo-gov-reviewers').innerText()).toBe('Rita Reviewer');
  const checklist = page.getByTestId('pmo-gov-checklist');
  await checklist.getByText('STD-BC · Business case (v2.1)').waitFor();
  await checklist.getByText('Business case approved by the sponsor').waitFor();

  // A go with the must-meet criterion unmet: the server refuses, and the page says why.
  await answerAll(page, 'No');
  await page.getByRole('radiogroup', { name: 'Decision' }).getByRole('radio', { name: 'Go', exact: true }).click();
  const refused = page.waitForResponse(isResponse('PUT', /^\/pmo\/gate-reviews\//));
  await page.getByRole('button', { name: 'Record the decision' }).click();
  expect((await refused).status()).toBe(422);
  const error = page.getByTestId('pmo-gov-hold-error');
  await error.waitFor();
  expect(await error.innerText()).toMatch(
    /^Gate 1 \(business justification\) cannot be decided go: 1 must-meet criterion is not met \("Business case approved by the sponsor", STD-BC criterion 1\)/
  );
  await screenshot(page, 'governance-review-refused');

  // Criteria met, go.
  await answerAll(page, 'Yes');
  const decided = page.waitForResponse(isResponse('PUT', /^\/pmo\/gate-reviews\//));
  await page.getByRole('button', { name: 'Record the decision' }).click();
  expect((await decided).status()).toBe(200);
  const review = page.getByTestId('pmo-gov-review');
  await eventually(async () => expect(await review.getAttribute('data-status')).toBe('held'), 15_000);
  await review.locator('[data-testid="pmo-gov-decision"][data-decision="go"]').first().waitFor();
  expect(await page.getByTestId('pmo-gov-criterion').getByText('Met', { exact: true }).count()).toBe(2);
  await screenshot(page, 'governance-review-decided');

  // Back on the board, gate 1 is open: fire it.
  await page.getByRole('link', { name: 'Gates of E2E-ATLAS' }).click();
  await page.getByRole('link', { name: 'Governance' }).first().click();
  const ready = card(column(page, 'proposed'), 'E2E-ATLAS');
  const button = ready.getByTestId('pmo-gov-transition-gate-1').getByRole('button', { name: GATE_1 });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 15_000);
  expect(await ready.getByTestId('pmo-gov-blocker').count()).toBe(0);
  await ready.locator('[data-testid="pmo-gov-decision"][data-decision="go"]').waitFor();
  const fired = page.waitForResponse(isResponse('POST', '/pmo/transitions'));
  await button.click();
  expect((await fired).status()).toBe(200);

  // The card is in Initiating now, facing gate 2, whose review the gate scheduled.
  const moved = card(column(page, 'initiating'), 'E2E-ATLAS');
  await moved.waitFor({ timeout: 15_000 });
  expect(await card(column(page, 'proposed'), 'E2E-ATLAS').count()).toBe(0);
  await moved.getByTestId('pmo-gov-next-gate').getByText('Gate 2: delivery strategy', { exact: true }).waitFor();
  await moved.getByTestId('pmo-gov-next-review').waitFor();
  await moved.scrollIntoViewIfNeeded();
  await screenshot(page, 'governance-board-initiating');
  expect(await stateOf(project.documentId)).toBe('initiating');

  // The project's gate history: gate 1 passed with its go review; gate 2 awaits its review.
  await moved.getByTestId('pmo-gov-card-open').click();
  await page.getByRole('heading', { name: 'Atlas data platform', level: 1 }).waitFor();
  expect(await page.getByTestId('pmo-gov-project-state').innerText()).toBe('Initiating');
  const step1 = page.locator('[data-testid="pmo-gov-step"][data-gate="1"]');
  expect(await step1.getAttribute('data-decision')).toBe('go');
  await step1.getByText(/^Go · /).waitFor();
  expect(await page.locator('[data-testid="pmo-gov-step"][data-gate="2"]').getAttribute('data-current')).toBe('true');
  const gate1History = page.locator('[data-testid="pmo-gov-gate"][data-gate="1"]');
  const held = gate1History.getByTestId('pmo-gov-gate-review');
  expect(await held.count()).toBe(1);
  expect(await held.getAttribute('data-decision')).toBe('go');
  await held.getByText('2 of 2 criteria met').waitFor();
  await held.getByText('Reviewers: Rita Reviewer').waitFor();
  await page.locator('[data-testid="pmo-gov-gate"][data-gate="2"]').getByText('Awaiting decision').waitFor();
  await screenshot(page, 'governance-project-gates');
});

test('a hold decision leaves the project where it is, the blocker naming the gate and the decision', async () => {
  const dayStarted = todayUtc();
  const project = await createProject(server.strapi, 'Borealis field service', 'E2E-BOREALIS');
  const page = await pageAs(manager);
  await page.goto('/admin/plugins/pmo/governance');

  // Scheduled from the board's header, choosing the project.
  await card(column(page, 'proposed'), 'E2E-BOREALIS').waitFor();
  await page.getByTestId('pmo-gov-schedule').click();
  const form = page.getByTestId('pmo-gov-schedule-form');
  await pick(page, form.getByRole('combobox', { name: /^Project/ }), 'borealis', 'E2E-BOREALIS · Borealis field service');
  const scheduled = page.waitForResponse(isResponse('POST', '/pmo/gate-reviews'));
  await form.getByRole('button', { name: 'Schedule review' }).click();
  expect((await scheduled).status()).toBe(201);

  // Held: criteria met, but the board holds the project.
  await page.getByRole('heading', { name: `${GATE_1} review` }).waitFor();
  await answerAll(page, 'Yes');
  await page.getByRole('radiogroup', { name: 'Decision' }).getByRole('radio', { name: 'Hold', exact: true }).click();
  await page.getByRole('textbox', { name: 'Notes', exact: true }).fill('Revisit once the supplier shortlist is agreed.');
  const decided = page.waitForResponse(isResponse('PUT', /^\/pmo\/gate-reviews\//));
  await page.getByRole('button', { name: 'Record the decision' }).click();
  expect((await decided).status()).toBe(200);
  // Held today, as the form said when it opened: that day, or the next if the test crossed UTC midnight.
  const heldOn = [dayStarted, todayUtc()];
  await page.locator('[data-testid="pmo-gov-review"][data-status="held"]').waitFor();

  await page.goto('/admin/plugins/pmo/governance');
  const still = card(column(page, 'proposed'), 'E2E-BOREALIS');
  await still.waitFor();
  await still.locator('[data-testid="pmo-gov-decision"][data-decision="hold"]').waitFor();
  const gate1 = still.getByTestId('pmo-gov-transition-gate-1');
  expect(await gate1.getByRole('button', { name: GATE_1 }).isDisabled()).toBe(true);
  await still.getByRole('button', { name: 'Why not?' }).click();
  expect(heldOn.map((day) => `Gate 1 (business justification) was decided hold on ${formatDay(day)}`)).toContain(
    await still.getByTestId('pmo-gov-blocker').innerText()
  );
  await still.scrollIntoViewIfNeeded();
  await screenshot(page, 'governance-board-hold');

  // The gate history shows the hold on gate 1's step; the project has not moved.
  await still.getByTestId('pmo-gov-card-open').click();
  const step1 = page.locator('[data-testid="pmo-gov-step"][data-gate="1"]');
  await step1.waitFor();
  expect(await step1.getAttribute('data-decision')).toBe('hold');
  await page.getByText('Revisit once the supplier shortlist is agreed.').waitFor();
  expect(await page.getByTestId('pmo-gov-project-state').innerText()).toBe('Proposed');
  expect(await stateOf(project.documentId)).toBe('proposed');
});

test('a conditional go records conditions; an overdue one is flagged on the board until it is marked met', async () => {
  const project = await createProject(server.strapi, 'Cygnus payroll renewal', 'E2E-CYGNUS');
  await scheduleReview(server.strapi, project.documentId, 1, manager.id);
  const page = await pageAs(manager);
  await page.goto('/admin/plugins/pmo/governance');
  const proposed = card(column(page, 'proposed'), 'E2E-CYGNUS');
  await proposed.getByRole('link', { name: 'Review not dated yet' }).click();

  await page.getByRole('heading', { name: `${GATE_1} review` }).waitFor();
  await answerAll(page, 'Yes');
  await page.getByRole('radiogroup', { name: 'Decision' }).getByRole('radio', { name: 'Conditional go', exact: true }).click();
  // A conditional go without conditions: the server's refusal names them.
  const refused = page.waitForResponse(isResponse('PUT', /^\/pmo\/gate-reviews\//));
  await page.getByRole('button', { name: 'Record the decision' }).click();
  expect((await refused).status()).toBe(400);
  expect(await page.getByTestId('pmo-gov-hold-error').innerText()).toBe(
    'A conditional go needs at least one condition, each with an owner and a due date'
  );

  await page.getByRole('button', { name: 'Add condition' }).click();
  const row = page.getByTestId('pmo-gov-condition-row');
  await row.getByRole('textbox', { name: /^Condition/ }).fill('Benefits profile signed off by the sponsor');
  await pick(page, row.getByRole('combobox', { name: /^Owner/ }), 'mara', 'Mara Manager');
  await fillDate(row.getByLabel(/^Due/), '2026-01-15');
  await screenshot(page, 'governance-review-conditions');
  const decided = page.waitForResponse(isResponse('PUT', /^\/pmo\/gate-reviews\//));
  await page.getByRole('button', { name: 'Record the decision' }).click();
  expect((await decided).status()).toBe(200);
  await page.locator('[data-testid="pmo-gov-review"][data-status="held"]').waitFor();

  // On the board: the overdue condition is flagged on the card, with its owner.
  await page.goto('/admin/plugins/pmo/governance');
  const flagged = card(column(page, 'proposed'), 'E2E-CYGNUS');
  const overdue = flagged.getByTestId('pmo-gov-overdue');
  await overdue.getByText('1 overdue condition').waitFor();
  const condition = overdue.getByTestId('pmo-gov-condition');
  expect(await condition.getAttribute('data-overdue')).toBe('true');
  await condition.getByText('Benefits profile signed off by the sponsor').waitFor();
  await condition.getByText('Mara Manager · due 15 Jan 2026').waitFor();
  await flagged.scrollIntoViewIfNeeded();
  await screenshot(page, 'governance-board-overdue');

  // In the gate history, marked met: no longer overdue, and the board's flag goes.
  await flagged.getByTestId('pmo-gov-card-open').click();
  const history = page.locator('[data-testid="pmo-gov-gate"][data-gate="1"]');
  const inHistory = history.getByTestId('pmo-gov-condition');
  await eventually(async () => expect(await inHistory.getAttribute('data-overdue')).toBe('true'));
  const marked = page.waitForResponse(isResponse('PUT', /^\/pmo\/gate-conditions\//));
  await history.getByRole('button', { name: 'Mark met' }).click();
  expect((await marked).status()).toBe(200);
  await eventually(async () => expect(await inHistory.getAttribute('data-done')).toBe('true'), 15_000);
  expect(await inHistory.getAttribute('data-overdue')).toBe('false');
  await inHistory.getByText(`met on`, { exact: false }).waitFor();
  expect(await history.getByRole('button', { name: 'Mark met' }).count()).toBe(0);
  await screenshot(page, 'governance-condition-met');
  await page.getByRole('link', { name: 'Governance' }).first().click();
  const cleared = card(column(page, 'proposed'), 'E2E-CYGNUS');
  await cleared.waitFor();
  await eventually(async () => expect(await cleared.getByTestId('pmo-gov-overdue').count()).toBe(0), 15_000);
  // Conditional go lets the project through gate 1.
  expect(await cleared.getByTestId('pmo-gov-transition-gate-1').getByRole('button', { name: GATE_1 }).isEnabled()).toBe(true);
});

test('putting a project on hold asks for a comment; the card offers only the way back', async () => {
  const project = await createProject(server.strapi, 'Draco warehouse automation', 'E2E-DRACO');
  await passGate1(server.strapi, project.documentId, manager.id);
  const page = await pageAs(manager);
  await page.goto('/admin/plugins/pmo/governance');
  const initiating = card(column(page, 'initiating'), 'E2E-DRACO');
  // Putting on hold is not the way forward: it waits in the card's menu, not as a button.
  expect(await initiating.getByRole('button', { name: 'Put on hold' }).count()).toBe(0);
  await initiating.getByRole('button', { name: 'More actions for E2E-DRACO' }).click();
  await page.getByRole('menuitem', { name: 'Put on hold' }).click();

  const dialog = page.getByRole('dialog');
  await dialog.getByText('Put on hold: Draco warehouse automation').waitFor();
  const confirm = dialog.getByRole('button', { name: 'Put on hold' });
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByRole('textbox', { name: /^Comment/ }).fill('Supplier insolvency: waiting for the board.');
  const fired = page.waitForResponse(isResponse('POST', '/pmo/transitions'));
  await confirm.click();
  expect((await fired).status()).toBe(200);

  const held = card(column(page, 'on-hold'), 'E2E-DRACO');
  await held.waitFor({ timeout: 15_000 });
  await held.getByText('Held in Initiating').waitFor();
  const offered = held.locator('[data-testid^="pmo-gov-transition-"]');
  expect(await offered.evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')))).toEqual([
    'pmo-gov-transition-resume-initiating',
  ]);
  expect(await held.getByRole('button', { name: 'Resume (back to Initiating)' }).isEnabled()).toBe(true);
  await held.scrollIntoViewIfNeeded();
  await screenshot(page, 'governance-board-on-hold');
  expect(await stateOf(project.documentId)).toBe('on-hold');
  const trail = await (server.strapi.plugin('pmo').service('workflow') as any).history(PROJECT, project.documentId);
  expect(trail.at(-1)).toMatchObject({ transition: 'hold', comment: 'Supplier insolvency: waiting for the board.' });
});

test('a PMO analyst reads the board and the reviews but is offered nothing to change', async () => {
  const analyst = await createMember(server.strapi, 'pmo-analyst', {
    firstname: 'Ana',
    lastname: 'Analyst',
    email: 'ana.analyst@test.pmo',
  });
  const programme = await server.strapi.documents(PROGRAMME_UID as any).create({
    data: { name: 'Customer programme', code: 'E2E-PRG-CUST' } as any,
  });
  const project = await createProject(server.strapi, 'Eridanus CRM', 'E2E-ERIDANUS');
  await server.strapi.documents(PROJECT).update({ documentId: project.documentId, data: { programme: programme.documentId } as any });
  await scheduleReview(server.strapi, project.documentId, 1, manager.id);
  await createProject(server.strapi, 'Fornax archive', 'E2E-FORNAX');
  const page = await pageAs(analyst);
  await page.goto('/admin/plugins/pmo/governance');
  await card(page, 'E2E-ERIDANUS').waitFor();
  await card(page, 'E2E-FORNAX').waitFor();

  // Filtered by programme: only its project stays on the board.
  // Programmes are found as one types (a large PMO has hundreds), not listed.
  await pick(page, page.getByRole('combobox', { name: 'Programme' }), 'Customer', 'E2E-PRG-CUST · Customer programme');
  await eventually(async () => expect(await card(page, 'E2E-FORNAX').count()).toBe(0), 15_000);
  expect(await page.getByTestId('pmo-gov-card').count()).toBe(1);
  expect(new URL(page.url()).searchParams.get('programme')).toBe(programme.documentId);
  const readOnly = card(column(page, 'proposed'), 'E2E-ERIDANUS');
  await readOnly.getByText('E2E-ERIDANUS · Customer programme').waitFor();
  await readOnly.getByTestId('pmo-gov-next-review').waitFor();
  expect(await page.getByTestId('pmo-gov-schedule').count()).toBe(0);
  expect(await readOnly.locator('[data-testid^="pmo-gov-transition-"]').count()).toBe(0);
  await readOnly.getByTestId('pmo-gov-next-review').click();
  await page.getByRole('heading', { name: `${GATE_1} review` }).waitFor();
  await page.getByTestId('pmo-gov-checklist').waitFor();
  expect(await page.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
  expect(await page.getByRole('radio').count()).toBe(0);
});
