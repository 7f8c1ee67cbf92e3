/**
 * Debian's Chromium through playwright-core: a fresh browser (and so a fresh temporary profile)
 * per suite, a fresh context per test, requests kept to the app's own origin.
 */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Credentials } from './server';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { CHROMIUM, CHROMIUM_ARGS, ARTIFACTS } = require('./constants');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A fresh context that lets the page reach only `baseURL`; anything else is aborted. */
export async function newAppContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const origin = new URL(baseURL).origin;
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => route.abort('blockedbyclient')
  );
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  return context;
}

/**
 * Signs in through the admin panel's sign-in form, which greets in PMO Hub's name (not Strapi's),
 * and waits for the panel to open.
 */
export async function logIn(page: Page, { email, password }: Credentials) {
  await page.goto('/admin/auth/login');
  await page.getByRole('heading', { name: 'Welcome to PMO Hub' }).waitFor();
  await screenshot(page, 'sign-in');
  await page.getByRole('textbox', { name: /email/i }).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth/'));
}

/**
 * Keeps a screenshot of the viewport under test-results/e2e/ and returns its path. (The admin
 * panel scrolls inside its own container, so scroll what matters into view first.)
 */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Retries an assertion until it passes (playwright-core has no auto-retrying `expect`). */
export async function eventually(assertion: () => Promise<void>, timeout = 10_000, interval = 100) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/**
 * Signed-in pages, each in its own context (so each its own person), closed together: a suite
 * calls `pageAs(user)` in its tests and `closeAll()` after each test or after all of them.
 */
export function signedInPages(browser: () => Browser, baseURL: () => string) {
  const contexts: BrowserContext[] = [];
  return {
    async pageAs(user: Credentials): Promise<Page> {
      const context = await newAppContext(browser(), baseURL());
      contexts.push(context);
      const page = await context.newPage();
      await logIn(page, user);
      return page;
    },
    closeAll: () => Promise.all(contexts.splice(0).map((context) => context.close())),
  };
}

/** Types a `YYYY-MM-DD` day into one of PMO Hub's date fields, which take it in British order. */
export async function fillDate(field: Locator, day: string) {
  const [year, month, date] = day.split('-');
  // The field's text box (a label can also match the field's "Clear …" button).
  const input = field.and(field.page().getByRole('combobox'));
  await input.fill(`${date}/${month}/${year}`);
  await input.blur();
}
