/**
 * Issue 14, end to end: a PMO administrator puts status reports under a new workflow in Settings →
 * PMO Hub → Workflows, and a PMO manager fires it at once (no restart) from the side panel of a
 * status report written before the workflow existed; the list shows its state as a badge. A PMO
 * director approves a submitted standard from its side panel and publishes it in the Content
 * Manager. An administrator sets which states publishing a standard needs, by name, in the editor.
 *
 * Own server on its own fresh database, so the new workflow never reaches another test file.
 */
import type { Browser, Locator, Page, Response } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { createRoleUser, type RoleUser } from './support/users';
import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { STANDARD_UID, STATUS_REPORT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

let server: E2EServer;
let browser: Browser;
let administrator: RoleUser;
let manager: RoleUser;
let director: RoleUser;
const pages = signedInPages(() => browser, () => server.baseURL);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-anytype'), launchChromium()]);
  administrator = await createRoleUser(server.strapi, 'pmo-administrator', { firstname: 'Ada', lastname: 'Admin', email: 'e2e.any-admin@test.pmo' });
  manager = await createRoleUser(server.strapi, 'pmo-manager', { firstname: 'Mia', lastname: 'Manager', email: 'e2e.any-manager@test.pmo' });
  director = await createRoleUser(server.strapi, 'pmo-director', { firstname: 'Dee', lastname: 'Director', email: 'e2e.any-director@test.pmo' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await pages.closeAll();
});

const engine = () => server.strapi.plugin('pmo').service('workflow') as any;
const isResponse = (method: string, path: string) => (response: Response) =>
  response.request().method() === method && new URL(response.url()).pathname === path;

async function choose(page: Page, label: RegExp, option: RegExp) {
  const select = page.getByRole('combobox', { name: label });
  await select.scrollIntoViewIfNeeded();
  await select.click();
  await page.getByRole('option', { name: option }).click();
}

/** Opens a select by its arrow (a multi-select's middle may be a tag, which a click removes) and picks `option`. */
async function pick(page: Page, select: Locator, option: string) {
  await select.scrollIntoViewIfNeeded();
  const box = await select.boundingBox();
  if (!box) throw new Error('the select is not visible');
  await select.click({ position: { x: box.width - 14, y: box.height / 2 } });
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function panelOf(page: Page, uid: string, documentId: string) {
  await page.goto(`/admin/content-manager/collection-types/${uid}/${documentId}`);
  const panel = page.getByTestId('pmo-workflow-panel');
  await panel.getByTestId('pmo-workflow-state').waitFor({ timeout: 60_000 });
  await panel.scrollIntoViewIfNeeded();
  return panel;
}

test('an administrator adds a workflow to status reports in Settings; a manager fires it from the side panel at once', async () => {
  const project = await server.strapi.documents('api::project.project').create({ data: { name: 'Aurora billing', code: 'E2E-AUR' } as any });
  // Written before the workflow existed.
  const report = await server.strapi.documents(STATUS_REPORT_UID as any).create({
    data: { project: project.documentId, asOf: '2026-03-31', percentComplete: 40, ragOverall: 'green' } as any,
  });

  const admin = await pages.pageAs(administrator);
  await admin.goto('/admin/settings/pmo/workflows');
  await admin.getByTestId('pmo-workflow-list').waitFor();
  await admin.getByRole('link', { name: 'New workflow' }).or(admin.getByRole('button', { name: 'New workflow' })).first().click();
  await admin.getByRole('textbox', { name: /^Name/ }).first().fill('Status report check');
  await choose(admin, /^Content type/, /^Status report\b/);
  const created = admin.waitForResponse(isResponse('POST', '/pmo/workflows'));
  await admin.getByRole('button', { name: 'Save' }).click();
  expect((await created).status()).toBe(201);
  await screenshot(admin, 'any-type-workflow-created');
  const stored = await engine().getWorkflow('status-report-check');
  expect(stored).toMatchObject({ appliesTo: STATUS_REPORT_UID, version: 1 });

  const page = await pages.pageAs(manager);
  const panel = await panelOf(page, STATUS_REPORT_UID, report.documentId);
  const current = panel.getByTestId('pmo-workflow-state');
  await eventually(async () => expect(await current.innerText()).toBe('Open'));
  const button = panel.getByTestId('pmo-transition-complete').getByRole('button', { name: 'Complete' });
  await eventually(async () => expect(await button.isEnabled()).toBe(true));
  const fired = page.waitForResponse(isResponse('POST', '/pmo/transitions'));
  await button.click();
  expect((await fired).status()).toBe(200);
  await eventually(async () => expect(await current.innerText()).toBe('Done'), 30_000);
  await screenshot(page, 'any-type-panel-fired');
  expect(await engine().findInstance(STATUS_REPORT_UID, report.documentId)).toMatchObject({ state: 'done' });

  // The list shows the state as a badge.
  await page.goto(`/admin/content-manager/collection-types/${STATUS_REPORT_UID}`);
  await page.getByTestId('pmo-state').filter({ hasText: 'Done' }).first().waitFor({ timeout: 60_000 });
  await screenshot(page, 'any-type-list-state');
}, 300_000);

test('a director approves a submitted standard and publishes it in the Content Manager', async () => {
  const strapi = server.strapi;
  const standard = await strapi.documents(STANDARD_UID as any).create({
    data: { code: 'E2E-STD-1', title: 'Lessons are logged', version: '1.0', category: 'quality', mandatory: true } as any,
  });
  const submitter = await strapi.db.query('admin::user').findOne({ where: { id: manager.id }, populate: ['roles'] });
  await engine().fire({ uid: STANDARD_UID, documentId: standard.documentId, transition: 'submit' }, submitter);

  const page = await pages.pageAs(director);
  const panel = await panelOf(page, STANDARD_UID, standard.documentId);
  const current = panel.getByTestId('pmo-workflow-state');
  await eventually(async () => expect(await current.innerText()).toBe('In review'));
  const approve = panel.getByTestId('pmo-transition-approve').getByRole('button', { name: 'Approve' });
  await eventually(async () => expect(await approve.isEnabled()).toBe(true));
  const fired = page.waitForResponse(isResponse('POST', '/pmo/transitions'));
  await approve.click();
  expect((await fired).status()).toBe(200);
  await eventually(async () => expect(await current.innerText()).toBe('Approved'), 30_000);

  const published = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/actions/publish'));
  await page.getByRole('button', { name: 'Publish' }).click();
  expect((await published).status()).toBe(200);
  await screenshot(page, 'any-type-standard-published');
  const rows = await strapi.db.query(STANDARD_UID as any).findMany({ where: { documentId: standard.documentId } });
  expect(rows.filter((row: any) => row.publishedAt)).toHaveLength(1);
}, 300_000);

test('the list filters a governed type by its workflow state, picked and shown by name', async () => {
  const strapi = server.strapi;
  const inReview = await strapi.documents(STANDARD_UID as any).create({
    data: { code: 'E2E-STD-2', title: 'Risks are reviewed monthly', version: '1.0', category: 'quality', mandatory: false } as any,
  });
  const draft = await strapi.documents(STANDARD_UID as any).create({
    data: { code: 'E2E-STD-3', title: 'Benefits have owners', version: '1.0', category: 'quality', mandatory: false } as any,
  });
  const submitter = await strapi.db.query('admin::user').findOne({ where: { id: manager.id }, populate: ['roles'] });
  await engine().fire({ uid: STANDARD_UID, documentId: inReview.documentId, transition: 'submit' }, submitter);
  expect(await engine().findInstance(STANDARD_UID, draft.documentId)).toMatchObject({ state: 'draft' });

  const page = await pages.pageAs(manager);
  await page.goto(`/admin/content-manager/collection-types/${STANDARD_UID}`);
  await page.getByRole('gridcell', { name: 'Benefits have owners' }).or(page.getByText('Benefits have owners')).first().waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Filters' }).click();
  await choose(page, /^Select field/, /^State$/);
  await choose(page, /^Select filter/, /^is$/);
  // The value is a state picked by its name, never a key to type.
  await choose(page, /^Choose a workflow state/, /^In review$/);
  await page.getByRole('button', { name: 'Add filter' }).click();

  await eventually(async () => expect(decodeURIComponent(page.url())).toContain('[workflowState][$eq]=in-review'));
  await page.getByText('Risks are reviewed monthly').first().waitFor();
  await eventually(async () => expect(await page.getByText('Benefits have owners').count()).toBe(0));
  // The chip reads in words.
  await page.getByText('State is In review').first().waitFor();
  await screenshot(page, 'any-type-list-state-filter');
}, 300_000);

test('an administrator sets which states publishing a standard needs, by name, in the workflow editor', async () => {
  const KEY = 'standard-approval';
  const original = await engine().getWorkflow(KEY);
  expect(original.definition).toMatchObject({ publishRequires: ['approved'], onNewDraft: 'draft' });
  const admin = await pages.pageAs(administrator);
  try {
    // A type without draft & publish offers no publishing settings.
    await admin.goto('/admin/settings/pmo/workflows/project-lifecycle');
    await admin.getByTestId('pmo-wf-general').waitFor({ timeout: 60_000 });
    await admin.getByRole('combobox', { name: /^Content type/ }).waitFor();
    expect(await admin.getByTestId('pmo-wf-publishing').count()).toBe(0);

    await admin.goto(`/admin/settings/pmo/workflows/${KEY}`);
    await admin.getByRole('heading', { name: 'Standard approval', level: 1 }).waitFor({ timeout: 60_000 });
    const publishing = admin.getByTestId('pmo-wf-publishing');
    await publishing.waitFor();
    const needs = publishing.getByRole('combobox', { name: /^Publishing needs the state/ });
    const newDraft = publishing.getByRole('combobox', { name: /^A new draft goes back to/ });
    // States by their names, never their keys.
    await eventually(async () => expect(await needs.innerText()).toContain('Approved'));
    expect(await needs.innerText()).not.toMatch(/approved|in-review/);
    expect(await newDraft.innerText()).toContain('Draft');
    await publishing.scrollIntoViewIfNeeded();
    await screenshot(admin, 'any-type-editor-publishing');

    // Publishing may also happen in review; a new draft goes back to the initial state, said by name.
    await pick(admin, needs, 'In review');
    await admin.keyboard.press('Escape');
    await admin.getByRole('listbox').waitFor({ state: 'hidden' });
    await eventually(async () => expect(await needs.innerText()).toMatch(/In review[\s\S]*Approved/));
    await publishing.getByRole('button', { name: 'Go back to the initial state' }).click();
    await eventually(async () => expect(await newDraft.innerText()).toContain('The initial state, “Draft”'));

    const saved = admin.waitForResponse(isResponse('PUT', `/pmo/workflows/${KEY}`));
    await admin.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await admin.getByTestId('pmo-wf-dirty').waitFor({ state: 'detached' });
    const stored = (await engine().getWorkflow(KEY)).definition;
    expect(stored.publishRequires).toEqual(['in-review', 'approved']);
    expect(stored.onNewDraft).toBeUndefined();

    // Removing a state takes it out of publishing, so the form never names a state that is gone.
    const inReview = admin.locator('[data-testid="pmo-wf-state-row"][data-state-key="in-review"]');
    await inReview.getByRole('button', { name: 'Remove In review' }).click();
    await eventually(async () => expect(await needs.innerText()).not.toContain('In review'));
    expect(await needs.innerText()).toContain('Approved');
  } finally {
    await engine().updateWorkflow(KEY, original.definition, 'e2e restore');
  }
  expect((await engine().getWorkflow(KEY)).definition).toMatchObject({ publishRequires: ['approved'], onNewDraft: 'draft' });
}, 300_000);
