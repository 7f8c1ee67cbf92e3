/**
 * Issue 5, end to end: a finance user opens a project's S-curve from the earned-value table
 * (portfolio → programme → project), sees PV, EV and AC drawn, previews the financial summary
 * and downloads it; the downloaded file parses with the header and the project's row. Then a
 * programme's S-curve (its two projects summed by month) and budget outline, and a project's
 * budget outline: the stacked bars, the grid's exact totals with management reserve apart, and
 * its CSV.
 */
import fs from 'fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { eventually, fillDate, launchChromium, logIn, newAppContext, screenshot } from './support/browser';
import { createRoleUser, type RoleUser } from './support/users';
import { parseCsv } from '../api/finance-csv-parse';
import { BUDGET_LINE_UID, COST_ENTRY_UID, PORTFOLIO_UID, PROGRAMME_UID, PROJECT_UID, STATUS_REPORT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

let server: E2EServer;
let browser: Browser;
let financeUser: RoleUser;
let analyst: RoleUser;
let context: BrowserContext;
let page: Page;

const suffix = Date.now().toString(36).toUpperCase();
const CODES = { portfolio: `E2E-PF-${suffix}`, programme: `E2E-PRG-${suffix}`, project: `E2E-FIN-${suffix}` };
const WIDE = { portfolio: `E2E-PFW-${suffix}`, programme: `E2E-WIDE-${suffix}`, project: `E2E-DC-${suffix}` };
const CHARTED = { programme: `E2E-CHP-${suffix}`, vega: `E2E-VEGA-${suffix}`, lyra: `E2E-LYRA-${suffix}` };

const create = async (uid: string, data: Record<string, unknown>) =>
  (await server.strapi.documents(uid as any).create({ data } as any)) as unknown as { documentId: string };

let portfolioId: string;
let projectId: string;
let chartedProgrammeId: string;
let vegaId: string;
let widePortfolioId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-finance'), launchChromium()]);
  financeUser = await createRoleUser(server.strapi, 'finance', {
    firstname: 'Fiona',
    lastname: 'Finance',
    email: 'fiona.finance@test.pmo',
  });
  analyst = await createRoleUser(server.strapi, 'pmo-analyst', { firstname: 'Ana', lastname: 'Analyst', email: 'ana.analyst@test.pmo' });

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

  // A portfolio whose figures run to hundreds of millions under long names: wider than the screen.
  widePortfolioId = (await create(PORTFOLIO_UID, { name: 'E2E wide portfolio', code: WIDE.portfolio })).documentId;
  const wide = await create(PROGRAMME_UID, {
    name: 'Northern region infrastructure renewal and digital transformation', code: WIDE.programme, portfolio: widePortfolioId,
  });
  const dataCentre = (
    await create(PROJECT_UID, {
      name: 'Regional data centre consolidation and network modernisation', code: WIDE.project, programme: wide.documentId,
      startDate: '2026-01-01', endDate: '2026-12-31',
    })
  ).documentId;
  await create(BUDGET_LINE_UID, { project: dataCentre, period: '2026-01-01', category: 'capex', amount: '98765432112' });
  await create(COST_ENTRY_UID, { project: dataCentre, date: '2026-02-10', category: 'capex', amount: '12345678900' });
  await create(STATUS_REPORT_UID, { project: dataCentre, asOf: '2026-02-28', percentComplete: 7, ragOverall: 'amber' });
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
  // The portfolio's projects, a page at a time, under the programmes; the programme opens on its own.
  await page.getByTestId(`finance-portfolio-projects-${CODES.project}`).waitFor();
  const projectLink = page.getByTestId(`finance-project-${CODES.project}`).getByRole('link');
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
  const total = page.getByTestId('finance-programme-projects-total');
  await total.waitFor();
  // BAC 4,500.30 = Vega 3,500.30 + Lyra 1,000.00; AC 900.00 + 1,500.00 + 700.00.
  expect(await total.textContent()).toContain('4,500.30');
  expect(await total.textContent()).toContain('3,100.00');
  for (const code of [CHARTED.vega, CHARTED.lyra]) {
    await page.getByRole('link', { name: new RegExp(code) }).waitFor();
  }
  // One project a page: the total is still both projects'; the next page has the other project.
  const url = new URL(page.url());
  url.searchParams.set('pageSize', '1');
  await page.goto(url.pathname + url.search);
  await page.getByTestId('finance-project-count').getByText('Projects 1 to 1 of 2').waitFor();
  expect(await page.getByTestId('finance-programme-projects-total').textContent()).toContain('4,500.30');
  const firstShown = await page.getByTestId('finance-programme-projects').locator('tbody tr').first().textContent();
  await page.getByRole('link', { name: /next page/i }).click();
  await page.getByTestId('finance-project-count').getByText('Projects 2 to 2 of 2').waitFor();
  expect(new URL(page.url()).searchParams.get('page')).toBe('2');
  const secondShown = await page.getByTestId('finance-programme-projects').locator('tbody tr').first().textContent();
  expect([firstShown, secondShown].map((text) => (text?.includes(CHARTED.vega) ? 'vega' : text?.includes(CHARTED.lyra) ? 'lyra' : text)).sort()).toEqual(['lyra', 'vega']);
  expect(await page.getByTestId('finance-programme-projects-total').textContent()).toContain('4,500.30');
  await screenshot(page, 'finance-programme-paged');
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
  expect(rows).toContainEqual([CHARTED.vega, CHARTED.programme, 'Feb 2026', 'Management reserve', '300.00 EUR']);
  expect(rows.every((row) => row[0] === CHARTED.vega)).toBe(true);
});

/** Scroll containers around `locator` (the page body included) that are wider than they show. */
const overflowingAncestors = (locator: Locator) =>
  locator.evaluate((element) => {
    const found: string[] = [];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const { overflowX } = getComputedStyle(node);
      const scrolls = node === document.documentElement || node === document.body || overflowX === 'auto' || overflowX === 'scroll';
      if (scrolls && node.scrollWidth > node.clientWidth + 1) found.push(`${node.tagName.toLowerCase()} ${node.scrollWidth} > ${node.clientWidth}`);
    }
    return found;
  });

/** Opens a design-system select by clicking near its arrow and answers its options' names. */
async function openSelect(select: Locator) {
  const box = await select.boundingBox();
  if (!box) throw new Error('the select is not visible');
  await select.click({ position: { x: box.width - 14, y: box.height / 2 } });
  await page.getByRole('option').first().waitFor();
  return page.getByRole('option').allTextContents();
}

test('the exports panel speaks to finance: report names, pickers, headers in words, a preview that scrolls on its own', async () => {
  await page.goto('/admin/plugins/pmo/finance/exports');
  await page.getByRole('heading', { name: 'Exports' }).waitFor();
  const main = page.locator('main');

  // Reports by name, each with a sentence on what it holds; nothing of the API on screen.
  const report = page.getByRole('combobox', { name: 'Report' });
  expect(await report.textContent()).toContain('Financial summary');
  await main.getByText(/^Earned value of each project on the chosen date/).waitFor();
  expect(await openSelect(report)).toEqual(['Financial summary', 'Budget outline', 'Cost ledger', 'Change log']);
  await page.keyboard.press('Escape');
  const text = await main.innerText();
  for (const internal of ['/api/', '/pmo/', 'documentId', 'financial-summary', '.csv?']) expect(text).not.toContain(internal);

  // The programme picked by typing its name.
  const programme = page.getByRole('combobox', { name: /^Programme/ });
  await programme.fill('Charted');
  await page.getByRole('option', { name: `${CHARTED.programme} · Charted programme`, exact: true }).click();
  expect(await programme.inputValue()).toBe(`${CHARTED.programme} · Charted programme`);
  await fillDate(page.getByLabel('As of', { exact: true }), '2026-03-31');

  // The preview: headers in words, the programme's two projects, money and dates as PMO Hub writes them.
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('finance-export-preview');
  await preview.waitFor();
  expect(await preview.locator('thead th').allTextContents()).toEqual([
    'Project code', 'Project name', 'Programme code', 'Currency', 'As of',
    'Budget at completion', 'Planned value', 'Earned value', 'Actual cost', 'Cost variance', 'Schedule variance',
    'Cost performance index', 'Schedule performance index', 'Estimate at completion', 'Estimate to complete',
    'Variance at completion', 'To-complete performance index',
  ]);
  const rows = await preview.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
  expect(rows.map((row) => row[0]).sort()).toEqual([CHARTED.lyra, CHARTED.vega].sort());
  const vega = rows.find((row) => row[0] === CHARTED.vega)!;
  expect(vega.slice(0, 6)).toEqual([CHARTED.vega, 'Vega warehouse', CHARTED.programme, 'EUR', '31 Mar 2026', '3,500.30 EUR']);

  // The preview scrolls inside its own labelled region, reachable from the keyboard; the page does not.
  const region = page.getByRole('region', { name: 'Preview: Financial summary' });
  expect(await region.getAttribute('tabindex')).toBe('0');
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await overflowingAncestors(region)).toEqual([]);
  await region.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await eventually(async () => expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0));
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const [regionBox, lastHeader] = [await region.boundingBox(), await preview.locator('thead th').last().boundingBox()];
  expect(lastHeader!.x + lastHeader!.width).toBeLessThanOrEqual(regionBox!.x + regionBox!.width + 1);
  await screenshot(page, 'finance-exports-preview-scrolled');

  // A download shows its outcome; choosing another report clears it and the preview.
  await page.evaluate(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  await page.getByText(/^Saved /).waitFor();
  await report.click({ position: { x: (await report.boundingBox())!.width - 14, y: 10 } });
  await page.getByRole('option', { name: 'Cost ledger', exact: true }).click();
  await main.getByText(/^Every cost entry, oldest first/).waitFor();
  expect(await page.getByText(/^Saved /).count()).toBe(0);
  expect(await preview.count()).toBe(0);
  // The programme stays picked; the cost ledger takes dates, not an as-of date.
  expect(await programme.inputValue()).toBe(`${CHARTED.programme} · Charted programme`);
  expect(await page.getByLabel('As of', { exact: true }).count()).toBe(0);
  await page.getByRole('button', { name: 'Preview' }).click();
  await preview.waitFor();
  expect(await preview.locator('thead th').allTextContents()).toEqual(['Date', 'Project code', 'Category', 'Amount', 'Supplier', 'Reference']);
  expect(await preview.locator('tbody tr').first().locator('td').allTextContents()).toEqual(
    expect.arrayContaining(['15 Jan 2026', CHARTED.vega, 'Labour', '900.00 EUR'])
  );
  await screenshot(page, 'finance-exports-cost-ledger');
});

test('the earned-value table keeps the name column in view while its figures scroll to EAC and VAC', async () => {
  await page.goto(`/admin/plugins/pmo/finance?portfolio=${widePortfolioId}&asOf=2026-03-31`);
  const row = page.getByTestId(`finance-programme-${WIDE.programme}`);
  await row.locator('[data-band]').first().waitFor();
  const toggle = row.getByRole('button', { name: `Show the projects of ${WIDE.programme} · Northern region infrastructure renewal and digital transformation` });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await toggle.click();
  await page.getByTestId(`finance-project-${WIDE.project}`).waitFor();
  expect(await row.getByRole('button', { name: /^Hide the projects of/ }).getAttribute('aria-expanded')).toBe('true');

  // Abbreviations carry their full names.
  const table = page.getByTestId('finance-evm-table');
  expect(await table.locator('thead abbr').evaluateAll((abbrs) => abbrs.map((a) => [a.textContent, a.getAttribute('title')]))).toEqual(
    expect.arrayContaining([['BAC', 'Budget at completion'], ['EAC', 'Estimate at completion (BAC ÷ CPI)'], ['VAC', 'Variance at completion (BAC − EAC)']])
  );

  const region = page.getByRole('region', { name: 'Earned value by programme' });
  expect(await region.getAttribute('tabindex')).toBe('0');
  expect(await overflowingAncestors(region)).toEqual([]);
  const nameCell = page.getByTestId(`finance-project-${WIDE.project}`).locator('td').first();
  const before = (await nameCell.boundingBox())!;
  await screenshot(page, 'finance-evm-table');

  // Scrolled to its far right (from the keyboard), the row's name has not moved and EAC and VAC are in view.
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await region.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await eventually(async () => expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0));
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const regionBox = (await region.boundingBox())!;
  const after = (await nameCell.boundingBox())!;
  expect(Math.abs(after.x - before.x)).toBeLessThan(1);
  expect(after.x).toBeGreaterThanOrEqual(regionBox.x - 1);
  expect(await nameCell.textContent()).toContain(WIDE.project);
  for (const column of ['EAC', 'VAC']) {
    const header = (await table.locator(`thead th[data-column="${column}"]`).boundingBox())!;
    expect(header.x).toBeGreaterThanOrEqual(after.x + after.width - 1);
    expect(header.x + header.width).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1);
  }
  await screenshot(page, 'finance-evm-table-scrolled');
});

test('a PMO analyst finds the same finance pages and exports, with nothing they cannot use', async () => {
  await context.close();
  context = await newAppContext(browser, server.baseURL);
  page = await context.newPage();
  await logIn(page, analyst);
  await page.goto(`/admin/plugins/pmo/finance?portfolio=${portfolioId}&asOf=2026-03-31`);
  await page.getByTestId(`finance-programme-${CHARTED.programme}`).locator('[data-band]').first().waitFor();
  expect(await page.getByText(/don't have the permissions|Forbidden|Policy Failed/i).count()).toBe(0);
  await page.getByTestId('finance-exports-link').click();
  await page.getByRole('heading', { name: 'Exports' }).waitFor();
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByTestId('finance-export-preview').waitFor();
  await screenshot(page, 'finance-exports-analyst');
});
