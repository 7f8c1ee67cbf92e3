/**
 * Issue 12, governance: the board fits a 1440 px screen (no sideways scroll, every lifecycle
 * column or its folded toggle in view), narrows by RAG, manager and text with the filters kept in
 * the URL, offers one button per card at most with what blocks it only on demand, and is reached
 * from the keyboard. On a gate review, "No document overdue for review" is NOT MET while the
 * project's brief is overdue, and "Must be met for a go" turns red only under a go.
 */
import type { Browser, Locator, Page, Response } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { createMember, createPerson, type Member } from './support/mentoring-cast';
import { adminUser, card, choose, column, createGateStandard, createProject, createStatusReport, passGate1, pick, scheduleReview, todayUtc } from './support/governance-cast';
import { PROJECT_UID as PROJECT } from '../../src/plugins/pmo/shared/contracts/uids';
import { documentInState } from '../helpers/documents';
import { GATE_REVIEW_UID } from '../../src/plugins/pmo/shared/contracts/governance';

const STATES = ['proposed', 'initiating', 'planning', 'executing', 'closing', 'closed', 'on-hold', 'cancelled'];
/** The design system's primary600, the colour of a solid primary button. */
const PRIMARY = 'rgb(73, 69, 255)';

let server: E2EServer;
let browser: Browser;
let manager: Member;
let director: Member;
let rita: string;
const pages = signedInPages(() => browser, () => server.baseURL);
const pageAs = pages.pageAs;

const setManager = (documentId: string, person: string) =>
  server.strapi.documents(PROJECT).update({ documentId, data: { manager: person } as any });

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-governance-board'), launchChromium()]);
  manager = await createMember(server.strapi, 'pmo-manager', { firstname: 'Mara', lastname: 'Manager', email: 'mara.manager@test.pmo' });
  director = await createMember(server.strapi, 'pmo-director', { firstname: 'Dina', lastname: 'Director', email: 'dina.director@test.pmo' });
  rita = await createPerson(server.strapi, 'Rita Reviewer', 'rita.reviewer@test.pmo');
  await createGateStandard(server.strapi, 'STD-BC', 'initiating', [{ text: 'Business case approved by the sponsor', mustMeet: true }]);
  await createGateStandard(server.strapi, 'STD-DOC', 'initiating', [
    { text: 'No document overdue for review.', mustMeet: true },
    { text: 'Documents created from the current template.', mustMeet: false },
  ]);

  const engine = server.strapi.plugin('pmo').service('workflow') as any;
  const lyra = await createProject(server.strapi, 'Lyra customer portal', 'E2E-LYRA');
  await createStatusReport(server.strapi, lyra.documentId, '2026-10-31', 'red');
  await setManager(lyra.documentId, manager.personId);
  const mensa = await createProject(server.strapi, 'Mensa payroll', 'E2E-MENSA');
  await createStatusReport(server.strapi, mensa.documentId, '2026-10-31', 'green');
  await setManager(mensa.documentId, rita);
  const norma = await createProject(server.strapi, 'Norma archive', 'E2E-NORMA');
  await setManager(norma.documentId, rita);
  // Gate 1 decided go: its button is the card's one primary action.
  const ready = await createProject(server.strapi, 'Octans data hub', 'E2E-OCTANS');
  const protectedFields = server.strapi.plugin('pmo').service('protectedFields') as any;
  await protectedFields.asCapability('governance', () =>
    server.strapi.documents(GATE_REVIEW_UID as any).create({ data: { project: ready.documentId, gate: 1, decision: 'go', heldDate: todayUtc() } as any })
  );
  const moving = await createProject(server.strapi, 'Pictor warehouse', 'E2E-PICTOR');
  await passGate1(server.strapi, moving.documentId, manager.id);
  for (const [name, code] of [
    ['Orion legacy CRM', 'E2E-ORION'],
    ['Phoenix intranet', 'E2E-PHOENIX'],
  ]) {
    const cancelled = await createProject(server.strapi, name, code);
    await engine.fire(
      { uid: PROJECT, documentId: cancelled.documentId, transition: 'cancel', comment: 'Superseded by the portfolio review.' },
      await adminUser(server.strapi, director.id)
    );
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await pages.closeAll();
});


const isResponse = (method: string, path: RegExp) => (response: Response) =>
  response.request().method() === method && path.test(new URL(response.url()).pathname);

/** The codes of the cards on the board. */
const codes = async (page: Page) =>
  (await page.getByTestId('pmo-gov-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-project')))).sort();

/** Whether the page body and the board can scroll sideways (they must not). */
async function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const body = document.scrollingElement!;
    const board = document.querySelector('[data-testid="pmo-gov-board"]') as HTMLElement;
    // Anything wider than the window: a column or a card running off the right edge.
    const offRight = Array.from(document.querySelectorAll('[data-testid="pmo-gov-column"], [data-testid="pmo-gov-card"]')).filter(
      (el) => el.getBoundingClientRect().right > window.innerWidth
    ).length;
    return { body: body.scrollWidth > body.clientWidth, board: board.scrollWidth > board.clientWidth, offRight };
  });
}

const visibleCount = (locator: Locator) => locator.evaluateAll((els) => els.filter((el) => (el as HTMLElement).checkVisibility()).length);

test('the board fits 1440 px: every column or its folded toggle in view, one button per card, blockers on demand, reached from the keyboard', async () => {
  const page = await pageAs(manager);
  await page.goto('/admin/plugins/pmo/governance');
  await card(page, 'E2E-LYRA').waitFor();
  expect(page.viewportSize()).toEqual({ width: 1440, height: 1000 });

  expect(await sidewaysScroll(page)).toEqual({ body: false, board: false, offRight: 0 });
  for (const state of STATES) {
    const box = await column(page, state).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
  }
  // Closed and cancelled need no decision: folded to their count until opened.
  const cancelled = column(page, 'cancelled');
  expect(await cancelled.getAttribute('data-collapsed')).toBe('true');
  const open = cancelled.getByRole('button', { name: /^Show Cancelled\s*:\s*2 projects$/ });
  expect(await open.isVisible()).toBe(true);
  expect(await card(page, 'E2E-ORION').count()).toBe(0);
  await screenshot(page, 'governance-board-1440');
  await open.click();
  await card(column(page, 'cancelled'), 'E2E-ORION').waitFor();
  expect(await sidewaysScroll(page)).toEqual({ body: false, board: false, offRight: 0 });
  await screenshot(page, 'governance-board-cancelled-open');
  await column(page, 'cancelled').getByRole('button', { name: 'Collapse Cancelled' }).click();
  await eventually(async () => expect(await card(page, 'E2E-ORION').count()).toBe(0));

  // At most one solid primary button per card; the way forward is it when it is open.
  const primaries = await page.getByTestId('pmo-gov-card').evaluateAll((cards, colour) =>
    cards.map((c) => Array.from(c.querySelectorAll('button')).filter((b) => getComputedStyle(b).backgroundColor === colour).length),
    PRIMARY
  );
  expect(Math.max(...primaries)).toBeLessThanOrEqual(1);
  const octans = card(page, 'E2E-OCTANS');
  const gate1 = octans.getByRole('button', { name: 'Gate 1: business justification' });
  expect(await gate1.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(PRIMARY);
  // Other transitions wait in a menu with a name.
  const pictor = card(column(page, 'initiating'), 'E2E-PICTOR');
  expect(await pictor.getByRole('button', { name: 'Put on hold' }).count()).toBe(0);
  await pictor.getByRole('button', { name: 'More actions for E2E-PICTOR' }).click();
  await page.getByRole('menuitem', { name: 'Put on hold' }).waitFor();
  await page.keyboard.press('Escape');

  // Blockers only on demand.
  expect(await visibleCount(page.getByTestId('pmo-gov-blocker'))).toBe(0);
  const lyra = card(page, 'E2E-LYRA');
  const why = lyra.getByRole('button', { name: 'Why not?' });
  expect(await why.getAttribute('aria-expanded')).toBe('false');
  await why.click();
  expect(await lyra.getByRole('button', { name: 'Hide reasons' }).getAttribute('aria-expanded')).toBe('true');
  expect(await lyra.getByTestId('pmo-gov-blocker').innerText()).toBe('Gate 1 (business justification) has no review yet');
  expect(await visibleCount(page.getByTestId('pmo-gov-blocker'))).toBe(1);
  await lyra.scrollIntoViewIfNeeded();
  await screenshot(page, 'governance-board-why-not');

  // The keyboard reaches the cards (no inner scroll region to get stuck in).
  await page.getByRole('textbox', { name: 'Search' }).focus();
  let inCard = false;
  for (let i = 0; i < 40 && !inCard; i++) {
    await page.keyboard.press('Tab');
    inCard = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="pmo-gov-card"]')));
  }
  expect(inCard).toBe(true);
});

test('filters by RAG, manager and text narrow the cards and stay in the URL', async () => {
  const page = await pageAs(manager);
  await page.goto('/admin/plugins/pmo/governance');
  await card(page, 'E2E-LYRA').waitFor();
  const all = await codes(page);
  expect(all).toEqual(expect.arrayContaining(['E2E-LYRA', 'E2E-MENSA', 'E2E-NORMA', 'E2E-OCTANS', 'E2E-PICTOR']));

  await page.getByRole('textbox', { name: 'Search' }).fill('lyra');
  await eventually(async () => expect(await codes(page)).toEqual(['E2E-LYRA']));
  expect(new URL(page.url()).searchParams.get('q')).toBe('lyra');
  await page.getByText('1 project matches').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await eventually(async () => expect(await codes(page)).toEqual(all));
  expect(new URL(page.url()).searchParams.get('q')).toBeNull();

  await choose(page, page.getByRole('combobox', { name: 'RAG' }), 'Red');
  await eventually(async () => expect(await codes(page)).toEqual(['E2E-LYRA']));
  expect(new URL(page.url()).searchParams.get('rag')).toBe('red');
  await choose(page, page.getByRole('combobox', { name: 'RAG' }), 'Any RAG');
  await eventually(async () => expect(await codes(page)).toEqual(all));

  // Managers are found as one types (a large PMO has thousands), not listed.
  await pick(page, page.getByRole('combobox', { name: 'Manager' }), 'Rita', 'Rita Reviewer');
  await eventually(async () => expect(await codes(page)).toEqual(['E2E-MENSA', 'E2E-NORMA']));
  expect(new URL(page.url()).searchParams.get('manager')).toBe(rita);
  await choose(page, page.getByRole('combobox', { name: 'RAG' }), 'No status report');
  await eventually(async () => expect(await codes(page)).toEqual(['E2E-NORMA']));
  await screenshot(page, 'governance-board-filtered');

  // A reload (or a shared link) keeps the filters.
  await page.reload();
  await card(page, 'E2E-NORMA').waitFor();
  expect(await codes(page)).toEqual(['E2E-NORMA']);
  await eventually(async () => expect(await page.getByRole('combobox', { name: 'Manager' }).inputValue()).toBe('Rita Reviewer'));
  expect(await page.getByRole('combobox', { name: 'RAG' }).innerText()).toContain('No status report');
});

test('a gate review: "No document overdue for review" NOT MET while the brief is overdue; "Must be met for a go" red only under a go', async () => {
  const project = await createProject(server.strapi, 'Quasar billing', 'E2E-QUASAR');
  const reviewedOn = new Date(Date.parse(`${todayUtc()}T00:00:00Z`) - 100 * 86400000).toISOString().slice(0, 10);
  await documentInState(
    'approved',
    { title: 'Project brief', documentType: 'project-brief', project: project.documentId, reviewCycleDays: 30, lastReviewedAt: reviewedOn, approvedAt: `${reviewedOn}T09:00:00.000Z` },
    server.strapi
  );
  const review = await scheduleReview(server.strapi, project.documentId, 1, manager.id);
  const page = await pageAs(manager);
  await page.goto(`/admin/plugins/pmo/governance/reviews/${review}`);
  await page.getByRole('heading', { name: 'Gate 1: business justification review' }).waitFor();

  const documentsCurrent = page.locator('[data-testid="pmo-gov-criterion"][data-key="STD-DOC#1"]');
  expect(await documentsCurrent.getAttribute('data-met')).toBe('no');
  expect(await documentsCurrent.getByTestId('pmo-gov-criterion-result').textContent()).toBe('Not met');
  await documentsCurrent.getByText('Checked by PMO Hub').waitFor();
  await documentsCurrent.getByText(/1 document overdue for review on .*: Project brief \(due \d{1,2} [A-Z][a-z]{2} \d{4}\)/).waitFor();
  expect(await documentsCurrent.getByRole('radio').count()).toBe(0);

  // Before a decision, every must-meet hint is quiet.
  const hints = page.getByTestId('pmo-gov-must-meet');
  expect(await hints.evaluateAll((els) => els.map((el) => el.getAttribute('data-error')))).toEqual(['false', 'false']);
  const quiet = await hints.first().evaluate((el) => getComputedStyle(el).color);
  await screenshot(page, 'governance-review-automatic');

  // Answered yes and decided go: only the unmet automatic criterion turns red, and the server refuses.
  await page.locator('[data-testid="pmo-gov-criterion"][data-key="STD-BC#1"]').getByRole('radio', { name: 'Yes', exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Decision' }).getByRole('radio', { name: 'Go', exact: true }).click();
  await eventually(async () => expect(await documentsCurrent.getByTestId('pmo-gov-must-meet').getAttribute('data-error')).toBe('true'));
  expect(await page.locator('[data-testid="pmo-gov-criterion"][data-key="STD-BC#1"]').getByTestId('pmo-gov-must-meet').getAttribute('data-error')).toBe('false');
  expect(await documentsCurrent.getByTestId('pmo-gov-must-meet').evaluate((el) => getComputedStyle(el).color)).not.toBe(quiet);
  const refused = page.waitForResponse(isResponse('PUT', /^\/pmo\/gate-reviews\//));
  await page.getByRole('button', { name: 'Record the decision' }).click();
  expect((await refused).status()).toBe(422);
  expect(await page.getByTestId('pmo-gov-hold-error').innerText()).toContain('"No document overdue for review."');
  await documentsCurrent.scrollIntoViewIfNeeded();
  await screenshot(page, 'governance-review-overdue-refused');
});
