/**
 * A document's review in the Content Manager's edit view: its owner submits it from the Workflow
 * panel, a PMO manager approves it there (the approval and the next review date show in the
 * Document review panel), records a review, and makes a new version, which opens with the chain
 * of versions; the previous version is superseded and stays readable.
 */
import type { Browser, Locator, Page } from 'playwright-core';

import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { createMember, type Member } from './support/mentoring-cast';
import { startServer, type E2EServer } from './support/server';
import { DOCUMENT_UID as DOCUMENT, PROJECT_UID as PROJECT } from '../../src/plugins/pmo/shared/contracts/uids';
import { formatDay } from '../../src/plugins/pmo/shared/calendar';

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let server: E2EServer;
let browser: Browser;
let owner: Member;
let manager: Member;
const pages = signedInPages(() => browser, () => server.baseURL);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-documents'), launchChromium()]);
  owner = await createMember(server.strapi, 'project-manager', { firstname: 'Pia', lastname: 'Owner', email: 'pia.owner@test.pmo' });
  manager = await createMember(server.strapi, 'pmo-manager', { firstname: 'Mara', lastname: 'Manager', email: 'mara.manager@test.pmo' });
});

afterAll(async () => {
  await pages.closeAll();
  await browser?.close();
  await server?.stop();
});

const stored = async (documentId: string) => (await server.strapi.db.query(DOCUMENT as never).findOne({ where: { documentId } } as never)) as any;

async function openDocument(page: Page, documentId: string) {
  await page.goto(`/admin/content-manager/collection-types/${DOCUMENT}/${documentId}`);
  const workflow = page.getByTestId('pmo-workflow-panel');
  const review = page.getByTestId('pmo-document-review');
  await Promise.all([workflow.waitFor({ timeout: 30_000 }), review.waitFor({ timeout: 30_000 })]);
  return { workflow, review, state: workflow.getByTestId('pmo-workflow-state') };
}

async function fire(page: Page, panel: Locator, key: string, label: string) {
  const button = panel.getByTestId(`pmo-transition-${key}`).getByRole('button', { name: label });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 20_000);
  const answered = page.waitForResponse((response) => response.url().endsWith('/pmo/transitions') && response.request().method() === 'POST');
  await button.click();
  expect((await answered).status()).toBe(200);
}

it('is submitted by its owner, approved by a PMO manager, reviewed, and versioned from its edit view', async () => {
  const project = await server.strapi.documents(PROJECT as never).create({ data: { name: 'Orion payroll', code: 'E2E-ORION', manager: owner.personId } } as never);
  const doc = await server.strapi.documents(DOCUMENT as never).create({
    data: { title: 'Orion project plan', documentType: 'project-plan', project: (project as any).documentId, owner: owner.personId, version: '0.3', reviewCycleDays: 30 },
  } as never);
  const documentId = (doc as any).documentId as string;

  // The owner submits it.
  const ownerPage = await pages.pageAs(owner);
  const asOwner = await openDocument(ownerPage, documentId);
  await eventually(async () => expect(await asOwner.state.innerText()).toBe('Draft'));
  await eventually(async () => expect(await asOwner.review.innerText()).toContain('Draft · version 0.3'));
  await fire(ownerPage, asOwner.workflow, 'submit', 'Submit for review');
  await eventually(async () => expect(await asOwner.state.innerText()).toBe('In review'), 20_000);
  await eventually(async () => expect(await asOwner.review.innerText()).toContain('In review · version 0.3'), 20_000);
  expect(await stored(documentId)).toMatchObject({ status: 'in-review', workflowState: 'in-review' });
  await screenshot(ownerPage, 'document-review-submitted');

  // A PMO manager approves it; the review panel shows the approval and the cycle it starts.
  const managerPage = await pages.pageAs(manager);
  const asManager = await openDocument(managerPage, documentId);
  await eventually(async () => expect(await asManager.state.innerText()).toBe('In review'));
  await fire(managerPage, asManager.workflow, 'approve', 'Approve');
  await eventually(async () => expect(await asManager.state.innerText()).toBe('Approved'), 20_000);
  const approvedOn = today();
  await eventually(async () => expect(await asManager.review.innerText()).toContain(`Approved · version 0.3 · approved ${formatDay(approvedOn)}`), 20_000);
  await eventually(async () =>
    expect(await asManager.review.getByTestId('pmo-document-next-review').innerText()).toBe(`Next review due: ${formatDay(addDays(approvedOn, 30))}`)
  );
  const approved = await stored(documentId);
  expect([approved.status, approved.workflowState]).toEqual(['approved', 'approved']);
  expect(approved.approvedAt).toBeTruthy();
  await screenshot(managerPage, 'document-review-approved');

  // A review recorded today.
  await asManager.review.getByRole('button', { name: 'Mark reviewed today' }).click();
  await eventually(async () => expect([today(), approvedOn]).toContain(String((await stored(documentId)).lastReviewedAt).slice(0, 10)));

  // A new version: it opens in its own edit view, in draft, with the chain of versions.
  await asManager.review.getByRole('button', { name: 'Make a new version' }).click();
  await managerPage.waitForURL((url) => url.pathname.includes(`/${DOCUMENT}/`) && !url.pathname.endsWith(`/${documentId}`), { timeout: 20_000 });
  const newId = managerPage.url().split('/').pop()!.split('?')[0];
  const next = await openDocument(managerPage, newId);
  await eventually(async () => expect(await next.state.innerText()).toBe('Draft'), 20_000);
  const versions = next.review.getByTestId('pmo-document-version');
  await eventually(async () => expect(await versions.allInnerTexts()).toEqual([
    `Version 0.3 · Superseded, approved ${formatDay(approvedOn)}`,
    'Version 1.0 · Draft (this one)',
  ]), 20_000);
  expect(await stored(newId)).toMatchObject({ status: 'draft', version: '1.0', title: 'Orion project plan' });
  expect(await stored(documentId)).toMatchObject({ status: 'superseded', workflowState: 'superseded', version: '0.3' });
  await screenshot(managerPage, 'document-review-new-version');

  // The previous version stays readable, one click away, and offers no new version of itself.
  await versions.first().click();
  const previous = await openDocument(managerPage, documentId);
  await eventually(async () => expect(await previous.state.innerText()).toBe('Superseded'), 20_000);
  await eventually(async () => expect(await previous.review.innerText()).toContain('Superseded · version 0.3'));
  expect(await previous.review.getByRole('button', { name: 'Make a new version' }).count()).toBe(0);
});
