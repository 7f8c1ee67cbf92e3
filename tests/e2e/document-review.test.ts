/**
 * A document's review status, in the Content Manager's edit view: the Document review panel sets
 * it (the form cannot: the Content Manager reserves `status` for draft & publish) and records a
 * review, and the server holds both.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { eventually, launchChromium, logIn, newAppContext, screenshot } from './support/browser';
import { createSuperAdmin, startServer, type Credentials, type E2EServer } from './support/server';
import { DOCUMENT_UID as DOCUMENT } from '../../src/plugins/pmo/shared/contracts/uids';

const today = () => new Date().toISOString().slice(0, 10);

let server: E2EServer;
let browser: Browser;
let admin: Credentials;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-documents'), launchChromium()]);
  admin = await createSuperAdmin(server.strapi);
  context = await newAppContext(browser, server.baseURL);
  page = await context.newPage();
  await logIn(page, admin);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

it('approves an overdue document and records a review from the panel', async () => {
  const doc = await server.strapi.documents(DOCUMENT).create({
    data: { title: 'Risk register', documentType: 'risk-register', status: 'draft', lastReviewedAt: '2020-01-01', reviewCycleDays: 90 } as any,
  });
  const stored = async () => (await server.strapi.documents(DOCUMENT).findOne({ documentId: doc.documentId })) as any;

  await page.goto(`/admin/content-manager/collection-types/${DOCUMENT}/${doc.documentId}`);
  const panel = page.getByTestId('pmo-document-review');
  await panel.waitFor({ timeout: 30_000 });
  await eventually(async () => expect(await panel.textContent()).toContain('Overdue'));
  await screenshot(page, 'document-review-overdue');

  await panel.getByRole('combobox').click();
  await page.getByRole('option', { name: 'Approved' }).click();
  await panel.getByRole('button', { name: 'Save status' }).click();
  await eventually(async () => expect((await stored()).status).toBe('approved'));

  // The server's today: the day of the click, or the next if the click crossed UTC midnight.
  const dayOfClick = today();
  await panel.getByRole('button', { name: 'Mark reviewed today' }).click();
  await eventually(async () => expect([dayOfClick, today()]).toContain((await stored()).lastReviewedAt));
  await eventually(async () => expect(await panel.textContent()).not.toContain('Overdue'));
  expect((await stored()).approvedAt).toBeTruthy();
  // The form below reloads, so saving it afterwards keeps the review just recorded.
  const lastReviewed = page.locator('input[name="lastReviewedAt"]');
  await eventually(async () => expect(await lastReviewed.inputValue()).not.toContain('2020'));
  await screenshot(page, 'document-review-approved');
});
