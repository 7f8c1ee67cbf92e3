/**
 * Issue 13's pages in Chromium, against a real SMTP server in the test process
 * (tests/helpers/smtp-sink.ts): a PMO administrator edits an email template (the placeholders it
 * may use listed, the preview following the typing, an unknown placeholder refused beside its
 * field, then saved); retries a message the mail server refused with a 550 from the Outbox page
 * and delivers it with "Run now"; runs the daily reminders and reads the result; a person chooses
 * how they hear of each category and it is stored; PMO Hub opens on My work; a PMO analyst finds
 * no Outbox or Notifications settings and, typing their address, reads why with the way back.
 * My work lists what the server finds for a project manager seeded here: a status report late for
 * the project's weekly cadence, a document overdue for review and one due in five days.
 */
import type { Browser, Page } from 'playwright-core';

import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { createCastMember, type CastMember } from './support/change-cast';
import { startServer, type E2EServer } from './support/server';
import { createSink, type Sink } from '../helpers/smtp-sink';
import { documentInState } from '../helpers/documents';

const OUTBOX = 'plugin::pmo.outbox-message';
const TEMPLATE = 'plugin::pmo.notification-template';
const PREFERENCE = 'plugin::pmo.notification-preference';

let server: E2EServer;
let browser: Browser;
let sink: Sink;
let admin: CastMember;
let analyst: CastMember;
const { pageAs, closeAll } = signedInPages(() => browser, () => server.baseURL);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-notify'), launchChromium()]);
  sink = createSink(Number(server.strapi.config.get('plugin::email.providerOptions.port')));
  await sink.start();
  admin = await createCastMember(server.strapi, ['pmo-administrator'], { firstname: 'Ada', lastname: 'Admin', email: 'ada.admin@e2e.pmo' });
  analyst = await createCastMember(server.strapi, ['pmo-analyst'], { firstname: 'Anil', lastname: 'Analyst', email: 'anil.analyst@e2e.pmo' });
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await sink?.stop();
  await server?.stop();
});

afterEach(() => closeAll());

const service = () => server.strapi.plugin('pmo').service('notifications') as any;
const db = (uid: string) => server.strapi.db.query(uid as any);

/** A reminder queued as a reminder source would queue it. */
async function queue(to: string, title: string): Promise<string> {
  const result = await service().enqueue({
    category: 'document-review',
    template: 'document-review-due',
    to: [{ email: to }],
    values: { project: 'Alpha', owner: 'Ola Owner', dueDate: '2 Dec 2026', daysLeft: '14', title },
    item: { uid: 'api::document.document', documentId: `doc-${Date.now()}`, title, url: '/admin/plugins/pmo/home' },
  });
  expect(result.queued).toBe(1);
  return result.documentIds[0];
}

const textbox = (page: Page, name: RegExp) => page.getByRole('textbox', { name });

test('an administrator edits a template: placeholders listed, the preview follows, an unknown placeholder is refused, then it is saved', async () => {
  const page = await pageAs(admin);
  await page.goto('/admin/settings/pmo/workflows');
  await page.getByRole('link', { name: 'Notifications', exact: true }).click();
  await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Document review due' }).click();
  await page.getByRole('heading', { name: 'Document review due', level: 1 }).waitFor();

  // The placeholders it may use, with what each means.
  const placeholders = page.getByTestId('pmo-template-placeholders');
  await placeholders.getByText('{{daysLeft}}').waitFor();
  await placeholders.getByText('Days until it is due').waitFor();
  await placeholders.getByText('{{url}}').waitFor();

  // The preview follows the subject as it is typed, with sample values.
  const preview = page.getByTestId('pmo-template-preview-subject');
  await preview.getByText('Review due on 2 Dec 2026: Add single sign-on').waitFor();
  await textbox(page, /^Subject/).fill('Please review {{title}} of {{project}} by {{dueDate}}');
  await eventually(async () => expect(await preview.innerText()).toBe('Please review Add single sign-on of Alpha by 2 Dec 2026'));
  const frame = page.getByTestId('pmo-template-preview-html');
  expect(await frame.getAttribute('sandbox')).toBe('');
  await eventually(async () => expect(await page.frameLocator('[data-testid="pmo-template-preview-html"]').locator('body').innerText()).toContain('Alpha'));

  // A name the template does not offer: the preview says so, and the save is refused beside the field.
  await textbox(page, /^Subject/).fill('Please review {{title}} for {{budget}}');
  await page.getByTestId('pmo-template-preview-error').getByText(/budget/).waitFor();
  await page.getByTestId('pmo-template-save').click();
  await page.getByTestId('pmo-template-refused').waitFor();
  await page.getByText(/The subject uses \{\{budget\}\}, which this template does not offer/).first().waitFor();
  await screenshot(page, 'notifications-template-refused');

  await textbox(page, /^Subject/).fill('Please review {{title}} of {{project}} by {{dueDate}}');
  await page.getByTestId('pmo-template-save').click();
  await page.getByText('Document review due saved: mails queued from now on use it.').waitFor();
  await eventually(async () => expect(await preview.innerText()).toBe('Please review Add single sign-on of Alpha by 2 Dec 2026'));
  await screenshot(page, 'notifications-template-saved');
  const stored = await db(TEMPLATE).findOne({ where: { key: 'document-review-due' } });
  expect(stored.subject).toBe('Please review {{title}} of {{project}} by {{dueDate}}');
});

test('a message the mail server refused for good is tried again from the Outbox page and delivered with Run now', async () => {
  sink.refusals.push({ to: 'refuses@e2e.pmo', code: 550, message: 'Mailbox unavailable' });
  const documentId = await queue('refuses@e2e.pmo', 'Risk register');
  await service().dispatch(new Date());
  expect((await db(OUTBOX).findOne({ where: { documentId } })).status).toBe('failed');

  const page = await pageAs(admin);
  await page.goto('/admin/settings/pmo/outbox');
  await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
  await page.getByTestId('pmo-outbox-tab-failed').click();
  const row = page.getByTestId('pmo-outbox-message').filter({ hasText: 'Risk register' });
  await row.getByText('Failed').waitFor();
  await row.getByText('To refuses@e2e.pmo').waitFor();
  await row.getByText('Document reviews').waitFor();
  await row.getByText('1 attempt').waitFor();
  await row.getByTestId('pmo-outbox-error').getByText(/550/).waitFor();
  await screenshot(page, 'notifications-outbox-failed');

  // The server now takes it; the message is tried again, after a confirmation.
  sink.refusals.splice(0);
  await row.getByRole('button', { name: /Try again: .*Risk register/ }).click();
  await page.getByRole('alertdialog').or(page.getByRole('dialog')).getByText(/gets one more attempt/).waitFor();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText('The message will be sent again with the next delivery.').waitFor();
  expect((await db(OUTBOX).findOne({ where: { documentId } })).status).toBe('pending');

  // "Run now" on the delivery job sends it and says so.
  const deliver = page.getByTestId('pmo-job-dispatch-outbox');
  await deliver.getByText('every 15 seconds', { exact: false }).waitFor();
  await deliver.getByRole('button', { name: 'Run now: deliver emails' }).click();
  await deliver.getByTestId('pmo-job-run-result').getByText('Run just now: 1 message sent').waitFor();
  expect((await db(OUTBOX).findOne({ where: { documentId } })).status).toBe('sent');
  expect(sink.forOutbox([documentId])).toHaveLength(1);
  await page.getByTestId('pmo-outbox-tab-sent').click();
  await page.getByTestId('pmo-outbox-message').filter({ hasText: 'Risk register' }).getByText(/^Sent \d+ \w{3} \d{4}, \d\d:\d\d$/).waitFor();
  await screenshot(page, 'notifications-outbox-sent');
});

test('Run now on the daily reminders shows what the run did', async () => {
  const page = await pageAs(admin);
  await page.goto('/admin/settings/pmo/outbox');
  const reminders = page.getByTestId('pmo-job-reminders');
  await reminders.getByText('daily at 07:00', { exact: false }).waitFor();
  await reminders.getByRole('button', { name: 'Run now: daily reminders' }).click();
  const result = reminders.getByTestId('pmo-job-run-result');
  await result.getByText(/^Run just now: /).waitFor();
  expect(await result.innerText()).toMatch(/reminders? due|No reminders due|already sent/);
  await eventually(async () => expect(await reminders.getByTestId('pmo-job-last-run').innerText()).toMatch(/\d+ \w{3} \d{4}, \d\d:\d\d/));
  await screenshot(page, 'notifications-jobs-run');
});

test('PMO Hub opens on the dashboard with My work beside it, and a person chooses how they hear of each category', async () => {
  const page = await pageAs(analyst);
  await page.goto('/admin/plugins/pmo');
  await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/dashboard');
  await page.getByTestId('pmo-dashboard-my-work').getByRole('link', { name: 'Open My work' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/my-work');
  await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'PMO Hub home' }).waitFor();
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await page.getByRole('heading', { name: 'My notifications', level: 1 }).waitFor();

  // Approvals cannot be turned off, and the page says why.
  const approvals = page.getByTestId('pmo-prefs-approval');
  expect(await approvals.getByRole('radio', { name: 'Off' }).isDisabled()).toBe(true);
  await approvals.getByText(/Always sent/).waitFor();
  expect(await page.getByTestId('pmo-prefs-escalation').getByRole('radio', { name: 'Off' }).isDisabled()).toBe(true);

  await page.getByTestId('pmo-prefs-document-review').getByRole('radio', { name: 'Daily digest' }).click();
  await page.getByTestId('pmo-prefs-certification').getByRole('radio', { name: 'Off' }).click();
  await page.getByTestId('pmo-prefs-save').click();
  await page.getByText('Your notification settings are saved').waitFor();
  await screenshot(page, 'notifications-preferences');

  const stored = (await db(PREFERENCE).findMany({ populate: ['person'] })) as Array<{ category: string; mode: string; person: { email: string } }>;
  const mine = Object.fromEntries(stored.filter((row) => row.person?.email === analyst.email).map((row) => [row.category, row.mode]));
  expect(mine).toMatchObject({ 'document-review': 'digest', certification: 'off' });

  // Read back after a reload.
  await page.reload();
  await page.getByRole('heading', { name: 'My notifications', level: 1 }).waitFor();
  expect(await page.getByTestId('pmo-prefs-document-review').getByRole('radio', { name: 'Daily digest' }).getAttribute('aria-checked')).toBe('true');
});

test('a PMO analyst finds no Outbox or Notifications settings, and their addresses explain why with the way back', async () => {
  const page = await pageAs(analyst);
  await page.goto('/admin/settings/pmo/workflows');
  await page.getByRole('link', { name: 'Workflows', exact: true }).waitFor();
  expect(await page.getByRole('link', { name: 'Outbox', exact: true }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(0);

  for (const [path, name] of [
    ['/admin/settings/pmo/outbox', 'Outbox'],
    ['/admin/settings/pmo/notifications/digest', 'Notifications'],
  ]) {
    await page.goto(path);
    await page.getByText(`${name} is not part of your role in PMO Hub.`, { exact: false }).waitFor();
    expect(await page.getByText("You don't have the permissions", { exact: false }).count()).toBe(0);
  }
  await screenshot(page, 'notifications-analyst-denied');
  await page.getByRole('link', { name: 'Back to PMO Hub home' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/home');
  await page.getByTestId('pmo-home-governance').waitFor();
  expect(await page.getByTestId('pmo-home-outbox').count()).toBe(0);
});

const dayFromToday = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('My work lists what waits, overdue first and marked, filtered by kind, one click from each item; the home widget counts it', async () => {
  const pia = await createCastMember(server.strapi, ['project-manager'], { firstname: 'Pia', lastname: 'Manager', email: 'pia.manager@e2e.pmo' });
  const documents = (uid: string) => server.strapi.documents(uid as any) as any;
  // A running project Pia manages, reporting weekly, with no report since it started 40 days ago.
  const project = await documents('api::project.project').create({
    data: { name: 'Atlas data platform', code: 'E2E-ATLAS', manager: pia.personId, reportingCadence: 'weekly', startDate: dayFromToday(-40) },
  });
  await db('api::project.project').update({ where: { documentId: project.documentId }, data: { workflowState: 'executing' } });
  await documentInState(
    'approved',
    { title: 'Atlas risk register', documentType: 'risk-register', project: project.documentId, owner: pia.personId, lastReviewedAt: dayFromToday(-60), approvedAt: `${dayFromToday(-90)}T09:00:00.000Z`, reviewCycleDays: 30 },
    server.strapi
  );
  await documentInState(
    'approved',
    { title: 'Atlas project plan', documentType: 'project-plan', project: project.documentId, owner: pia.personId, lastReviewedAt: dayFromToday(-25), approvedAt: `${dayFromToday(-90)}T09:00:00.000Z`, reviewCycleDays: 30 },
    server.strapi
  );

  const page = await pageAs(pia);
  // Strapi's home page: the widget's count and an overdue item first.
  await page.goto('/admin');
  const widget = page.getByTestId('pmo-my-work-widget');
  await widget.getByText('3 items wait for you, 2 overdue').waitFor();
  expect(await widget.getByRole('link').first().innerText()).toMatch(/Atlas/);

  // Beside the dashboard, where PMO Hub opens, the same count; My work itself lists them.
  await page.goto('/admin/plugins/pmo');
  await page.getByTestId('pmo-dashboard-my-work').getByText('3 items wait for you, 2 overdue').waitFor();
  await page.goto('/admin/plugins/pmo/my-work');
  await page.getByTestId('pmo-my-work-summary').getByText('3 items wait for you, 2 overdue.').waitFor();
  const rows = page.getByTestId('pmo-my-work-item');
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))).toEqual(['status-report', 'document-review', 'document-review']);
  await rows.nth(0).getByTestId('pmo-overdue').getByText('Overdue').waitFor();
  await rows.nth(1).getByTestId('pmo-overdue').getByText('Overdue').waitFor();
  await rows.nth(1).getByText(/^Due \d{1,2} [A-Z][a-z]{2} \d{4}, 30 days ago$/).waitFor();
  await rows.nth(2).getByText(/^Due \d{1,2} [A-Z][a-z]{2} \d{4}, in 5 days$/).waitFor();
  expect(await rows.nth(2).getByTestId('pmo-overdue').count()).toBe(0);
  await rows.nth(2).getByText('Atlas project plan', { exact: false }).waitFor();
  await screenshot(page, 'notifications-my-work');

  // One kind only.
  await page.getByRole('combobox', { name: 'Kind of work' }).click();
  await page.getByRole('option', { name: 'Document to review (2)' }).click();
  await eventually(async () => expect(await rows.count()).toBe(2));

  // One click to the item: the document opens.
  await rows.first().getByRole('link').first().click();
  await page.waitForURL((url) => url.pathname !== '/admin/plugins/pmo/my-work');
  await page.getByText('Atlas risk register', { exact: false }).first().waitFor();
});

test('My work with nothing waiting says so in words', async () => {
  // The analyst owns, manages and reviews nothing here.
  const page = await pageAs(analyst);
  await page.goto('/admin/plugins/pmo/my-work');
  await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
  try {
    await page.getByText(/^Nothing waits for you\./).waitFor();
  } finally {
    await screenshot(page, 'notifications-my-work-empty');
  }
  expect(await page.getByTestId('pmo-my-work-item').count()).toBe(0);
});

test('a project manager who never opens PMO Hub gets the reminder by mail, and its link opens the document', async () => {
  const omar = await createCastMember(server.strapi, ['project-manager'], { firstname: 'Omar', lastname: 'Owner', email: 'omar.owner@e2e.pmo' });
  const documents = (uid: string) => server.strapi.documents(uid as any) as any;
  const project = await documents('api::project.project').create({
    data: { name: 'Borealis migration', code: 'E2E-BOREAL', manager: omar.personId, startDate: dayFromToday(-90) },
  });
  await db('api::project.project').update({ where: { documentId: project.documentId }, data: { workflowState: 'executing' } });
  const document = await documentInState(
    'approved',
    { title: 'Borealis stage plan', documentType: 'stage-plan', project: project.documentId, owner: omar.personId, lastReviewedAt: dayFromToday(-40), reviewCycleDays: 30, approvedAt: `${dayFromToday(-45)}T09:00:00.000Z` },
    server.strapi
  );

  // Tomorrow morning's reminders (a day no other test runs), then the dispatcher: the mail reaches Omar once.
  const morning = new Date(`${dayFromToday(1)}T07:00:00`);
  expect(await service().runJob('reminders', morning)).toMatchObject({ ran: true });
  await service().dispatch(morning);
  const mine = () => sink.received.filter((mail) => mail.to.includes('omar.owner@e2e.pmo') && mail.text.includes('Borealis stage plan'));
  await eventually(async () => expect(mine()).toHaveLength(1));
  const [mail] = mine();
  expect(mail.subject).toMatch(/Borealis stage plan/);
  expect(mail.text).toMatch(/overdue/i);
  // The link points at the document in the admin, under PMO_APP_URL.
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
  const base = String(server.strapi.config.get('plugin::pmo.notifications.appUrl')).replace(/\/+$/, '');
  expect(link.startsWith(`${base}/admin/`)).toBe(true);
  expect(link).toContain(document.documentId);
  expect(mail.html).toContain(`href="${link}"`);

  // Followed in the browser (this server's address in place of PMO_APP_URL's), it opens the document.
  const page = await pageAs(omar);
  await page.goto(link.slice(base.length));
  await page.getByText('Borealis stage plan', { exact: false }).first().waitFor();
  await screenshot(page, 'notifications-mail-link');
});
