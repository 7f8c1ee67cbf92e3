/**
 * Issue 3, end to end: a PMO administrator adds a state and two transitions to the project
 * lifecycle in Settings → PMO Hub → Workflows (the state through the form), validates and saves a
 * new version; a PMO analyst then fires the new transition from the workflow side panel of a
 * project in the Content Manager, and the panel's timeline shows it. A transition the analyst may
 * not fire is shown disabled with the reason.
 *
 * This file boots its own server on its own fresh database (dropped when it stops), so the edited
 * project lifecycle never reaches another test file.
 */
import type { Browser, Locator, Page, Response } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { createRoleUser, type RoleUser } from './support/users';
import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { PROJECT_UID as PROJECT } from '../../src/plugins/pmo/shared/contracts/uids';

const LIFECYCLE = 'project-lifecycle';

let server: E2EServer;
let browser: Browser;
let administrator: RoleUser;
let analyst: RoleUser;
let manager: RoleUser;
const pages = signedInPages(() => browser, () => server.baseURL);
const pageAs = pages.pageAs;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-workflow'), launchChromium()]);
  administrator = await createRoleUser(server.strapi, 'pmo-administrator', {
    firstname: 'Ada',
    lastname: 'Admin',
    email: 'e2e.pmo-administrator@test.pmo',
  });
  analyst = await createRoleUser(server.strapi, 'pmo-analyst', {
    firstname: 'Ana',
    lastname: 'Analyst',
    email: 'e2e.pmo-analyst@test.pmo',
  });
  manager = await createRoleUser(server.strapi, 'pmo-manager', {
    firstname: 'Mia',
    lastname: 'Manager',
    email: 'e2e.pmo-manager@test.pmo',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await pages.closeAll();
});

/** A fresh browser context, logged in through the login form as `user`. */

const engine = () => server.strapi.plugin('pmo').service('workflow') as any;

async function createProject(name: string, code: string) {
  return server.strapi.documents(PROJECT).create({ data: { name, code } as any });
}

/**
 * Opens a design-system select (single or multiple) by clicking near its arrow (the middle of a
 * multi-select may be one of its tags, which a click removes) and picks `option`.
 */
async function choose(page: Page, select: Locator, option: string) {
  await select.scrollIntoViewIfNeeded();
  const box = await select.boundingBox();
  if (!box) throw new Error('the select is not visible');
  await select.click({ position: { x: box.width - 14, y: box.height / 2 } });
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Closes a multi-select's list (it stays open to pick several) and waits for it to go. */
async function closeList(page: Page) {
  await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

const isResponse = (method: string, path: string) => (response: Response) =>
  response.request().method() === method && new URL(response.url()).pathname === path;

/** The side panel of an item's edit view, once it shows the item's state. */
async function openWorkflowPanel(page: Page, documentId: string, name: string) {
  await page.goto(`/admin/content-manager/collection-types/${PROJECT}/${documentId}`);
  await page.getByRole('heading', { name }).waitFor();
  const panel = page.getByTestId('pmo-workflow-panel');
  await panel.getByTestId('pmo-workflow-state').waitFor({ timeout: 60_000 });
  await panel.scrollIntoViewIfNeeded();
  return panel;
}

test('an administrator adds a state and transitions in the editor; an analyst fires one from the side panel', async () => {
  const original = await engine().getWorkflow(LIFECYCLE);
  const stateCount = original.definition.states.length;
  const transitionCount = original.definition.transitions.length;
  const project = await createProject('Cirrus CRM migration', 'E2E-CIRRUS');

  // ---- the administrator edits the project lifecycle --------------------------------------------
  const admin = await pageAs(administrator);
  await admin.goto('/admin/settings/pmo/workflows');
  const list = admin.getByTestId('pmo-workflow-list');
  await list.waitFor();
  const row = list.locator(`[data-testid="pmo-workflow-row"][data-workflow-key="${LIFECYCLE}"]`);
  await row.getByRole('link', { name: 'Project lifecycle' }).waitFor();
  await screenshot(admin, 'workflow-list');
  await row.getByRole('link', { name: 'Project lifecycle' }).click();

  await admin.getByRole('heading', { name: 'Project lifecycle', level: 1 }).waitFor();
  await admin.getByText(`Version ${original.version} · for Project`).waitFor();
  const states = admin.getByTestId('pmo-wf-state-row');
  const transitions = admin.getByTestId('pmo-wf-transition-row');
  await eventually(async () => expect(await states.count()).toBe(stateCount));
  expect(await transitions.count()).toBe(transitionCount);

  // A state, through the form.
  await admin.getByRole('button', { name: 'Add state' }).click();
  await eventually(async () => expect(await states.count()).toBe(stateCount + 1));
  const state = states.nth(stateCount);
  await state.getByRole('textbox', { name: /^Key of state/ }).fill('in-review');
  await state.getByRole('textbox', { name: /^Name/ }).fill('In review');
  await eventually(async () => expect(await state.getAttribute('data-state-key')).toBe('in-review'));
  await admin.getByTestId('pmo-wf-dirty').waitFor();

  // Two transitions, through the form: proposed → in review (analysts), and back.
  await admin.getByRole('button', { name: 'Add transition' }).click();
  await eventually(async () => expect(await transitions.count()).toBe(transitionCount + 1));
  const request = transitions.nth(transitionCount);
  await request.getByRole('textbox', { name: /^Key/ }).fill('request-review');
  await request.getByRole('textbox', { name: /^Label/ }).fill('Request review');
  await choose(admin, request.getByRole('combobox', { name: /^From/ }), 'Proposed');
  await closeList(admin);
  await choose(admin, request.getByRole('combobox', { name: /^To/ }), 'In review');
  await request.getByRole('button', { name: 'Add actor' }).click();
  await choose(admin, request.getByRole('combobox', { name: /^Role/ }), 'PMO Analyst');

  await admin.getByRole('button', { name: 'Add transition' }).click();
  await eventually(async () => expect(await transitions.count()).toBe(transitionCount + 2));
  const finish = transitions.nth(transitionCount + 1);
  await finish.getByRole('textbox', { name: /^Key/ }).fill('finish-review');
  await finish.getByRole('textbox', { name: /^Label/ }).fill('Finish review');
  await choose(admin, finish.getByRole('combobox', { name: /^From/ }), 'In review');
  await closeList(admin);
  await choose(admin, finish.getByRole('combobox', { name: /^To/ }), 'Proposed');

  // The diagram follows the form.
  await admin.locator('[data-testid="pmo-wf-diagram-state"][data-state-key="in-review"]').waitFor();
  await screenshot(admin, 'workflow-editor-edited');

  // Validate: no problems.
  const validated = admin.waitForResponse(isResponse('POST', '/pmo/workflows/validate'));
  await admin.getByRole('button', { name: 'Validate' }).click();
  expect((await validated).status()).toBe(200);
  const problems = admin.getByTestId('pmo-wf-problems');
  await problems.getByText('No problems: the definition is valid.').waitFor();
  expect(await admin.getByTestId('pmo-wf-problem').count()).toBe(0);
  await problems.scrollIntoViewIfNeeded();
  await screenshot(admin, 'workflow-editor-validated');

  // Save: a new version.
  const next = original.version + 1;
  const saved = admin.waitForResponse(isResponse('PUT', `/pmo/workflows/${LIFECYCLE}`));
  await admin.getByRole('button', { name: 'Save' }).click();
  const saveResponse = await saved;
  expect(saveResponse.status()).toBe(200);
  await admin.getByText(`Version ${next} · for Project`).waitFor();
  await admin.getByText(`Saved: version ${next} of “Project lifecycle”.`).first().waitFor();
  await admin.getByTestId('pmo-wf-dirty').waitFor({ state: 'detached' });
  await screenshot(admin, 'workflow-editor-saved');

  // What the server stored.
  const stored = await engine().getWorkflow(LIFECYCLE);
  expect(stored.version).toBe(next);
  expect(stored.definition.states).toContainEqual(expect.objectContaining({ key: 'in-review', name: 'In review' }));
  expect(stored.definition.transitions).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        key: 'request-review',
        label: 'Request review',
        from: ['proposed'],
        to: 'in-review',
        actors: [{ role: 'pmo-analyst' }],
      }),
      expect.objectContaining({ key: 'finish-review', label: 'Finish review', from: ['in-review'], to: 'proposed' }),
    ])
  );
  expect(stored.definition.transitions.slice(0, transitionCount)).toEqual(original.definition.transitions);

  // ---- the analyst fires it from the project's side panel ---------------------------------------
  const page = await pageAs(analyst);
  const panel = await openWorkflowPanel(page, project.documentId, 'Cirrus CRM migration');
  const current = panel.getByTestId('pmo-workflow-state');
  await eventually(async () => expect(await current.innerText()).toBe('Proposed'));
  const history = panel.getByTestId('pmo-workflow-history');
  await history.waitFor();
  const applied = history.locator('[data-testid="pmo-history-event"][data-kind="applied"]');
  expect(await applied.count()).toBe(0);
  const button = panel.getByTestId('pmo-transition-request-review').getByRole('button', { name: 'Request review' });
  await eventually(async () => expect(await button.isEnabled()).toBe(true));
  await screenshot(page, 'workflow-panel-before');

  const fired = page.waitForResponse(isResponse('POST', '/pmo/transitions'));
  await button.click();
  expect((await fired).status()).toBe(200);
  await eventually(async () => expect(await current.innerText()).toBe('In review'), 30_000);
  // The timeline, newest first, starts with the transition, by the analyst.
  await eventually(async () => expect(await applied.count()).toBe(1), 30_000);
  const event = history.getByTestId('pmo-history-event').first();
  expect(await event.getAttribute('data-kind')).toBe('applied');
  await event.getByText('Request review', { exact: true }).waitFor();
  await event.getByText(/^by Ana Analyst, /).waitFor();
  expect(await event.getByText('Proposed', { exact: true }).count()).toBe(1);
  expect(await event.getByText('In review', { exact: true }).count()).toBe(1);
  // From the new state, the way back is offered.
  await panel.getByTestId('pmo-transition-finish-review').getByRole('button', { name: 'Finish review' }).waitFor();
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, 'workflow-panel-after');

  // What the server holds: the instance, the mirror, and the audit event.
  const instance = await engine().findInstance(PROJECT, project.documentId);
  expect(instance).toMatchObject({ state: 'in-review', version: 2 });
  const reread = await server.strapi.documents(PROJECT).findOne({ documentId: project.documentId });
  expect((reread as any).workflowState).toBe('in-review');
  const trail = await engine().history(PROJECT, project.documentId);
  expect(trail.filter((e: any) => e.kind === 'applied')).toEqual([
    expect.objectContaining({
      transition: 'request-review',
      from: 'proposed',
      to: 'in-review',
      kind: 'applied',
      definitionVersion: next,
      actor: expect.objectContaining({ id: analyst.id, name: 'Ana Analyst', email: analyst.email }),
    }),
  ]);

  // Back in Settings, the list counts the project in its new state, under the new version.
  await admin.goto('/admin/settings/pmo/workflows');
  const updated = admin.locator(`[data-testid="pmo-workflow-row"][data-workflow-key="${LIFECYCLE}"]`);
  await updated.getByTestId('pmo-workflow-count').filter({ hasText: 'In review' }).getByText('1', { exact: true }).waitFor();
  expect((await updated.locator('td').nth(2).innerText()).trim()).toBe(String(next)); // the Version column
  await screenshot(admin, 'workflow-list-after');
}, 300_000);

test('a transition the analyst may not fire is shown disabled, with who may', async () => {
  // Gate 1 as the stored lifecycle has it: analysts are not among its actors.
  const { definition } = await engine().getWorkflow(LIFECYCLE);
  const gate1 = definition.transitions.find((t: any) => t.key === 'gate-1');
  expect(gate1.label).toBe('Gate 1: business justification');
  expect(gate1.actors).not.toContainEqual({ role: 'pmo-analyst' });
  // Who may, in words: the sponsor by their place, the roles by their names (never keys or codes).
  const reason = `Only the sponsor, a PMO director or a PMO manager may "${gate1.label}"`;
  expect(gate1.actors).toEqual([{ role: 'pmo-director' }, { role: 'pmo-manager' }, { field: 'sponsor' }]);

  const project = await createProject('Dorado intranet refresh', 'E2E-DORADO');
  const page = await pageAs(analyst);
  const panel = await openWorkflowPanel(page, project.documentId, 'Dorado intranet refresh');
  await eventually(async () => expect(await panel.getByTestId('pmo-workflow-state').innerText()).toBe('Proposed'));

  const gate = panel.getByTestId('pmo-transition-gate-1');
  const button = gate.getByRole('button', { name: gate1.label });
  await button.waitFor();
  expect(await button.isDisabled()).toBe(true);
  // Other blockers (its guards) may be listed too; the actor rule is the one that names who may.
  const blocker = gate.locator('[data-testid="pmo-transition-blocker"][data-kind="actor"]');
  await blocker.waitFor();
  expect(await blocker.innerText()).toBe(reason);
  expect(reason).toMatch(/a PMO director or a PMO manager/);
  expect(reason).not.toMatch(/pmo-[a-z]+/);
  // The reasons are the button's description, for screen readers too.
  const describedBy = await button.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain(reason);
  await gate.scrollIntoViewIfNeeded();
  await screenshot(page, 'workflow-panel-blocked');

  // The server agrees with the panel: the analyst may not act, and the project has not moved.
  const user = await server.strapi.db.query('admin::user').findOne({ where: { id: analyst.id }, populate: ['roles'] });
  const view = await engine().view(PROJECT, project.documentId, user);
  expect(view.state.key).toBe('proposed');
  expect(view.transitions.find((t: any) => t.key === 'gate-1')).toMatchObject({
    allowed: false,
    blockers: expect.arrayContaining([expect.objectContaining({ kind: 'actor', message: reason })]),
  });
  const trail = await engine().history(PROJECT, project.documentId);
  expect(trail.filter((e: any) => e.kind === 'applied')).toEqual([]);
});

/**
 * Buttons and links of the page's main part without an accessible name, and controls inside
 * another control (what a screen reader cannot announce or reach), each described briefly.
 */
async function controlProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CONTROL = 'button, a[href], input, select, textarea, [role="button"], [role="combobox"], [role="checkbox"], [role="link"], [tabindex]:not([tabindex="-1"])';
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    const problems: string[] = [];
    const nameOf = (element: Element) => {
      const labelledBy = element.getAttribute('aria-labelledby');
      const byIds = labelledBy
        ? labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
        : '';
      const labels = element.id ? Array.from(document.querySelectorAll(`label[for="${element.id}"]`)).map((label) => label.textContent ?? '').join(' ') : '';
      return (element.getAttribute('aria-label') ?? '') + byIds + labels + (element.textContent ?? '') + (element.getAttribute('title') ?? '');
    };
    for (const element of Array.from(main.querySelectorAll('button, a[href], [role="button"]'))) {
      if (element.closest('[aria-hidden="true"]')) continue; // hidden from assistive technology, and never focused
      if (!nameOf(element).trim()) problems.push(`unnamed ${element.outerHTML.slice(0, 120)}`);
    }
    for (const element of Array.from(main.querySelectorAll('button, a[href], [role="button"], [role="img"]'))) {
      const inner = element.querySelector(CONTROL);
      if (inner) problems.push(`${inner.tagName.toLowerCase()} inside ${element.tagName.toLowerCase()}`);
    }
    return problems;
  });
}

/** Role codes as the server stores them: none may be read on the editor. */
const ROLE_CODE = /\b(pmo-director|pmo-manager|pmo-analyst|pmo-administrator|project-manager|change-board)\b/;

test('the editor at 1440 px: role names, forms for guards, transitions on one line, a full-width diagram, and Try it', async () => {
  const { definition } = await engine().getWorkflow(LIFECYCLE);
  const gate3 = definition.transitions.find((t: any) => t.key === 'gate-3');
  expect(gate3.guards.map((g: any) => g.type)).toEqual(expect.arrayContaining(['gateReview', 'baselinedBudget']));
  const project = await createProject('Halcyon data platform', 'E2E-HALCYON');
  const before = await engine().findInstance(PROJECT, project.documentId);

  const admin = await pageAs(administrator);
  await admin.goto(`/admin/settings/pmo/workflows/${LIFECYCLE}`);
  await admin.getByRole('heading', { name: 'Project lifecycle', level: 1 }).waitFor();
  const rows = admin.getByTestId('pmo-wf-transition-row');
  await eventually(async () => expect(await rows.count()).toBe(definition.transitions.length));

  // Every transition is one line, closed, with a control that opens it.
  const toggles = admin.getByTestId('pmo-wf-transition-toggle');
  expect(await toggles.count()).toBe(definition.transitions.length);
  for (let i = 0; i < definition.transitions.length; i += 1) {
    expect(await toggles.nth(i).getAttribute('aria-expanded')).toBe('false');
  }
  const gate3Row = admin.locator('[data-testid="pmo-wf-transition-row"][data-transition-key="gate-3"]');
  // Who may fire it, by role name.
  await eventually(async () =>
    expect(await gate3Row.getByTestId('pmo-wf-transition-who').innerText()).toBe('PMO Director, PMO Manager or the sponsor')
  );
  // Counted from the stored definition: compliance adds its documents and standards guards to gates 2–5.
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  expect(gate3.guards.length).toBeGreaterThanOrEqual(2);
  expect(await gate3Row.getByTestId('pmo-wf-transition-counts').innerText()).toBe(
    `${plural(gate3.guards.length, 'guard')} · ${plural(gate3.effects.length, 'effect')}`
  );
  expect(await gate3Row.getByTestId('pmo-wf-transition-summary').innerText()).toContain(
    'Gate 3 (investment decision): its latest review decided go or conditional go'
  );

  // The page of the whole lifecycle fits a sensible height; the diagram spans the page.
  const height = await admin.evaluate(() => Math.max(document.documentElement.scrollHeight, document.querySelector('main')?.scrollHeight ?? 0));
  expect(height).toBeLessThan(4500); // a third of the 12,000 px it was, with the diagram drawn at about its natural size
  const diagram = admin.getByTestId('pmo-wf-diagram');
  const box = await diagram.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(1000);
  expect(await diagram.getAttribute('role')).toBe('img');
  expect(await diagram.locator('button, a, [tabindex]:not([tabindex="-1"])').count()).toBe(0);
  await admin.locator('[data-testid="pmo-wf-diagram-state"][data-state-key="executing"]').waitFor();
  await screenshot(admin, 'workflow-editor-1440');

  // No role code anywhere on the page; every button named; no control inside another.
  expect(await admin.locator('main').innerText()).not.toMatch(ROLE_CODE);
  expect(await controlProblems(admin)).toEqual([]);

  // Opened, gate 3 shows its gate review guard as a form, not JSON.
  await gate3Row.getByTestId('pmo-wf-transition-toggle').click();
  expect(await gate3Row.getByTestId('pmo-wf-transition-toggle').getAttribute('aria-expanded')).toBe('true');
  const guard = gate3Row.locator('[data-testid="pmo-wf-guard"][data-type="gateReview"]');
  await guard.waitFor();
  await guard.getByText('Guard 1: Gate review decided').waitFor();
  expect(await guard.getByRole('combobox', { name: /^Gate/ }).innerText()).toContain('Gate 3: investment decision');
  expect(await gate3Row.locator('textarea').count()).toBe(0);
  expect(await admin.getByTestId('pmo-wf-server-only').count()).toBe(0);
  expect(await admin.getByText('This type has no form here').count()).toBe(0);
  // The actors, by role name.
  const actors = gate3Row.getByTestId('pmo-wf-actor');
  expect(await actors.first().getByRole('combobox', { name: /^Role/ }).innerText()).toContain('PMO Director');
  expect(await admin.locator('main').innerText()).not.toMatch(ROLE_CODE);
  await guard.scrollIntoViewIfNeeded();
  await screenshot(admin, 'workflow-editor-guard-form');
  await gate3Row.getByTestId('pmo-wf-transition-toggle').click();
  expect(await gate3Row.getByTestId('pmo-wf-transition-toggle').getAttribute('aria-expanded')).toBe('false');

  // Try it: gate 1 for the new project, as a PMO manager, is blocked by its gate review guard.
  const panel = admin.getByTestId('pmo-wf-try');
  await panel.scrollIntoViewIfNeeded();
  const item = panel.getByRole('combobox', { name: 'Item' });
  await item.fill('Halcyon');
  await admin.getByRole('option', { name: 'E2E-HALCYON · Halcyon data platform · Proposed' }).click();
  // People are found as one types (name or email), not listed.
  await panel.getByRole('combobox', { name: 'Person' }).fill('Mia');
  await admin.getByRole('option', { name: 'Mia Manager (PMO Manager)', exact: true }).click();
  await choose(admin, panel.getByRole('combobox', { name: 'Transition' }), 'Gate 1: business justification');
  const tried = admin.waitForResponse(isResponse('POST', `/pmo/workflows/${LIFECYCLE}/try`));
  await panel.getByRole('button', { name: 'Try' }).click();
  expect((await tried).status()).toBe(200);
  const answer = panel.getByTestId('pmo-wf-try-answer');
  await answer.waitFor();
  expect(await answer.getAttribute('data-allowed')).toBe('false');
  expect(await answer.innerText()).toContain('Blocked: Mia Manager may not “Gate 1: business justification” on E2E-HALCYON · Halcyon data platform now.');
  const blockers = answer.getByTestId('pmo-wf-try-blocker');
  expect(await blockers.count()).toBe(1);
  expect(await blockers.first().getAttribute('data-kind')).toBe('guard');
  expect((await blockers.first().innerText()).length).toBeGreaterThan(10);
  await answer.scrollIntoViewIfNeeded();
  await screenshot(admin, 'workflow-editor-try-blocked');

  // As an analyst, who is not among gate 1's actors, the actor rule blocks too.
  await panel.getByRole('combobox', { name: 'Person' }).fill('Ana');
  await admin.getByRole('option', { name: 'Ana Analyst (PMO Analyst)', exact: true }).click();
  await panel.getByRole('button', { name: 'Try' }).click();
  await eventually(async () => expect(await answer.getByTestId('pmo-wf-try-blocker').count()).toBe(2));
  expect(await answer.locator('[data-kind="actor"]').count()).toBe(1);

  // Nothing was fired.
  const after = await engine().findInstance(PROJECT, project.documentId);
  expect(after).toMatchObject({ state: 'proposed', version: before.version });
  expect(await engine().history(PROJECT, project.documentId)).toEqual([]);

  // Change control, every transition open: each guard and effect (field, authority, budget; notify,
  // deriveAuthority, drawChangeBudget, recordDecision) has its form, and no role code shows.
  await admin.goto('/admin/settings/pmo/workflows/change-control');
  await admin.getByRole('heading', { name: 'Change control', level: 1 }).waitFor();
  await admin.getByTestId('pmo-wf-expand-all').click();
  await eventually(async () => expect(await admin.locator('[data-testid="pmo-wf-transition-row"][data-open="false"]').count()).toBe(0));
  expect(await admin.locator('[data-testid="pmo-wf-guard"], [data-testid="pmo-wf-effect"]').count()).toBeGreaterThan(5);
  expect(await admin.getByTestId('pmo-wf-server-only').count()).toBe(0);
  expect(await admin.getByTestId('pmo-wf-transitions').locator('textarea').count()).toBe(0);
  expect(await admin.locator('main').innerText()).not.toMatch(ROLE_CODE);
  const notify = admin.locator('[data-testid="pmo-wf-effect"][data-type="notify"]').first();
  await notify.scrollIntoViewIfNeeded();
  await screenshot(admin, 'workflow-editor-change-control-open');
}, 300_000);
