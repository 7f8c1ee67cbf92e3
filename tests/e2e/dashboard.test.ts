/**
 * Issue 15, the portfolio dashboard: a PMO manager opens PMO Hub and lands on the dashboard (My
 * work beside it, at 1440 px, no sideways scroll, axe-clean, PMO words), clicks the red RAG
 * count through to the projects behind it on the governance board, records a risk in the
 * Content Manager and sees it in the heat map, whose cell opens the risks behind it; then, on
 * "Risks and issues" for the programme, sees it counted in the heat map and among the top risks,
 * and downloads the programme's highlight report (a PDF that names the risk) and its risk register.
 * Filtered by a programme, then by its portfolio, the red count, a heat-map cell and the critical
 * issues each open a list of exactly the items counted, none from the portfolio beside it.
 */
import fs from 'fs';
import type { Browser, Page } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { eventually, launchChromium, screenshot, signedInPages } from './support/browser';
import { createMember, type Member } from './support/mentoring-cast';
import { accessibilityProblems, layoutProblems, vocabularyOf, wordingProblems } from './support/sweep';
import { putInState } from '../helpers/workflow-state';
import { pdfText } from '../helpers/pdf';
import { PROJECT_UID, RISK_UID } from '../../src/plugins/pmo/shared/contracts/uids';
import { DASHBOARD_LIST_LIMIT } from '../../src/plugins/pmo/shared/contracts/dashboard';

let server: E2EServer;
let browser: Browser;
let manager: Member;
const pages = signedInPages(() => browser, () => server.baseURL);
const documentIds: string[] = [];
let programme: { documentId: string };

const today = () => new Date().toISOString().slice(0, 10);

async function project(name: string, code: string, rag: 'red' | 'amber' | 'green', programme: string) {
  const strapi = server.strapi;
  const created = await strapi.documents(PROJECT_UID as any).create({ data: { name, code, programme, startDate: '2026-01-01' } as any });
  await putInState(strapi, PROJECT_UID, created.documentId, 'executing');
  await strapi.documents('api::status-report.status-report' as any).create({ data: { project: created.documentId, asOf: today(), ragOverall: rag, percentComplete: 30 } as any });
  documentIds.push(created.documentId);
  return created;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-dashboard'), launchChromium()]);
  manager = await createMember(server.strapi, 'pmo-manager', { firstname: 'Mara', lastname: 'Manager', email: 'mara.manager@dashboard.pmo' });
  const portfolio = await server.strapi.documents('api::portfolio.portfolio' as any).create({ data: { name: 'Change portfolio', code: 'E2E-PF' } as any });
  programme = await server.strapi.documents('api::programme.programme' as any).create({
    data: { name: 'Customer programme', code: 'E2E-CUST', portfolio: portfolio.documentId } as any,
  });
  documentIds.push(portfolio.documentId, programme.documentId);
  await project('Lyra customer portal', 'E2E-LYRA', 'red', programme.documentId);
  await project('Mensa payroll', 'E2E-MENSA', 'green', programme.documentId);
  await project('Norma archive', 'E2E-NORMA', 'amber', programme.documentId);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await pages.closeAll();
});

const heatCell = (page: Page, probability: number, impact: number) =>
  page.locator(`[data-testid="pmo-dashboard-heat-cell"][data-probability="${probability}"][data-impact="${impact}"]`);

async function openDashboard(page: Page) {
  await page.goto('/admin/plugins/pmo');
  await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/dashboard');
  await page.getByRole('heading', { name: 'Portfolio dashboard', level: 1 }).waitFor();
  await page.getByTestId('pmo-dashboard-rag').waitFor();
}

test('a PMO manager lands on the dashboard, My work beside it, and the red count leads to the red projects', async () => {
  const page = await pages.pageAs(manager);
  await openDashboard(page);
  await page.getByText('Where 3 projects of every portfolio stand on', { exact: false }).waitFor();
  await page.getByTestId('pmo-dashboard-my-work').getByRole('heading', { name: 'My work' }).waitFor();
  await page.getByTestId('pmo-dashboard-home').waitFor();
  const red = page.getByTestId('pmo-dashboard-rag-red');
  expect(await red.getByTestId('pmo-dashboard-rag-count').innerText()).toBe('1');
  await red.getByText(/^1 more than on \d{1,2} [A-Z][a-z]{2} \d{4}$/).waitFor();
  expect(await page.getByTestId('pmo-dashboard-rag-green').getByTestId('pmo-dashboard-rag-count').innerText()).toBe('1');
  expect(await page.locator('[data-testid="pmo-dashboard-state"][data-state="executing"]').innerText()).toMatch(/Executing\s+3/);

  // What the page shows a person: fits 1440 px, PMO words, axe-clean.
  expect(await layoutProblems(page)).toEqual([]);
  expect(wordingProblems(await page.locator('main').first().innerText(), { pathname: '/admin/plugins/pmo/dashboard', vocabulary: vocabularyOf(server.strapi), documentIds })).toEqual([]);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'dashboard-1440');

  await red.getByRole('link', { name: 'Red: 1 project' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/governance' && url.searchParams.get('rag') === 'red');
  await page.getByTestId('pmo-gov-count').getByText('1 project matches').waitFor();
  await page.getByText('Lyra customer portal').first().waitFor();
  expect(await page.getByText('Mensa payroll').count()).toBe(0);
  await screenshot(page, 'dashboard-red-projects');
});

test('a risk recorded in the Content Manager shows in the heat map, whose cell opens it', async () => {
  const page = await pages.pageAs(manager);
  await openDashboard(page);
  expect(await heatCell(page, 3, 4).getAttribute('data-count')).toBe('0');

  await page.goto(`/admin/content-manager/collection-types/${RISK_UID}/create`);
  await page.getByRole('textbox', { name: /^Title/ }).fill('Supplier may miss the go-live');
  await page.getByLabel(/^Probability/).fill('3');
  await page.getByLabel(/^Impact/).fill('4');
  await page.getByRole('combobox', { name: /^Project/ }).click();
  await page.getByRole('option', { name: /Lyra customer portal/ }).click();
  await screenshot(page, 'dashboard-record-risk');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL((url) => /\/api::risk\.risk\/(?!create)[^/]+$/.test(url.pathname));

  await openDashboard(page);
  await eventually(async () => expect(await heatCell(page, 3, 4).getAttribute('data-count')).toBe('1'));
  await page.getByTestId('pmo-dashboard-heatmap').getByText('1 open risk').waitFor();
  await screenshot(page, 'dashboard-heat-map');

  await heatCell(page, 3, 4).getByRole('link', { name: '1 open risk with probability 3 and impact 4' }).click();
  await page.waitForURL((url) => url.pathname === `/admin/content-manager/collection-types/${RISK_UID}`);
  await page.getByText('Supplier may miss the go-live').first().waitFor();
});

/** Clicks `button` and answers the downloaded file's name and bytes (through a link: no save picker in an automated browser). */
async function download(page: Page, click: () => Promise<void>) {
  await page.evaluate(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

// Follows the test above: the risk it recorded on Lyra (probability 3, impact 4).
test("the risk counts on Risks and issues for its programme, and the programme's highlight report names it", async () => {
  const page = await pages.pageAs(manager);
  await openDashboard(page);
  await page.getByTestId('pmo-dashboard-raid').click();
  await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/raid');
  await page.getByRole('heading', { name: 'Risks and issues', level: 1 }).waitFor();

  // Programmes are found as one types (a large PMO has hundreds), not listed.
  await page.getByRole('combobox', { name: 'Programme' }).fill('Customer');
  await page.getByRole('option', { name: 'E2E-CUST · Customer programme', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('programme') === programme.documentId);
  await page.getByText('Open risks and issues of programme E2E-CUST Customer programme.').waitFor();
  const cell = page.locator('[data-testid="pmo-raid-heat-cell"][data-probability="3"][data-impact="4"]');
  await eventually(async () => expect(await cell.getAttribute('data-count')).toBe('1'));
  expect(await page.getByTestId('pmo-raid-heatmap-total').innerText()).toBe('1 open risk');
  const top = page.getByTestId('pmo-raid-top-risk');
  expect(await top.count()).toBe(1);
  expect(await top.first().innerText()).toMatch(/Supplier may miss the go-live[\s\S]*E2E-LYRA Lyra customer portal[\s\S]*12/);
  expect(await page.locator('[data-testid="pmo-raid-exposure-row"][data-programme="E2E-CUST"]').innerText()).toMatch(/E2E-CUST Customer programme\s+1\s+12\s+12\s+0\s+0/);

  // After the responses: nothing assessed yet, so the risk stays where it is.
  await page.getByTestId('pmo-raid-residual').click();
  await page.waitForURL((url) => url.searchParams.get('residual') === '1');
  await page.getByRole('heading', { name: 'Open risks after the responses' }).waitFor();
  await eventually(async () => expect(await cell.getAttribute('data-count')).toBe('1'));

  expect(await layoutProblems(page)).toEqual([]);
  expect(wordingProblems(await page.locator('main').first().innerText(), { pathname: '/admin/plugins/pmo/raid', vocabulary: vocabularyOf(server.strapi), documentIds })).toEqual([]);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'raid-programme');

  const report = await download(page, () => page.getByRole('button', { name: 'Highlight report (PDF)' }).click());
  expect(report.name).toMatch(/^highlight-E2E-CUST-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(report.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await pdfText(report.bytes)).toContain('Supplier may miss the go-live');

  const register = await download(page, () => page.getByTestId('pmo-raid-export-risk-register-csv').click());
  expect(register.name).toMatch(/^risk-register_E2E-CUST_\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = register.bytes.toString('utf8').trim().split('\r\n');
  expect(lines).toEqual([
    'project_code,programme_code,title,type,probability,impact,score,residual_score,response,owner,status,proximity',
    'E2E-LYRA,E2E-CUST,Supplier may miss the go-live,threat,3,4,12,,,,open,',
  ]);

  // The cell opens the programme's risks there in the Content Manager.
  await cell.getByRole('link', { name: '1 open risk with residual probability 3 and impact 4' }).click();
  await page.waitForURL((url) => url.pathname === `/admin/content-manager/collection-types/${RISK_UID}`);
  await page.getByText('Supplier may miss the go-live').first().waitFor();
});

/** Rows of the Content Manager list the page shows, once `first` (one of them) is listed. */
async function listedRows(page: Page, uid: string, first: string) {
  await page.waitForURL((url) => url.pathname === `/admin/content-manager/collection-types/${uid}`);
  await page.getByRole('gridcell', { name: first }).first().waitFor();
  return page.locator('table tbody tr');
}

test('a list longer than the dashboard holds says how many it shows, and opens up to its first 20', async () => {
  const strapi = server.strapi;
  const portfolio = await strapi.documents('api::portfolio.portfolio' as any).create({ data: { name: 'Backlog portfolio', code: 'E2E-BKL' } as any });
  const backlog = await strapi.documents('api::programme.programme' as any).create({ data: { name: 'Backlog programme', code: 'E2E-BKLP', portfolio: portfolio.documentId } as any });
  documentIds.push(portfolio.documentId, backlog.documentId);
  const carina = await project('Carina warehouse', 'E2E-CARINA', 'amber', backlog.documentId);
  const count = DASHBOARD_LIST_LIMIT + 3;
  for (let n = 1; n <= count; n += 1) {
    const target = new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    await strapi.documents('api::issue.issue' as any).create({
      data: { title: `Warehouse fault ${String(n).padStart(2, '0')}`, project: carina.documentId, priority: 'critical', severity: 'high', raisedOn: today(), targetDate: target, status: 'open' } as any,
    });
  }

  const page = await pages.pageAs(manager);
  await page.goto(`/admin/plugins/pmo/dashboard?programme=${backlog.documentId}`);
  const section = page.getByTestId('pmo-dashboard-issues');
  // The full count by the title; the first five, earliest target date first; how many of all are shown.
  await section.getByRole('heading', { name: `Open critical issues (${count})` }).waitFor();
  expect(await section.getByTestId('pmo-dashboard-item').count()).toBe(5);
  await section.getByText(`Showing 5 of ${count}`).waitFor();
  await section.getByRole('button', { name: `Show ${DASHBOARD_LIST_LIMIT - 5} more` }).click();
  await section.getByText(`Showing ${DASHBOARD_LIST_LIMIT} of ${count}`).waitFor();
  const titles = await section.getByTestId('pmo-dashboard-item').getByRole('link').allInnerTexts();
  expect(titles).toEqual([...Array(DASHBOARD_LIST_LIMIT).keys()].map((n) => `Warehouse fault ${String(n + 1).padStart(2, '0')}`));
  expect(wordingProblems(await section.innerText(), { pathname: '/admin/plugins/pmo/dashboard', vocabulary: vocabularyOf(strapi), documentIds })).toEqual([]);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'dashboard-capped-list');
  // Every one of them is in the issue log the section opens (paged there).
  await section.getByTestId('pmo-dashboard-issue-log').click();
  await listedRows(page, 'api::issue.issue', 'Warehouse fault 01');
  await page.getByText(`${count} entries found`).waitFor();
});

// Last: it adds a second programme to the portfolio and a portfolio beside it, with red projects, risks and critical issues.
test('filtered by a programme or a portfolio, each figure opens a list of exactly the items it counts', async () => {
  const strapi = server.strapi;
  const create = async (uid: string, data: Record<string, unknown>) => {
    const created = await strapi.documents(uid as any).create({ data: data as any });
    documentIds.push(created.documentId);
    return created;
  };
  const portfolioId = (await strapi.documents('api::programme.programme' as any).findOne({ documentId: programme.documentId, populate: ['portfolio'] } as any))!.portfolio.documentId;
  const supply = await create('api::programme.programme', { name: 'Supply programme', code: 'E2E-SUP', portfolio: portfolioId });
  const elsewhere = await create('api::portfolio.portfolio', { name: 'Estates portfolio', code: 'E2E-EST' });
  const estates = await create('api::programme.programme', { name: 'Estates programme', code: 'E2E-ESTP', portfolio: elsewhere.documentId });
  const vega = await project('Vega depot', 'E2E-VEGA', 'red', supply.documentId);
  const orion = await project('Orion ledger', 'E2E-ORION', 'red', estates.documentId);
  const lyra = (await strapi.documents(PROJECT_UID as any).findFirst({ filters: { code: 'E2E-LYRA' } } as any))!;
  const risk = (title: string, held: Record<string, string>) => create(RISK_UID, { title, type: 'threat', probability: 2, impact: 5, status: 'open', ...held });
  await risk('Portal vendor exits the market', { project: lyra.documentId });
  await risk('Programme budget frozen', { programme: programme.documentId });
  await risk('Depot lease not renewed', { project: vega.documentId });
  await risk('Ledger migration overruns', { project: orion.documentId });
  const issue = (title: string, projectId: string) =>
    create('api::issue.issue', { title, project: projectId, priority: 'critical', severity: 'high', raisedOn: today(), status: 'open' });
  await issue('Portal login fails for customers', lyra.documentId);
  await issue('Depot flooded', vega.documentId);
  await issue('Ledger totals wrong', orion.documentId);

  const page = await pages.pageAs(manager);
  for (const scope of [
    { query: `programme=${programme.documentId}`, red: 1, risks: 2, issues: 1, projects: 'Lyra customer portal', risk: 'Portal vendor exits the market', issue: 'Portal login fails for customers' },
    { query: `portfolio=${portfolioId}`, red: 2, risks: 3, issues: 2, projects: 'Vega depot', risk: 'Depot lease not renewed', issue: 'Depot flooded' },
  ]) {
    const dashboard = `/admin/plugins/pmo/dashboard?${scope.query}`;
    await page.goto(dashboard);
    await page.getByTestId('pmo-dashboard-rag').waitFor();
    // The red count: its projects on the governance board, none from the other portfolio.
    const red = page.getByTestId('pmo-dashboard-rag-red');
    await eventually(async () => expect(await red.getByTestId('pmo-dashboard-rag-count').innerText()).toBe(String(scope.red)));
    await red.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === '/admin/plugins/pmo/governance' && url.searchParams.get('rag') === 'red');
    await page.getByTestId('pmo-gov-count').getByText(scope.red === 1 ? '1 project matches' : `${scope.red} projects match`).waitFor();
    await page.getByText(scope.projects).first().waitFor();
    expect(await page.getByText('Orion ledger').count()).toBe(0);

    // A heat-map cell: its risks in the Content Manager, as many rows as the count, none from outside.
    await page.goto(dashboard);
    const cell = heatCell(page, 2, 5);
    await eventually(async () => expect(await cell.getAttribute('data-count')).toBe(String(scope.risks)));
    await cell.getByRole('link').click();
    const risks = await listedRows(page, RISK_UID, scope.risk);
    await eventually(async () => expect(await risks.count()).toBe(scope.risks));
    expect(await page.getByText('Ledger migration overruns').count()).toBe(0);
    if (scope.red === 1) expect(await page.getByText('Depot lease not renewed').count()).toBe(0);
    else await page.getByRole('gridcell', { name: 'Programme budget frozen' }).waitFor();

    // Open critical issues: the issue log holds the section's items and no other.
    await page.goto(dashboard);
    const section = page.getByTestId('pmo-dashboard-issues');
    await section.getByRole('heading', { name: `Open critical issues (${scope.issues})` }).waitFor();
    await section.getByTestId('pmo-dashboard-issue-log').click();
    const issues = await listedRows(page, 'api::issue.issue', scope.issue);
    await eventually(async () => expect(await issues.count()).toBe(scope.issues));
    expect(await page.getByText('Ledger totals wrong').count()).toBe(0);
  }
  await screenshot(page, 'dashboard-portfolio-issues');
});
