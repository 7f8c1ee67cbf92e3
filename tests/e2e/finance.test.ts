/**
 * Issue 5, end to end: a finance user opens a project's S-curve from the earned-value table
 * (portfolio → programme → project), sees PV, EV and AC drawn, previews the financial summary
 * and downloads it; the downloaded file parses with the header and the project's row. Then a
 * programme's S-curve (its two projects summed by month) and budget outline, and a project's
 * budget outline: the stacked bars, the grid's exact totals with management reserve apart, and
 * its CSV.
 */
import fs from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { eventually, launchChromium, logIn, newAppContext, screenshot } from './support/browser';
import { createRoleUser, type RoleUser } from './support/users';
import { parseCsv } from '../api/finance-csv-parse';
import { BUDGET_LINE_UID, COST_ENTRY_UID, PORTFOLIO_UID, PROGRAMME_UID, PROJECT_UID, STATUS_REPORT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

let server: E2EServer;
let browser: Browser;
let financeUser: RoleUser;
let context: BrowserContext;
let page: Page;

const suffix = Date.now().toString(36).toUpperCase();
const CODES = { portfolio: `E2E-PF-${suffix}`, programme: `E2E-PRG-${suffix}`, project: `E2E-FIN-${suffix}` };
const CHARTED = { programme: `E2E-CHP-${suffix}`, vega: `E2E-VEGA-${suffix}`, lyra: `E2E-LYRA-${suffix}` };

const create = async (uid: string, data: Record<string, unknown>) =>
  (await server.strapi.documents(uid as any).create({ data } as any)) as unknown as { documentId: string };

let portfolioId: string;
let projectId: string;
let chartedProgrammeId: string;
let vegaId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-finance'), launchChromium()]);
  financeUser = await createRoleUser(server.strapi, 'finance', {
    firstname: 'Fiona',
    lastname: 'Finance',
    email: 'fiona.finance@test.pmo',
  });

  portfolioId = (await create(PORTFOLIO_UID, { name: 'E2E finance portfolio', code: CODES.portfolio })).documentId;
  const programme = await create(PROGRAMME_UID, { name: 'E2E programme', code: CODES.programme, portfolio: portfolioId });
  projectId = (
    await create(PROJECT_UID, {
      name: 'Orion ledger upgrade',
      code: CODES.project,
      programme: programme.documentId,
      startDate: '2026-01-01',
      endDate: '2026-06-30',
    })
  ).documentId;
  // BAC 60,000.00: 10,000.00 a month, January to June (amounts in minor units).
  for (const month of ['01', '02', '03', '04', '05', '06']) {
    await create(BUDGET_LINE_UID, { project: projectId, period: `2026-${month}-01`, category: 'labour', amount: '1000000' });
  }
  await create(BUDGET_LINE_UID, { project: projectId, period: '2026-03-01', category: 'management-reserve', amount: '500000' });
  await create(COST_ENTRY_UID, { project: projectId, date: '2026-01-20', category: 'opex', amount: '1200000' });
  await create(COST_ENTRY_UID, { project: projectId, date: '2026-02-20', category: 'opex', amount: '1100000' });
  await create(COST_ENTRY_UID, { project: projectId, date: '2026-03-20', category: 'opex', amount: '900000' });
  await create(STATUS_REPORT_UID, { project: projectId, asOf: '2026-01-31', percentComplete: 15, ragOverall: 'green' });
  await create(STATUS_REPORT_UID, { project: projectId, asOf: '2026-02-28', percentComplete: 30, ragOverall: 'amber' });
  await create(STATUS_REPORT_UID, { project: projectId, asOf: '2026-03-31', percentComplete: 45, ragOverall: 'amber' });

  // A second programme of two projects for the programme S-curve and the budget outline.
  chartedProgrammeId = (await create(PROGRAMME_UID, { name: 'Charted programme', code: CHARTED.programme, portfolio: portfolioId })).documentId;
  vegaId = (
    await create(PROJECT_UID, {
      name: 'Vega warehouse', code: CHARTED.vega, programme: chartedProgrammeId, startDate: '2026-01-01', endDate: '2026-04-30',
    })
  ).documentId;
  const lyraId = (await create(PROJECT_UID, { name: 'Lyra portal', code: CHARTED.lyra, programme: chartedProgrammeId })).documentId;
  const line = (project: string, period: string, category: string, amount: string) =>
    create(BUDGET_LINE_UID, { project, period, category, amount });
  // Vega: BAC 3,500.30 (labour 1,000.00 + 0.20, capex 2,000.00, opex 0.10, contingency 500.00), reserve 300.00.
  await line(vegaId, '2026-01-01', 'labour', '100000');
  await line(vegaId, '2026-02-01', 'capex', '200000');
  await line(vegaId, '2026-02-01', 'management-reserve', '30000');
  await line(vegaId, '2026-03-01', 'opex', '10');
  await line(vegaId, '2026-03-01', 'labour', '20');
  await line(vegaId, '2026-04-01', 'contingency', '50000');
  // Lyra: BAC 1,000.00.
  await line(lyraId, '2026-02-01', 'labour', '40000');
  await line(lyraId, '2026-03-01', 'change', '60000');
  await create(COST_ENTRY_UID, { project: vegaId, date: '2026-01-15', category: 'labour', amount: '90000' });
  await create(COST_ENTRY_UID, { project: vegaId, date: '2026-02-15', category: 'capex', amount: '150000' });
  await create(COST_ENTRY_UID, { project: lyraId, date: '2026-03-05', category: 'labour', amount: '70000' });
  await create(STATUS_REPORT_UID, { project: vegaId, asOf: '2026-02-28', percentComplete: 50, ragOverall: 'green' });
  await create(STATUS_REPORT_UID, { project: lyraId, asOf: '2026-03-31', percentComplete: 20, ragOverall: 'green' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await newAppContext(browser, server.baseURL);
  page = await context.newPage();
  await logIn(page, financeUser);
});

afterEach(async () => {
  await context?.close();
});

test('a finance user opens a project S-curve and downloads the financial summary', async () => {
  // The earned-value table of the portfolio, as of the end of March.
  await page.goto(`/admin/plugins/pmo/finance?portfolio=${portfolioId}&asOf=2026-03-31`);
  const programmeRow = page.getByTestId(`finance-programme-${CODES.programme}`);
  await programmeRow.waitFor();
  // Programme CPI: EV 27,000 (45 % of 60,000) / AC 32,000 = 0.84 → red; SPI 27,000 / 30,000 = 0.9 → amber.
  await eventually(async () => expect(await programmeRow.locator('[data-band]').count()).toBe(2));
  expect(await programmeRow.locator('[data-band]').evaluateAll((els) => els.map((el) => el.getAttribute('data-band')))).toEqual([
    'poor',
    'watch',
  ]);
  await programmeRow.getByRole('button').click();
  const projectLink = page.getByRole('link', { name: new RegExp(CODES.project) });
  await projectLink.waitFor();
  await screenshot(page, 'finance-overview');

  // The project's S-curve: three series plus the EAC projection, months on the axis.
  await projectLink.click();
  await page.getByRole('heading', { name: new RegExp(CODES.project) }).waitFor();
  const chart = page.getByTestId('finance-s-curve');
  await chart.waitFor();
  for (const series of ['pv', 'ev', 'ac']) {
    await chart.locator(`path[data-series="${series}"]`).waitFor({ state: 'attached' });
  }
  expect(await chart.locator('path[data-series]').count()).toBe(3);
  expect(await chart.locator('[data-series="eac"]').count()).toBe(1);
  expect(await chart.locator('text').allTextContents()).toEqual(expect.arrayContaining(['Jan 2026', 'Jun 2026']));
  // PV spans all six months; EV and AC stop at the as-of month (three points).
  const points = (d: string | null) => (d ?? '').split(/[ML]/).filter(Boolean).length;
  expect(points(await chart.locator('path[data-series="pv"]').getAttribute('d'))).toBe(6);
  expect(points(await chart.locator('path[data-series="ac"]').getAttribute('d'))).toBe(3);
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, 'finance-s-curve');

  // Exports, filtered on the project: preview the first rows.
  await page.getByRole('link', { name: 'Exports of this project' }).click();
  await page.getByRole('heading', { name: 'Exports' }).waitFor();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('finance-export-preview');
  await preview.waitFor();
  await preview.getByText(CODES.project, { exact: true }).waitFor();
  await screenshot(page, 'finance-export-preview');

  // Download through a link (no File System Access picker in an automated browser).
  await page.evaluate(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/financial-summary.*\.csv$/);
  const file = await download.path();
  const rows = parseCsv(fs.readFileSync(file!, 'utf8'));
  await page.getByText(/^Saved /).waitFor();
  await screenshot(page, 'finance-export-downloaded');

  const [header, ...body] = rows;
  expect(header).toEqual([
    'project_code', 'project_name', 'programme_code', 'currency', 'as_of',
    'bac', 'pv', 'ev', 'ac', 'cv', 'sv', 'cpi', 'spi', 'eac', 'etc', 'vac', 'tcpi',
  ]);
  expect(body).toHaveLength(1);
  const row = Object.fromEntries(header.map((name, i) => [name, body[0][i]]));
  expect(row).toMatchObject({
    project_code: CODES.project,
    project_name: 'Orion ledger upgrade',
    programme_code: CODES.programme,
    currency: 'EUR',
    as_of: '2026-03-31',
    bac: '60000.00',
    pv: '30000.00',
    ac: '32000.00',
  });
});

test("a finance user opens a programme's S-curve and a project's budget outline", async () => {
  await page.goto(`/admin/plugins/pmo/finance?portfolio=${portfolioId}&asOf=2026-03-31`);
  await page.getByTestId(`finance-programme-${CHARTED.programme}`).waitFor();
  await page.getByRole('link', { name: `S-curve and budget of programme ${CHARTED.programme}` }).click();

  // The programme's page: its projects, its total, and its S-curve from January to April.
  await page.getByRole('heading', { name: new RegExp(CHARTED.programme) }).waitFor();
  const total = page.getByTestId('finance-programme-total');
  await total.waitFor();
  // BAC 4,500.30 = Vega 3,500.30 + Lyra 1,000.00; AC 900.00 + 1,500.00 + 700.00.
  expect(await total.textContent()).toContain('4,500.30');
  expect(await total.textContent()).toContain('3,100.00');
  for (const code of [CHARTED.vega, CHARTED.lyra]) {
    await page.getByRole('link', { name: new RegExp(code) }).waitFor();
  }
  const chart = page.getByTestId('finance-s-curve');
  await chart.waitFor();
  expect(await chart.getAttribute('aria-label')).toMatch(new RegExp(`programme ${CHARTED.programme}.*Jan 2026 to Apr 2026`));
  for (const series of ['pv', 'ev', 'ac']) {
    await chart.locator(`path[data-series="${series}"]`).waitFor({ state: 'attached' });
  }
  expect(await chart.locator('[data-series="eac"]').count()).toBe(1);
  expect(await chart.locator('text').allTextContents()).toEqual(expect.arrayContaining(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026']));
  const points = (d: string | null) => (d ?? '').split(/[ML]/).filter(Boolean).length;
  expect(points(await chart.locator('path[data-series="pv"]').getAttribute('d'))).toBe(4);
  expect(points(await chart.locator('path[data-series="ev"]').getAttribute('d'))).toBe(3);
  // March's tooltip: PV 1,000.00 + 2,400.00 + 600.30; EV 50 % of 3,500.30 + 20 % of 1,000.00.
  expect(await chart.locator('[data-point="2026-03"] title').textContent()).toBe(
    'Mar 2026 (31 Mar 2026): PV 4,000.30, EV 1,950.15, AC 3,100.00 EUR'
  );
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, 'finance-programme-s-curve');

  // The programme's budget outline sums both projects: BAC 4,500.30, reserve 300.00 apart.
  await page.getByRole('link', { name: 'Budget outline' }).click();
  await page.getByRole('heading', { name: new RegExp(`Budget outline · ${CHARTED.programme}`) }).waitFor();
  const programmeTotals = page.getByTestId('finance-outline-totals');
  await programmeTotals.waitFor();
  expect(await programmeTotals.locator('td[data-category="labour"]').textContent()).toBe('1,400.20');
  expect(await programmeTotals.locator('td[data-category="total"]').textContent()).toBe('4,500.30');
  expect(await programmeTotals.locator('td[data-category="management-reserve"]').textContent()).toBe('300.00');
  await page.getByRole('link', { name: CHARTED.programme, exact: true }).click();

  // Into Vega, then its budget outline.
  await page.getByRole('link', { name: new RegExp(CHARTED.vega) }).click();
  await page.getByRole('heading', { name: new RegExp(CHARTED.vega) }).waitFor();
  await page.getByRole('link', { name: 'Budget outline' }).click();
  await page.getByRole('heading', { name: new RegExp(`Budget outline · ${CHARTED.vega}`) }).waitFor();

  const bars = page.getByTestId('finance-budget-chart');
  await bars.waitFor();
  expect(await bars.locator('g[data-month]').evaluateAll((els) => els.map((el) => el.getAttribute('data-month')))).toEqual([
    '2026-01', '2026-02', '2026-03', '2026-04',
  ]);
  // February: capex with the hatched reserve on top; March: labour and opex stacked.
  expect(await bars.locator('g[data-month="2026-02"] rect').evaluateAll((els) => els.map((el) => el.getAttribute('data-category')))).toEqual([
    'capex', 'management-reserve',
  ]);
  expect(await bars.locator('g[data-month="2026-03"] rect').evaluateAll((els) => els.map((el) => el.getAttribute('data-category')))).toEqual([
    'labour', 'opex',
  ]);
  expect(await bars.locator('g[data-month="2026-02"] rect[data-category="management-reserve"] title').textContent()).toBe(
    'Feb 2026 · Management reserve: 300.00 EUR'
  );
  expect(await page.getByTestId('finance-budget-legend').textContent()).toContain('Management reserve (outside BAC)');

  // The grid: 0.20 + 0.10 is 0.30 in March; BAC 3,500.30 with the 300.00 reserve beside it.
  const cell = (row: string, category: string) => page.getByTestId(row).locator(`td[data-category="${category}"]`).textContent();
  expect(await cell('finance-outline-month-2026-03', 'total')).toBe('0.30');
  const totals = 'finance-outline-totals';
  expect(await cell(totals, 'labour')).toBe('1,000.20');
  expect(await cell(totals, 'capex')).toBe('2,000.00');
  expect(await cell(totals, 'opex')).toBe('0.10');
  expect(await cell(totals, 'total')).toBe('3,500.30');
  expect(await cell(totals, 'management-reserve')).toBe('300.00');
  await screenshot(page, 'finance-budget-outline');

  // The same outline as CSV: the Exports page opens on it, filtered on the project.
  await page.getByTestId('finance-outline-csv').click();
  await page.getByRole('heading', { name: 'Exports' }).waitFor();
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('finance-export-preview');
  await preview.waitFor();
  const rows = await preview.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent))
  );
  expect(rows).toContainEqual([CHARTED.vega, CHARTED.programme, '2026-02', 'management-reserve', '300.00']);
  expect(rows.every((row) => row[0] === CHARTED.vega)).toBe(true);
});
