import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";

/** Debian's Chromium through playwright-core, and the page actions the e2e checks share. */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const WIDGETS = [
  "header",
  "profile",
  "flags",
  "pending",
  "lifecycle",
  "portfolio",
  "suggestions",
  "revenues",
  "transactions",
  "profitability",
  "interactions",
] as const;

/** A valid 2×2 PNG: what a user would pick from disk. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);

export interface Browser {
  page: Page;
  /** Script errors and CSP refusals seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh profile (user-data-dir) each run, so no earlier session or cache leaks in. */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = await mkdtemp(join(tmpdir(), "a360-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 1440, height: 900 },
    locale: "en-GB",
    timezoneId: "Europe/Bucharest",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // Refused calls (401/403, the forced 500) are logged by Chromium as resource errors and are
    // expected here; a CSP refusal or a script error is not.
    if (message.type() === "error" && !/Failed to load resource/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return {
    page,
    errors,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export const widget = (page: Page, name: string) => page.locator(`[data-widget="${name}"]`);

/** Until every named widget has left its loading state (ready, empty or error). */
export async function waitForWidgets(page: Page, names: readonly string[] = WIDGETS) {
  for (const name of names) {
    await widget(page, name)
      .locator('[data-state="ready"], [data-state="empty"], [data-state="error"]')
      .first()
      .waitFor({ timeout: 30_000 });
  }
  await page.waitForFunction(() => document.querySelectorAll('[data-state="loading"]').length === 0, null, {
    timeout: 30_000,
  });
}

export async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function openCustomer(page: Page, query: string, name: string) {
  await page.getByLabel("Name, Unique ID, e-mail or phone").fill(query);
  await page
    .getByRole("link", { name: new RegExp(name) })
    .first()
    .click();
  await page.getByTestId("page-title").filter({ hasText: name }).waitFor();
}
