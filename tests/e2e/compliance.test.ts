/**
 * Issue 14, end to end: gate 2 of a project is refused while a mandatory standard for Planning
 * has no compliance assessment (the board's blocker names the standard); a PMO analyst records
 * one from the compliance matrix (project and standard come chosen, each criterion answered with
 * evidence), the matrix shows it passed, and the PMO manager then fires gate 2 from the board.
 */
import type { Browser, Response } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { createMember, type Member } from './support/mentoring-cast';
import { card, choose, column, createGateStandard, createProject, passGate1, todayUtc } from './support/governance-cast';
import { GATE_REVIEW_UID } from '../../src/plugins/pmo/shared/contracts/governance';
import { PROJECT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

const GATE_2 = 'Gate 2: delivery strategy';

let server: E2EServer;
let browser: Browser;
let manager: Member;
let analyst: Member;
const pages = signedInPages(() => browser, () => server.baseURL);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-compliance'), launchChromium()]);
  manager = await createMember(server.strapi, 'pmo-manager', { firstname: 'Mara', lastname: 'Manager', email: 'mara.manager@test.pmo' });
  analyst = await createMember(server.strapi, 'pmo-analyst', { firstname: 'Ana', lastname: 'Analyst', email: 'ana.analyst@test.pmo' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await pages.closeAll();
});

const isTransition = (response: Response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/pmo/transitions';

test('a gate is refused for a missing assessment and passes once one is recorded', async () => {
  await createGateStandard(server.strapi, 'STD-DS', 'planning', [
    { text: 'Delivery strategy agreed', mustMeet: true },
    { text: 'Suppliers shortlisted', mustMeet: false },
  ]);
  const project = await createProject(server.strapi, 'Orion payments', 'E2E-ORION');
  await passGate1(server.strapi, project.documentId, manager.id);
  const protectedFields = server.strapi.plugin('pmo').service('protectedFields') as { asCapability<T>(owner: 'governance', work: () => T): T };
  await protectedFields.asCapability('governance', () =>
    server.strapi.documents(GATE_REVIEW_UID as any).create({ data: { project: project.documentId, gate: 2, decision: 'go', heldDate: todayUtc() } as any })
  );

  // The manager's board: gate 2 is blocked, and the blocker names the standard.
  const board = await pages.pageAs(manager);
  await board.goto('/admin/plugins/pmo/governance');
  const waiting = card(column(board, 'initiating'), 'E2E-ORION');
  await waiting.waitFor();
  expect(await waiting.getByTestId('pmo-gov-transition-gate-2').getByRole('button', { name: GATE_2 }).isDisabled()).toBe(true);
  await waiting.getByRole('button', { name: 'Why not?' }).click();
  expect(await waiting.getByTestId('pmo-gov-blocker').innerText()).toContain('STD-DS Business case has no compliance assessment for this project');

  // The analyst records the assessment from the matrix.
  const page = await pages.pageAs(analyst);
  await page.goto('/admin/plugins/pmo/compliance');
  await page.getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
  const row = page.locator('[data-testid="pmo-compliance-row"][data-project="E2E-ORION"]');
  const cell = row.locator('[data-testid="pmo-compliance-cell"][data-standard="STD-DS"]');
  expect(await cell.getAttribute('data-passed')).toBe('none');
  const pageWidth = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(pageWidth[0]).toBeLessThanOrEqual(pageWidth[1]);
  await cell.getByRole('link', { name: 'Record an assessment of E2E-ORION, STD-DS' }).click();
  await page.getByRole('heading', { name: 'Record a compliance assessment' }).waitFor();
  const criteria = page.getByTestId('pmo-compliance-criterion');
  await eventually(async () => expect(await criteria.count()).toBe(2));
  await choose(page, criteria.nth(0).getByRole('combobox', { name: 'Result' }), 'Met');
  await criteria.nth(0).getByRole('textbox', { name: 'Evidence' }).fill('Strategy v1 signed by the sponsor');
  await choose(page, criteria.nth(1).getByRole('combobox', { name: 'Result' }), 'Not met');
  await screenshot(page, 'compliance-record');
  await page.getByTestId('pmo-compliance-form-save').click();
  const outcome = page.getByTestId('pmo-compliance-outcome');
  await outcome.waitFor();
  expect(await outcome.textContent()).toContain('Passed');
  expect(await outcome.innerText()).toContain('Score 50%');
  expect(await page.getByTestId('pmo-compliance-history').innerText()).toContain(
    'This is the only assessment of this project against this standard.'
  );

  await page.getByRole('link', { name: 'Back to the matrix' }).click();
  const passed = page.locator('[data-testid="pmo-compliance-row"][data-project="E2E-ORION"] [data-testid="pmo-compliance-cell"][data-standard="STD-DS"]');
  await eventually(async () => expect(await passed.getAttribute('data-passed')).toBe('true'), 15_000);
  await screenshot(page, 'compliance-matrix');

  // Gate 2 opens for the manager.
  await board.reload();
  const ready = card(column(board, 'initiating'), 'E2E-ORION');
  const button = ready.getByTestId('pmo-gov-transition-gate-2').getByRole('button', { name: GATE_2 });
  await eventually(async () => expect(await button.isEnabled()).toBe(true), 15_000);
  const fired = board.waitForResponse(isTransition);
  await button.click();
  expect((await fired).status()).toBe(200);
  await card(column(board, 'planning'), 'E2E-ORION').waitFor({ timeout: 15_000 });
  expect(((await server.strapi.documents(PROJECT_UID as any).findOne({ documentId: project.documentId })) as any).workflowState).toBe('planning');

  // An earlier, failed assessment of the same project: the latest one's page lists both, latest first.
  const compliance = server.strapi.plugin('pmo').service('compliance') as any;
  const standard = (await server.strapi.documents('api::standard.standard' as any).findFirst({ filters: { code: 'STD-DS' }, status: 'published' })) as any;
  await compliance.record(
    { user: { id: analyst.id, email: analyst.email }, ability: { can: () => true } },
    {
      project: project.documentId,
      standard: standard.documentId,
      assessedOn: '2026-01-15',
      results: [{ result: 'not-met', evidence: 'No strategy yet' }, { result: 'not-met' }],
    }
  );
  await page.reload();
  await page.locator('[data-testid="pmo-compliance-row"][data-project="E2E-ORION"]')
    .getByRole('link', { name: 'Open the assessment of E2E-ORION, STD-DS' }).click();
  const history = page.getByTestId('pmo-compliance-history');
  const rows = history.getByTestId('pmo-compliance-history-row');
  await eventually(async () => expect(await rows.count()).toBe(2));
  expect(await rows.nth(0).getAttribute('aria-current')).toBe('page');
  expect(await rows.nth(0).innerText()).toContain('(this assessment)');
  expect(await rows.nth(0).innerText()).toContain('50%');
  expect(await rows.nth(1).innerText()).toContain('15 Jan 2026');
  expect(await rows.nth(1).textContent()).toContain('Not passed');
  await screenshot(page, 'compliance-history');
  await rows.nth(1).getByRole('link', { name: '15 Jan 2026' }).click();
  await eventually(async () => expect(await page.getByTestId('pmo-compliance-outcome').textContent()).toContain('Not passed'));
  expect(await page.getByTestId('pmo-compliance-outcome').innerText()).toContain('Score 0%');
  expect(await rows.nth(1).getAttribute('aria-current')).toBe('page');
});
