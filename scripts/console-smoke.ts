// `npx tsx scripts/console-smoke.ts SIGN-IN-LINK`: the console's passkey flow in Chromium against
// a running server (`npm start`, or `npm run dev:worker` for the Workers entry), with a DevTools
// virtual authenticator: enrol with the link, sign out, sign in with the passkey, invite a
// colleague, who enrols in a second browser, revoke them, and check their session has ended.
// The link is one that `npm start` or `npm run dev:worker` printed (open the console at
// localhost: passkeys need a domain name). Exits non-zero at the first step that fails.
import { chromium } from "playwright-core";
import { phone, withoutPasskeyAutofill } from "./lib/phone.js";

const link = process.argv[2];
if (!link || !/\/console\/join\/[a-z2-7]{32}$/.test(link)) {
  console.error("usage: npx tsx scripts/console-smoke.ts http://localhost:8787/console/join/<secret>");
  process.exit(2);
}
const origin = new URL(link).origin;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** A person in a browser of their own, on the sign-in button's path (the autofill one answers at once with a virtual authenticator). */
async function person() {
  const { context, page } = await phone(browser, { locale: undefined });
  await withoutPasskeyAutofill(context);
  return { context, page };
}

function step(what: string): void {
  console.log(`ok: ${what}`);
}

try {
  const officer = await person();
  const enrol = async (page: typeof officer.page, url: string) => {
    await page.goto(url);
    await page.locator("[data-passkey-start]:enabled").waitFor();
    await page.getByRole("button", { name: "Create passkey" }).click();
    await page.waitForURL(`${origin}/console`);
    await page.locator("h1", { hasText: "Welcome" }).waitFor();
  };
  await enrol(officer.page, link);
  step("enrolled with the sign-in link");
  await officer.page.getByRole("button", { name: /^Sign out/ }).click();
  await officer.page.waitForURL(`${origin}/console?signed-out`);
  step("signed out");
  await officer.page.locator("[data-passkey-start]:enabled").waitFor();
  await officer.page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await officer.page.waitForURL(`${origin}/console`);
  await officer.page.locator("h1", { hasText: "Welcome" }).waitFor();
  step("signed in with the passkey");

  const name = `Smoke test colleague ${Date.now().toString(36)}`;
  await officer.page.goto(`${origin}/console/people`);
  await officer.page.getByLabel("Name", { exact: true }).fill(name);
  await officer.page.getByLabel("Role").selectOption("district");
  await officer.page.getByRole("button", { name: "Create sign-in link" }).click();
  const colleagueLink = (await officer.page.locator("[data-invitation-url]").innerText()).trim();
  step("invited a colleague");
  const colleague = await person();
  await enrol(colleague.page, colleagueLink);
  step("the colleague enrolled");
  await officer.page.goto(`${origin}/console/people`);
  await officer.page.getByRole("button", { name: `Revoke access of ${name}` }).click();
  await officer.page.locator(".notice").waitFor();
  step("revoked the colleague");
  await colleague.page.goto(`${origin}/console/passkeys`);
  if (!colleague.page.url().endsWith("/console?ended")) throw new Error(`the revoked colleague still reaches ${colleague.page.url()}`);
  step("the colleague's session ended at once");
} catch (error) {
  console.error(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
