// The shipment page's script (bundled by scripts/build-assets.ts): the reader's own browser
// fetches the signed manifest and the published key set, and checks the manifest with the very
// code the offline verifier uses (src/core/shipment.ts, WebCrypto Ed25519): the signature, and
// that every item listed on the page makes the signed Merkle root. So a reader need not trust
// the page's server alone. All wording is in the page, in the reader's language: the script
// only shows one of the messages in #browser-check and sets its data-result.
import { Keyring, verificationKeyFromJwk, type VerificationKey } from "../../core/keys.js";
import { verifyManifest } from "../../core/shipment.js";

const box = document.getElementById("browser-check");

function show(result: "pass" | "fail" | "unsupported" | "error", detail = ""): void {
  if (!box) return;
  box.dataset.result = result;
  for (const el of box.querySelectorAll<HTMLElement>("[data-when]")) el.hidden = el.dataset.when !== result;
  const tech = box.querySelector<HTMLElement>("[data-detail]");
  if (tech && detail) tech.textContent = detail;
}

async function supportsEd25519(): Promise<boolean> {
  try {
    await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
    return true;
  } catch {
    return false;
  }
}

async function run(): Promise<void> {
  if (!box) return;
  const manifestHref = box.dataset.manifest;
  const root = box.dataset.root;
  const count = Number(box.dataset.count);
  if (!manifestHref || !root) return;
  box.hidden = false;
  box.dataset.result = "running";
  if (!(await supportsEd25519())) return show("unsupported");
  let manifestText: string;
  let keys: VerificationKey[];
  try {
    const [manifest, jwks] = await Promise.all([fetch(manifestHref), fetch("/.well-known/jwks.json")]);
    if (!manifest.ok || !jwks.ok) return show("error");
    manifestText = await manifest.text();
    const set = (await jwks.json()) as { keys?: unknown[] };
    keys = [];
    for (const jwk of set.keys ?? []) {
      try {
        keys.push(await verificationKeyFromJwk(jwk as Parameters<typeof verificationKeyFromJwk>[0]));
      } catch {
        // A member this page cannot use is skipped, as RFC 7517 asks.
      }
    }
  } catch {
    return show("error");
  }
  try {
    const verified = await verifyManifest(manifestText, new Keyring(keys));
    const rootHex = Array.from(verified.header.root, (b) => b.toString(16).padStart(2, "0")).join("");
    // The page's list must be the signed one: same root, same count, every item the signed file has.
    if (!verified.complete || rootHex !== root || verified.header.itemCount !== count) return show("fail", "the page does not show what was signed");
    const listed = [...document.querySelectorAll<HTMLElement>("[data-certificate]")].map((el) => el.dataset.certificate);
    if (listed.length !== verified.items.length || verified.items.some((item, i) => item.certificate !== listed[i])) return show("fail", "the page's items differ from the signed list");
    show("pass", verified.key.kid);
  } catch (error) {
    show("fail", error instanceof Error ? error.message : "");
  }
}

void run();
