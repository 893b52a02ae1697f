// A person's phone for the console's passkey step in Chromium (playwright-core), with a DevTools
// virtual authenticator: shared by the browser tests (test/support/console-browser.ts) and the
// smoke script that runs against a live server (scripts/console-smoke.ts).
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

/** A person on their own phone: a browser context with a passkey authenticator of its own. */
export async function phone(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "en-IN", ...options });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { context, page };
}

/**
 * The sign-in page without its autofill request (conditional UI), which the virtual
 * authenticator would answer at once, signing the person straight back in: a browser without
 * autofill shows the button only. For the pages the context loads from now on.
 */
export async function withoutPasskeyAutofill(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}
