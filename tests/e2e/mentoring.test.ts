/**
 * Issue 6, end to end: a mentor logs a session with ratings, notes and an action item from the
 * Mentoring page; the mentee sees the session, the ratings chart and the item (and ticks it);
 * a PMO manager sees the session but not a hint of its confidential notes, anywhere on the page
 * or in what the page was sent. The three are real admin users in the built admin panel.
 *
 * Each test sets up its own relationship of Ann and Bob: the mentee's and the manager's tests
 * find the session the mentor's test logs in the browser already logged (through the API, as the
 * form sends it), so each passes alone and in any order.
 */
import fs from 'fs';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';

import { eventually, fillDate, launchChromium, logIn, newAppContext, screenshot } from './support/browser';
import { startServer, type E2EServer } from './support/server';
import { adminApi, createMember, createPerson, type AdminApi, type Member } from './support/mentoring-cast';
import { formatDay } from '../../src/plugins/pmo/shared/calendar';

/** A phrase that appears nowhere else, so finding any part of it is a leak. */
const CONFIDENTIAL = 'Bob freezes when the sponsor challenges his forecast (quokka-7319)';
const EARLIER_CONFIDENTIAL = 'Worried he takes on too much (quokka-7319)';
const CONFIDENTIAL_MARKER = 'quokka-7319';
const TOPICS = 'Leading the steering committee';
const SHARED = 'Chair the next steering committee and send the minutes within a day.';
const ACTION_ITEM = 'Draft the steering committee agenda';

let server: E2EServer;
let browser: Browser;
let mentor: Member;
let mentee: Member;
let manager: Member;
let asManager: AdminApi;
let asMentor: AdminApi;
let competency: (key: string) => string;
let context: BrowserContext | undefined;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** When the relationships of Ann and Bob start (the day the file ran, less 90 days). */
const relationshipStart = day(-90);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-mentoring'), launchChromium()]);
  const { strapi } = server;
  mentor = await createMember(strapi, 'project-manager', { firstname: 'Ann', lastname: 'Mentor', email: 'ann.mentor@e2e.pmo' });
  mentee = await createMember(strapi, 'project-manager', { firstname: 'Bob', lastname: 'Mentee', email: 'bob.mentee@e2e.pmo' });
  manager = await createMember(strapi, 'pmo-manager', { firstname: 'Maria', lastname: 'Manager', email: 'maria.manager@e2e.pmo' });

  asManager = await adminApi(server.baseURL, manager);
  asMentor = await adminApi(server.baseURL, mentor);
  const competencies: Array<{ key: string; documentId: string }> = await asManager.get('/pmo/mentoring/competencies');
  competency = (key: string) => competencies.find((c) => c.key === key)!.documentId;

  // Another of Ann's mentees is behind on an action item: what the manager's overdue list shows.
  const priya = await createPerson(strapi, 'Priya Project', 'priya.project@e2e.pmo');
  const other = await asManager.post('/pmo/mentoring/relationships', {
    mentor: mentor.personId,
    mentee: priya,
    focusCompetencies: [competency('organisation')],
    startDate: day(-120),
  });
  await asMentor.post('/pmo/mentoring/sessions', {
    relationship: other.documentId,
    date: day(-45),
    durationMinutes: 50,
    topics: 'Planning the quarter',
    ratings: [{ competency: competency('organisation'), rating: 2 }],
    actionItems: [{ text: 'Send the risk register to the sponsor', owner: 'mentee', dueDate: day(-30) }],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

/**
 * A new relationship of Ann (mentor) and Bob (mentee), set up by a PMO manager as the PMO does,
 * with one earlier session so the chart has a line to draw. Answers its documentId.
 */
async function mentorship(): Promise<string> {
  const relationship = await asManager.post('/pmo/mentoring/relationships', {
    mentor: mentor.personId,
    mentee: mentee.personId,
    goals: 'Grow into a programme manager within a year',
    focusCompetencies: [competency('leadership'), competency('communication')],
    startDate: relationshipStart,
  });
  await asMentor.post('/pmo/mentoring/sessions', {
    relationship: relationship.documentId,
    date: day(-30),
    durationMinutes: 60,
    topics: 'Getting started: goals for the year',
    ratings: [
      { competency: competency('leadership'), rating: 2 },
      { competency: competency('communication'), rating: 3 },
    ],
    sharedNotes: 'Agreed goals and how we will work.',
    confidentialNotes: EARLIER_CONFIDENTIAL,
  });
  return relationship.documentId;
}

/** The session the mentor logs in the first test, as its form sends it. */
async function logSession(relationship: string) {
  await asMentor.post('/pmo/mentoring/sessions', {
    relationship,
    date: day(-1),
    durationMinutes: 75,
    topics: TOPICS,
    ratings: [
      { competency: competency('leadership'), rating: 3 },
      { competency: competency('communication'), rating: 4 },
    ],
    sharedNotes: SHARED,
    confidentialNotes: CONFIDENTIAL,
    actionItems: [{ text: ACTION_ITEM, owner: 'mentee', dueDate: day(7) }],
  });
}

async function signedIn(member: Member): Promise<Page> {
  context = await newAppContext(browser, server.baseURL);
  const page = await context.newPage();
  await logIn(page, member);
  return page;
}

/** From the PMO Hub home page to the Mentoring page, as a person would go. */
async function openMentoring(page: Page, homeScreenshot?: string) {
  await page.goto('/admin/plugins/pmo/home');
  const link = page.getByTestId('pmo-home-mentoring');
  await link.waitFor();
  if (homeScreenshot) await screenshot(page, homeScreenshot);
  await link.click();
  await page.waitForURL('**/admin/plugins/pmo/mentoring**');
  await page.getByRole('heading', { name: 'Mentoring', level: 1 }).waitFor();
}

/** The relationship page of Ann and Bob, through its row of a relationships table. */
async function openRelationship(page: Page, table: string, relationshipId: string, linkText: string) {
  const row = page.getByTestId(table).locator(`[data-relationship="${relationshipId}"]`);
  await row.getByRole('link', { name: linkText }).click();
  await page.getByRole('heading', { name: 'Ann Mentor → Bob Mentee' }).waitFor();
  await page.getByTestId('pmo-timeline').or(page.getByTestId('pmo-timeline-empty')).waitFor();
}

/**
 * The texts an input's aria-describedby points at: its hint and its error. Read with a short
 * timeout: when the error replaces the hint, an id read a moment before points at nothing, and
 * the caller's `eventually` should read the ids again rather than wait for that element.
 */
async function descriptionsOf(page: Page, input: Locator) {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  return Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText({ timeout: 1_000 })));
}

const isSessionPost = (response: Response) =>
  response.request().method() === 'POST' && new URL(response.url()).pathname === '/pmo/mentoring/sessions';

/** The POSTs this page sends to a path from now on: none, when the route's contract refused the form in the browser. */
function postsTo(page: Page, pathname: string) {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === pathname) sent.push(request.url());
  });
  return sent;
}

const series = (page: Page, key: string) => page.locator(`[data-testid="pmo-ratings-series"][data-competency="${key}"]`);

test('a mentor logs a session with ratings, notes and an action item; a bad duration and a date before the relationship are named next to their fields', async () => {
  const relationshipId = await mentorship();
  const page = await signedIn(mentor);
  await openMentoring(page, 'mentoring-home');
  await openRelationship(page, 'pmo-my-relationships', relationshipId, 'Bob Mentee');
  await screenshot(page, 'mentoring-mentor-before');

  await page.getByRole('link', { name: 'Log the next session' }).click();
  await page.getByRole('heading', { name: 'Log a session' }).waitFor();

  const date = page.getByRole('combobox', { name: /^Date/ });
  await fillDate(date, day(-1));
  const minutes = page.getByRole('spinbutton', { name: /Duration/ });
  await minutes.fill('0');
  await page.getByLabel(/^Topics/).fill(TOPICS);
  await page.getByRole('radiogroup', { name: 'Leadership rating' }).getByRole('radio', { name: '3', exact: true }).click();
  await page
    .getByRole('radiogroup', { name: 'Verbal and written communication rating' })
    .getByRole('radio', { name: '4', exact: true })
    .click();
  await page.getByLabel(/^Shared notes/).fill(SHARED);
  await page.getByLabel(/^Confidential notes/).fill(CONFIDENTIAL);
  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.getByRole('textbox', { name: 'Action item 1', exact: true }).fill(ACTION_ITEM);
  await fillDate(page.getByLabel('Due date of action item 1'), day(7));

  // 0 minutes: the route's contract refuses it in the browser, sends nothing, and says so under the duration.
  const posted = postsTo(page, '/pmo/mentoring/sessions');
  await page.getByTestId('pmo-session-save').click();
  const message = 'The duration must be a whole number of minutes from 1 to 1440';
  await eventually(async () => expect(await descriptionsOf(page, minutes)).toContain(message));
  expect(await minutes.getAttribute('aria-invalid')).toBe('true');
  await page.getByTestId('pmo-session-refused').waitFor();
  expect(posted).toEqual([]);
  await minutes.scrollIntoViewIfNeeded();
  await screenshot(page, 'mentoring-form-refused');

  // A date before the relationship started: only the server knows; its refusal lands under the date.
  await minutes.fill('75');
  await fillDate(date, day(-200));
  const refused = page.waitForResponse(isSessionPost);
  await page.getByTestId('pmo-session-save').click();
  expect((await refused).status()).toBe(400);
  await eventually(async () =>
    expect(await descriptionsOf(page, date)).toContain(`The date must be on or after the relationship's start date (${formatDay(relationshipStart)})`)
  );
  expect(await date.getAttribute('aria-invalid')).toBe('true');

  await fillDate(date, day(-1));
  const logged = page.waitForResponse(isSessionPost);
  await page.getByTestId('pmo-session-save').click();
  const response = await logged;
  expect(response.status()).toBe(201);
  const session = await response.json();
  expect(session).toMatchObject({ durationMinutes: 75, topics: TOPICS, confidentialNotes: CONFIDENTIAL });

  // Back on the relationship: the session on the timeline, its ratings charted, the item open.
  await page.waitForURL(`**/mentoring/relationships/${relationshipId}`);
  const entry = page.locator(`[data-testid="pmo-session"][data-session="${session.documentId}"]`);
  await entry.getByText(TOPICS).waitFor();
  await entry.getByText(SHARED).waitFor();
  await entry.getByTestId('pmo-session-confidential').getByText(CONFIDENTIAL).waitFor();
  await eventually(async () => {
    expect(await series(page, 'leadership').getAttribute('data-ratings')).toBe('2,3');
    expect(await series(page, 'communication').getAttribute('data-ratings')).toBe('3,4');
  });
  const item = page.getByTestId('pmo-action-item').filter({ hasText: ACTION_ITEM });
  expect(await item.getAttribute('data-state')).toBe('open');
  await screenshot(page, 'mentoring-mentor-logged');

  // The next session starts from the open item, carried forward.
  await page.getByRole('link', { name: 'Log the next session' }).click();
  await page.getByRole('heading', { name: 'Log a session' }).waitFor();
  const carried = page.locator('[data-testid="pmo-form-item"][data-carried="true"]');
  await eventually(async () => expect(await carried.getByRole('textbox', { name: 'Action item 1', exact: true }).inputValue()).toBe(ACTION_ITEM));
  await carried.scrollIntoViewIfNeeded();
  await screenshot(page, 'mentoring-next-session-prefilled');

  // The logged session opens again for changes, as it was saved.
  await page.getByRole('link', { name: 'Back to the relationship' }).click();
  await entry.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('heading', { name: /^The session of/ }).waitFor();
  expect(await page.getByLabel(/^Topics/).inputValue()).toBe(TOPICS);
  expect(await page.getByLabel(/^Confidential notes/).inputValue()).toBe(CONFIDENTIAL);
  expect(await page.getByRole('radiogroup', { name: 'Leadership rating' }).getByRole('radio', { name: '3', exact: true }).getAttribute('aria-checked')).toBe('true');
  await screenshot(page, 'mentoring-edit-session');
});

test('the mentee sees the session, the chart and the action item, and ticks the item done', async () => {
  const relationshipId = await mentorship();
  await logSession(relationshipId);
  const page = await signedIn(mentee);
  await openMentoring(page);
  await openRelationship(page, 'pmo-my-relationships', relationshipId, 'Ann Mentor');

  const entry = page.getByTestId('pmo-session').filter({ hasText: TOPICS });
  await entry.getByText(SHARED).waitFor();
  expect(await entry.getByTestId('pmo-session-rating').allTextContents()).toEqual([
    'Leadership: 3/5',
    'Verbal and written communication: 4/5',
  ]);
  const chart = page.getByTestId('pmo-ratings-chart');
  await chart.locator('svg[role="img"]').waitFor();
  expect(await series(page, 'leadership').getAttribute('data-ratings')).toBe('2,3');
  expect(await series(page, 'communication').getAttribute('data-ratings')).toBe('3,4');
  expect(await series(page, 'leadership').locator('circle').count()).toBe(2);
  expect(await series(page, 'leadership').locator('polyline').count()).toBe(1);
  const legend = page.getByTestId('pmo-ratings-legend');
  await legend.getByText('Leadership').waitFor();
  await legend.getByText('Verbal and written communication').waitFor();
  // Only the mentor logs sessions.
  expect(await page.getByRole('link', { name: /Log (a|the next) session/ }).count()).toBe(0);
  await screenshot(page, 'mentoring-mentee');

  const item = page.getByTestId('pmo-action-item').filter({ hasText: ACTION_ITEM });
  expect(await item.getAttribute('data-state')).toBe('open');
  await item.getByRole('checkbox', { name: `Done: ${ACTION_ITEM}` }).click();
  await eventually(async () => expect(await item.getAttribute('data-state')).toBe('done'));
  await item.scrollIntoViewIfNeeded();
  await screenshot(page, 'mentoring-mentee-ticked');
});

test('a PMO manager sees the session, overdue items and hours, but not a hint of the confidential notes', async () => {
  const relationshipId = await mentorship();
  await logSession(relationshipId);
  context = await newAppContext(browser, server.baseURL);
  const page = await context.newPage();
  // Everything the mentoring routes sent this page, to be sure the notes never reached it.
  const received: Promise<string>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/pmo/mentoring/')) received.push(response.text().catch(() => ''));
  });
  await logIn(page, manager);
  await openMentoring(page);

  // Oversight opens on every relationship.
  await openRelationship(page, 'pmo-all-relationships', relationshipId, 'Bob Mentee');
  const entry = page.getByTestId('pmo-session').filter({ hasText: TOPICS });
  await entry.getByText(SHARED).waitFor();
  await series(page, 'leadership').waitFor();
  expect(await page.getByTestId('pmo-session-confidential').count()).toBe(0);
  expect(await page.content()).not.toContain(CONFIDENTIAL_MARKER);
  expect(await page.locator('body').innerText()).not.toMatch(/confidential/i);
  expect(await page.getByRole('link', { name: /Log (a|the next) session/ }).count()).toBe(0);
  await screenshot(page, 'mentoring-manager-relationship');

  // Overdue action items across relationships: Priya's, not Bob's (not due for a week).
  await page.getByRole('link', { name: 'Mentoring', exact: true }).first().click();
  await page.getByTestId('pmo-mentoring-tab-items').click();
  const overdue = page.getByTestId('pmo-items-report-row');
  await overdue.first().waitFor();
  expect(await overdue.allInnerTexts()).toEqual([expect.stringContaining('Send the risk register to the sponsor')]);
  expect(await overdue.first().getAttribute('data-state')).toBe('overdue');
  await screenshot(page, 'mentoring-manager-overdue');

  // Hours per mentor per quarter, and the same as CSV.
  await page.getByTestId('pmo-mentoring-tab-hours').click();
  const rows = page.getByTestId('pmo-hours-row');
  await rows.first().waitFor();
  const texts = await rows.allInnerTexts();
  expect(texts.every((text) => text.includes('Ann Mentor'))).toBe(true);
  const download = page.waitForEvent('download');
  await page.getByTestId('pmo-hours-csv').click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, 'utf8');
  expect(csv.startsWith('quarter,mentor_name,mentor_email,sessions,minutes,hours\r\n')).toBe(true);
  expect(csv).toContain('Ann Mentor,ann.mentor@e2e.pmo');
  expect(csv).not.toContain(CONFIDENTIAL_MARKER);
  await screenshot(page, 'mentoring-manager-hours');

  const bodies = await Promise.all(received);
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) {
    expect(body).not.toContain(CONFIDENTIAL_MARKER);
    expect(body).not.toContain('confidentialNotes');
  }
});

test('a PMO manager starts a relationship from the Mentoring page; a missing mentee is named next to its field', async () => {
  const page = await signedIn(manager);
  await openMentoring(page);
  await page.getByRole('button', { name: 'New relationship' }).click();
  const dialog = page.getByRole('dialog', { name: 'New mentoring relationship' });
  await dialog.waitFor();

  const mentorField = dialog.getByRole('combobox', { name: /^Mentor/ });
  await mentorField.click();
  await mentorField.pressSequentially('Bob', { delay: 20 });
  await page.getByRole('option', { name: /Bob Mentee/ }).click();
  await dialog.getByRole('combobox', { name: /^Focus competencies/ }).click();
  await page.getByRole('option', { name: 'Leadership' }).click();
  await page.keyboard.press('Escape');
  await dialog.waitFor();

  // No mentee yet: the route's contract refuses it in the browser, under the Mentee field, sending nothing.
  const isCreate = (response: Response) =>
    response.request().method() === 'POST' && new URL(response.url()).pathname === '/pmo/mentoring/relationships';
  const posted = postsTo(page, '/pmo/mentoring/relationships');
  await dialog.getByRole('button', { name: 'Start relationship' }).click();
  const menteeField = dialog.getByRole('combobox', { name: /^Mentee/ });
  await eventually(async () => expect(await descriptionsOf(page, menteeField)).toContain('Choose a mentee'));
  expect(posted).toEqual([]);
  await screenshot(page, 'mentoring-new-relationship-refused');

  await menteeField.click();
  await menteeField.pressSequentially('Priya', { delay: 20 });
  await page.getByRole('option', { name: /Priya Project/ }).click();
  const created = page.waitForResponse(isCreate);
  await dialog.getByRole('button', { name: 'Start relationship' }).click();
  const response = await created;
  expect(response.status()).toBe(201);
  const relationship = await response.json();
  expect(relationship).toMatchObject({ mentor: { fullName: 'Bob Mentee' }, mentee: { fullName: 'Priya Project' }, status: 'active' });
  expect(relationship.focusCompetencies.map((c: { key: string }) => c.key)).toEqual(['leadership']);
  await page.waitForURL(`**/mentoring/relationships/${relationship.documentId}`);
  await page.getByRole('heading', { name: 'Bob Mentee → Priya Project' }).waitFor();
  await screenshot(page, 'mentoring-new-relationship');
});
