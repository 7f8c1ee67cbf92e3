/**
 * Issue 12, end to end: the Content Manager's list and edit views of PMO Hub's types speak the
 * PMO's words, as the super admin sees them at 1440 × 1000. Money reads "23,000.00 EUR", never
 * minor units; RAG ratings and lifecycle states are words in coloured badges; categories are
 * words; a document overdue for review is badged and a superseded one never is; a project's
 * status reports are listed by their day, not an internal id; and a standard's lifecycle states
 * and document types are picked by name, saved and kept.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";

import { documentInState } from "../helpers/documents";
import {
  eventually,
  launchChromium,
  logIn,
  newAppContext,
  screenshot,
} from "./support/browser";
import {
  createSuperAdmin,
  startServer,
  type Credentials,
  type E2EServer,
} from "./support/server";
import {
  BUDGET_LINE_UID,
  DOCUMENT_UID,
  PROJECT_UID,
  STANDARD_UID,
  STATUS_REPORT_UID,
} from "../../src/plugins/pmo/shared/contracts/uids";

let server: E2EServer;
let browser: Browser;
let admin: Credentials;
let context: BrowserContext;
let page: Page;

const suffix = Date.now().toString(36).toUpperCase();
const PROJECT_NAME = `Harbour bridge renewal ${suffix}`;
const STANDARD_CODE = `STD-E2E-${suffix}`;
const ids: Record<string, string> = {};

const create = async (uid: string, data: Record<string, unknown>) =>
  (await server.strapi
    .documents(uid as any)
    .create({ data } as any)) as unknown as { documentId: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer("e2e-cm"),
    launchChromium(),
  ]);
  admin = await createSuperAdmin(server.strapi);
  const project = await create(PROJECT_UID, {
    name: PROJECT_NAME,
    code: `E2E-HBR-${suffix}`,
    startDate: "2026-01-05",
  });
  ids.project = project.documentId;
  await create(BUDGET_LINE_UID, {
    project: project.documentId,
    period: "2026-09-01",
    category: "management-reserve",
    amount: "2300000",
  });
  ids.report = (
    await create(STATUS_REPORT_UID, {
      project: project.documentId,
      asOf: "2026-11-30",
      percentComplete: 62,
      ragOverall: "amber",
      ragSchedule: "green",
      ragCost: "red",
      ragScope: "green",
    })
  ).documentId;
  const lapsed = {
    documentType: "project-brief",
    project: project.documentId,
    lastReviewedAt: "2020-01-01",
    approvedAt: "2019-12-01T09:00:00.000Z",
    reviewCycleDays: 90,
  };
  await documentInState("approved", { ...lapsed, title: `Brief in force ${suffix}` }, server.strapi);
  await documentInState("superseded", { ...lapsed, title: `Brief superseded ${suffix}` }, server.strapi);
  ids.standard = (
    await create(STANDARD_UID, {
      code: STANDARD_CODE,
      title: "Business case before initiation",
      version: "1.0",
      category: "governance",
      mandatory: true,
      appliesToStates: ["proposed"],
      requiredDocumentTypes: ["business-case"],
    })
  ).documentId;
  context = await newAppContext(browser, server.baseURL);
  page = await context.newPage();
  await logIn(page, admin);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Strapi's guided tour of the Content Manager, skipped if it opens over the list. */
async function skipTour() {
  const skip = page.getByRole("button", { name: "Skip", exact: true });
  if (await skip.isVisible().catch(() => false)) await skip.click();
}

/** Opens a type's list view and answers the table row that holds `text`. */
async function openList(uid: string, text: string): Promise<Locator> {
  await page.goto(`/admin/content-manager/collection-types/${uid}`);
  await page.getByRole("grid").first().waitFor();
  await skipTour();
  const row = page.getByRole("row").filter({ hasText: text });
  await row.first().waitFor();
  return row.first();
}

/** What a person reads in a cell (the badge's words, whatever their letter case on screen). */
const cellTexts = async (row: Locator) =>
  (await row.getByRole("gridcell").allTextContents()).map((text) =>
    text.trim(),
  );

test("budget lines show money in the currency and categories in words", async () => {
  const row = await openList(BUDGET_LINE_UID, PROJECT_NAME);
  await eventually(async () =>
    expect(await cellTexts(row)).toEqual(
      expect.arrayContaining([
        "23,000.00 EUR",
        "Management reserve",
        "1 Sep 2026",
      ]),
    ),
  );
  const text = await row.innerText();
  expect(text).not.toMatch(/2,?300,?000(?!\.)|management-reserve|2026-09-01/);
  // The row still opens the budget line from a link (a keyboard user's way in).
  expect(await row.getByRole("link").count()).toBeGreaterThan(0);
  await screenshot(page, "cm-budget-lines");
});

test("status reports show RAG ratings as words in coloured badges, and their project by name", async () => {
  const row = await openList(STATUS_REPORT_UID, PROJECT_NAME);
  const rag = row.getByTestId("pmo-rag");
  await eventually(async () =>
    expect((await rag.allTextContents()).map((t) => t.trim())).toEqual([
      "Amber",
    ]),
  );
  expect(await rag.getAttribute("data-state-color")).toBe("#D9822F");
  expect(await cellTexts(row)).toEqual(
    expect.arrayContaining([PROJECT_NAME, "30 Nov 2026"]),
  );
  expect(await row.innerText()).not.toMatch(/\bamber\b|2026-11-30/);
  await screenshot(page, "cm-status-reports");
});

test("the document list badges the document overdue for review, never the superseded one", async () => {
  await page.goto(`/admin/content-manager/collection-types/${DOCUMENT_UID}`);
  await page.getByRole("grid").first().waitFor();
  await skipTour();
  const inForce = page
    .getByRole("row")
    .filter({ hasText: `Brief in force ${suffix}` });
  const superseded = page
    .getByRole("row")
    .filter({ hasText: `Brief superseded ${suffix}` });
  await Promise.all([inForce.waitFor(), superseded.waitFor()]);
  await eventually(async () =>
    expect(await inForce.getByTestId("pmo-overdue").count()).toBe(1),
  );
  expect(await inForce.getByTestId("pmo-overdue").textContent()).toBe(
    "Overdue",
  );
  expect(await superseded.getByTestId("pmo-overdue").count()).toBe(0);
  expect(await cellTexts(inForce)).toEqual(
    expect.arrayContaining(["Project brief"]),
  );
  expect(await inForce.innerText()).not.toMatch(/project-brief/);
  await screenshot(page, "cm-documents");
});

test("projects show their lifecycle state in a badge, and a project's status reports by their day", async () => {
  const row = await openList(PROJECT_UID, PROJECT_NAME);
  const state = row.getByTestId("pmo-state");
  await eventually(async () =>
    expect((await state.textContent())?.trim()).toBe("Proposed"),
  );
  await screenshot(page, "cm-projects");

  await page.goto(
    `/admin/content-manager/collection-types/${PROJECT_UID}/${ids.project}`,
  );
  await page.getByRole("heading", { name: PROJECT_NAME }).waitFor();
  // The relation's label counts its items: "Status reports (1)".
  await page
    .getByText(/^Status reports/)
    .first()
    .scrollIntoViewIfNeeded();
  // Listed by its title in words (the project's code and the day), never a raw date.
  const report = page.getByText(`E2E-HBR-${suffix} status report, 30 Nov 2026`, { exact: true }).first();
  await report.waitFor();
  await report.scrollIntoViewIfNeeded();
  expect(await page.getByText(ids.report).count()).toBe(0);
  await screenshot(page, "cm-project-status-reports");
});

test("a standard's lifecycle states and document types are picked by name, saved and kept", async () => {
  const open = async () => {
    await page.goto(
      `/admin/content-manager/collection-types/${STANDARD_UID}/${ids.standard}`,
    );
    await page
      .getByRole("heading", { name: "Business case before initiation" })
      .waitFor();
    const states = page.getByRole("combobox", { name: "Applies to states" });
    await states.waitFor();
    return states;
  };
  let states = await open();
  const field = (combobox: Locator) =>
    combobox.locator("xpath=ancestor::*[.//label][1]");
  await eventually(async () =>
    expect(await field(states).innerText()).toContain("Proposed"),
  );
  const documentTypes = page.getByRole("combobox", {
    name: "Required document types",
  });
  await eventually(async () =>
    expect(await field(documentTypes).innerText()).toContain("Business case"),
  );
  // An enumeration's select shows the value in words too (Strapi labels options by message id).
  expect(
    (await page.getByRole("combobox", { name: "Category" }).innerText()).trim(),
  ).toBe("Governance");
  // No JSON editor left on the page.
  expect(await page.locator(".cm-editor").count()).toBe(0);

  await states.scrollIntoViewIfNeeded();
  await states.click();
  await page.getByRole("option", { name: "Initiating" }).click();
  await page.keyboard.press("Escape");
  await screenshot(page, "cm-standard-picked");

  const saved = page.waitForResponse(
    (response) =>
      response.request().method() === "PUT" &&
      response
        .url()
        .includes(`/collection-types/${STANDARD_UID}/${ids.standard}`),
  );
  await page.getByRole("button", { name: "Save" }).click();
  expect((await saved).status()).toBe(200);
  const stored = (await server.strapi
    .documents(STANDARD_UID as any)
    .findOne({ documentId: ids.standard })) as any;
  expect([stored.appliesToStates, stored.requiredDocumentTypes]).toEqual([
    ["proposed", "initiating"],
    ["business-case"],
  ]);

  await page.reload();
  states = await open();
  await eventually(async () =>
    expect(await field(states).innerText()).toMatch(
      /Proposed[\s\S]*Initiating/,
    ),
  );
  await field(states).scrollIntoViewIfNeeded();
  await screenshot(page, "cm-standard-reloaded");
});
