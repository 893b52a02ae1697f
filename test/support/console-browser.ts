// The console in Chromium as a person uses it, for the browser tests on both entries (the Node
// server, and wrangler dev): their phone (scripts/lib/phone.ts: a browser context with a DevTools
// virtual authenticator, a platform authenticator with resident keys and user verification), the
// sign-in link that makes their passkey, and a batch upload (test/support/printed.ts reads its
// label sheet back).
import type { Page } from "playwright-core";
import { expect } from "vitest";
import "../../src/pages/i18n/all-catalogs.js";
import { consoleMessages } from "../../src/pages/i18n/catalog.js";

// English whole (its console words are in messages/en-console.ts, which all-catalogs joins in).
const en = consoleMessages("en");
const t = en.console;

export { phone, withoutPasskeyAutofill } from "../../scripts/lib/phone.js";

/** Opens a sign-in link and creates the passkey, as the person would; `beforeCreate` looks at the enrolment page first. */
export async function enrol(page: Page, url: string, options: { label?: string; beforeCreate?: (page: Page) => Promise<void> } = {}): Promise<void> {
  await page.goto(url);
  await expect.poll(() => page.locator("[data-passkey-start]").isEnabled()).toBe(true);
  await options.beforeCreate?.(page);
  if (options.label) await page.getByLabel(t.enrol.labelField).fill(options.label);
  await page.getByRole("button", { name: t.enrol.button }).click();
  await page.waitForURL(`${new URL(url).origin}/console`);
}

/** The Batch page's CSV of three items of one artisan; `bad`: the second one's made_on is 30 February (row 3 of the file). */
export function batchCsv(artisanId: number, bad: boolean): string {
  const header = "artisan_id,title,materials,made_on,product_id,claim_gi,gi_tag_id";
  return [header, `${artisanId},Saree one,silk; zari,,,yes,`, `${artisanId},Saree two,silk,${bad ? "2026-02-30" : "2026-02-20"},,yes,`, `${artisanId},Dupatta,silk,,,yes,`].join("\r\n");
}

/** Chooses the CSV file on the Batch page and sends it. */
export async function uploadBatch(page: Page, csv: string): Promise<void> {
  await page.getByLabel(t.batches.file).setInputFiles({ name: "items.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: t.batches.uploadButton }).click();
}
