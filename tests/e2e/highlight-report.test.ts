/**
 * Issue 15, end to end: a PMO manager opens a programme's finance page and downloads its
 * highlight report in one click; the page shows where it was saved, and the file is a PDF with
 * the programme's name, its projects and their RAG (read back with pdf-parse). A project's gates
 * page offers the same for the project.
 */
import fs from 'fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { startServer, type E2EServer } from './support/server';
import { launchChromium, logIn, newAppContext, screenshot } from './support/browser';
import { createRoleUser, type RoleUser } from './support/users';
import { readPdf } from '../helpers/pdf';
import { BUDGET_LINE_UID, COST_ENTRY_UID, PORTFOLIO_UID, PROGRAMME_UID, PROJECT_UID, STATUS_REPORT_UID } from '../../src/plugins/pmo/shared/contracts/uids';

let server: E2EServer;
let browser: Browser;
let manager: RoleUser;
let context: BrowserContext;
let page: Page;

const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const CODES = { portfolio: `HPF-${suffix}`, programme: `HPG-${suffix}`, atlas: `ATL-${suffix}`, borea: `BOR-${suffix}` };

const create = async (uid: string, data: Record<string, unknown>) =>
  (await server.strapi.documents(uid as any).create({ data } as any)) as unknown as { documentId: string };

let programmeId: string;
let atlasId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer('e2e-highlight'), launchChromium()]);
  manager = await createRoleUser(server.strapi, 'pmo-manager', { firstname: 'Mona', lastname: 'Manager', email: 'mona.manager@test.pmo' });
  const portfolio = await create(PORTFOLIO_UID, { name: 'E2E highlight portfolio', code: CODES.portfolio });
  programmeId = (await create(PROGRAMME_UID, { name: 'Northern depots programme', code: CODES.programme, portfolio: portfolio.documentId })).documentId;
  atlasId = (await create(PROJECT_UID, { name: 'Atlas depot', code: CODES.atlas, programme: programmeId })).documentId;
  const borea = (await create(PROJECT_UID, { name: 'Borea depot', code: CODES.borea, programme: programmeId })).documentId;
  // Atlas: BAC 2,000.00, half done, 1,500.00 spent (CPI 0.67); Borea: nothing booked, red.
  await create(BUDGET_LINE_UID, { project: atlasId, period: '2026-01-01', category: 'labour', amount: '200000' });
  await create(COST_ENTRY_UID, { project: atlasId, date: '2026-01-20', category: 'opex', amount: '150000' });
  await create(STATUS_REPORT_UID, { project: atlasId, asOf: '2026-01-31', percentComplete: 50, ragOverall: 'amber', summary: 'Atlas is on its way.' });
  await create(STATUS_REPORT_UID, { project: borea, asOf: '2026-01-31', percentComplete: 0, ragOverall: 'red' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await newAppContext(browser, server.baseURL);
  page = await context.newPage();
  await logIn(page, manager);
});

afterEach(async () => {
  await context?.close();
});

/** Clicks the button and answers the downloaded file's name and bytes (through a link: no save picker in an automated browser). */
async function downloadReport(): Promise<{ name: string; bytes: Buffer }> {
  await page.evaluate(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Highlight report (PDF)' }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file!) };
}

test("a PMO manager downloads a programme's highlight report from its finance page", async () => {
  await page.goto(`/admin/plugins/pmo/finance/programmes/${programmeId}?asOf=2026-01-31`);
  await page.getByRole('heading', { name: `${CODES.programme} · Northern depots programme` }).waitFor();
  const { name, bytes } = await downloadReport();
  expect(name).toBe(`highlight-${CODES.programme}-2026-01-31.pdf`);
  await page.getByTestId('pmo-highlight-report-status').getByText(`Saved highlight-${CODES.programme}-2026-01-31.pdf`).waitFor();
  await screenshot(page, 'highlight-report-programme-downloaded');

  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = await readPdf(bytes);
  const text = pdf.text.replace(/\s+/g, ' ');
  expect(pdf.title).toBe(`Highlight report ${CODES.programme} 31 Jan 2026`);
  expect(text).toContain(`${CODES.programme} · Northern depots programme`);
  expect(text).toContain('Programme highlight report as of 31 Jan 2026');
  expect(text).toContain('2 projects: 0 green, 1 amber, 1 red, 0 not reported');
  expect(text).toMatch(new RegExp(`${CODES.atlas} · Atlas depot Proposed Amber 0\\.67`));
  expect(text).toMatch(new RegExp(`${CODES.borea} · Borea depot Proposed Red n/a`));
  expect(text).toContain('2,000.00 EUR');
});

test("a project's gates page offers the project's highlight report as of today", async () => {
  await page.goto(`/admin/plugins/pmo/governance/projects/${atlasId}`);
  await page.getByRole('heading', { name: 'Atlas depot' }).waitFor();
  const { name, bytes } = await downloadReport();
  const today = new Date().toISOString().slice(0, 10);
  expect(name).toBe(`highlight-${CODES.atlas}-${today}.pdf`);
  const text = (await readPdf(bytes)).text.replace(/\s+/g, ' ');
  expect(text).toContain(`${CODES.atlas} · Atlas depot`);
  expect(text).toContain('Atlas is on its way.');
  await screenshot(page, 'highlight-report-gates-page');
});
