// The console's one browser script: the passkey step of sign-in, enrolment and "add a passkey",
// with @simplewebauthn/browser. scripts/build-assets.ts bundles it into a string that
// /assets/console.js serves from our own origin (the CSP allows script-src 'self' only).
// Everything else in the console works without it. It has no words of its own: the page hands
// it every message as a data attribute, in the reader's language.
//
// A container [data-passkey="sign-in|enrol|add"] with data-endpoint="/console/…" holds a button
// [data-passkey-start] and a status line [data-passkey-status]. The script POSTs to
// `${endpoint}/options` for the ceremony's options, runs it, POSTs the answer to `${endpoint}`,
// and follows the `redirect` of the reply. A failure reply is problem+json whose `detail` is
// already in the reader's language.
import { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill, startAuthentication, startRegistration, WebAuthnError } from "@simplewebauthn/browser";

type Action = "sign-in" | "enrol" | "add";

interface Reply {
  redirect?: string;
  detail?: string;
}

async function post(container: HTMLElement, path: string, body: unknown): Promise<{ ok: boolean; reply: Reply }> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  const csrf = container.dataset.csrf;
  if (csrf) headers["x-csrf-token"] = csrf;
  const res = await fetch(path, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin" });
  let reply: Reply = {};
  try {
    reply = (await res.json()) as Reply;
  } catch {
    // A reply without a body: the status says enough.
  }
  return { ok: res.ok, reply };
}

function setup(container: HTMLElement): void {
  const action = container.dataset.passkey as Action;
  const endpoint = container.dataset.endpoint!;
  const button = container.querySelector<HTMLButtonElement>("[data-passkey-start]")!;
  const status = container.querySelector<HTMLElement>("[data-passkey-status]")!;
  const label = container.querySelector<HTMLInputElement>("[data-passkey-label]");
  const say = (key: "working" | "failed" | "cancelled" | "unsupported", detail?: string) => {
    status.textContent = detail ?? container.dataset[`msg${key[0]!.toUpperCase()}${key.slice(1)}`] ?? "";
  };

  if (!browserSupportsWebAuthn()) {
    say("unsupported");
    return;
  }

  const finish = async (answer: unknown) => {
    const body = action === "sign-in" ? { response: answer } : { response: answer, ...(label?.value.trim() ? { label: label.value.trim() } : {}) };
    const { ok, reply } = await post(container, endpoint, body);
    if (ok && reply.redirect) {
      window.location.assign(reply.redirect);
      return;
    }
    say("failed", reply.detail);
    button.disabled = false;
  };

  const ceremony = async (options: { optionsJSON: never }, autofill: boolean) =>
    action === "sign-in" ? startAuthentication({ ...options, useBrowserAutofill: autofill }) : startRegistration(options);

  const run = async (autofill: boolean) => {
    if (!autofill) {
      button.disabled = true;
      say("working");
    }
    try {
      const { ok, reply } = await post(container, `${endpoint}/options`, {});
      if (!ok) throw Object.assign(new Error("options refused"), { detail: reply.detail });
      const answer = await ceremony({ optionsJSON: reply as never }, autofill);
      await finish(answer);
    } catch (error) {
      // Starting the button's ceremony aborts the autofill one: that is no failure to report.
      if (autofill) return;
      button.disabled = false;
      const name = error instanceof WebAuthnError ? error.code : error instanceof Error ? error.name : "";
      if (name === "ERROR_CEREMONY_ABORTED" || name === "NotAllowedError" || name === "AbortError") say("cancelled");
      else say("failed", (error as { detail?: string }).detail);
    }
  };

  button.disabled = false;
  button.addEventListener("click", () => void run(false));
  // Sign-in also offers the passkeys in the account field's autofill (conditional UI).
  if (action === "sign-in" && container.querySelector('input[autocomplete~="webauthn"]')) {
    void browserSupportsWebAuthnAutofill().then((yes) => (yes ? run(true) : undefined));
  }
}

for (const container of document.querySelectorAll<HTMLElement>("[data-passkey]")) setup(container);
