// The verify page's one script: the buyer's own browser checks the token's signature with
// WebCrypto Ed25519 against the published key set, so the buyer need not trust the page's
// server alone. Hand-written and dependency-free on purpose (a few KB on a slow phone); it
// mirrors docs/certificate-format.md: base32 token, 27-byte payload, "ASLI-CERT-V1\0" context,
// key tag = the first 4 bytes of the RFC 7638 thumbprint. The page works without it: the
// section it fills stays hidden. All wording lives in the page, in the reader's language: the
// script only shows and hides it. It reads the token from its own address by the rules of
// docs/certificate-format.md §6.1, as the server does (src/core/url.ts tokenFromSegment).
// Kept as a string so that both runtimes serve it with no file system and no bundler rule.

export const VERIFY_SCRIPT = `// Asli: in-browser signature check. Spec: docs/certificate-format.md
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const CONTEXT = new TextEncoder().encode("ASLI-CERT-V1\\0");
const PAYLOAD_LENGTH = 27;
const TOKEN_BYTES = 91;
const ISSUE_EPOCH = 1577836800;

function base32Decode(text) {
  if (!/^[A-Z2-7]+$/.test(text)) return null;
  const length = Math.floor((text.length * 5) / 8);
  if (Math.ceil((length * 8) / 5) !== text.length) return null;
  const out = new Uint8Array(length);
  let bits = 0, value = 0, index = 0;
  for (const ch of text) {
    value = ((value << 5) | ALPHABET.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) { bits -= 8; out[index++] = (value >>> bits) & 0xff; }
  }
  return (value & ((1 << bits) - 1)) === 0 ? out : null;
}

function base32Encode(bytes) {
  let out = "", bits = 0, value = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) { bits -= 5; out += ALPHABET[(value >>> bits) & 31]; }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function base64urlDecode(text) {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function base64urlEncode(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
}

function decodePayload(p) {
  const view = new DataView(p.buffer, p.byteOffset, p.byteLength);
  return {
    serial: base32Encode(p.slice(5, 13)),
    issuedAt: ISSUE_EPOCH + view.getUint32(13),
    artisanId: view.getUint32(17),
    districtCode: view.getUint16(21),
    productId: view.getUint16(23) || null,
    giTagId: view.getUint16(25) || null,
  };
}

// The ids the page says the server verified must be the ones that were signed.
function matchesPage(box, claims) {
  const d = box.dataset;
  const id = (v) => (v === "" ? null : Number(v));
  return d.serial === claims.serial && Number(d.issued) === claims.issuedAt && Number(d.artisan) === claims.artisanId &&
    Number(d.district) === claims.districtCode && id(d.product) === claims.productId && id(d.gi) === claims.giTagId;
}

// The path's one segment after /V/ or /v/, percent-decoded once; blanks around it and one
// trailing slash dropped; ASCII letters upper-cased. The strict decoder judges the rest.
function tokenFromPath(path) {
  const m = /^\\/v\\/([^/]+)\\/?$/i.exec(path);
  if (!m) return "";
  let text;
  try { text = decodeURIComponent(m[1]); } catch { return ""; }
  text = text.trim();
  if (text.endsWith("/")) text = text.slice(0, -1).trim();
  return text.replace(/[a-z]+/g, (run) => run.toUpperCase());
}

async function check(box) {
  if (!globalThis.crypto || !crypto.subtle) return { result: "unsupported" };
  const token = tokenFromPath(location.pathname);
  const bytes = base32Decode(token);
  if (!bytes || bytes.length !== TOKEN_BYTES || bytes[0] !== 1) return { result: "fail" };
  const payload = bytes.slice(0, PAYLOAD_LENGTH);
  const signature = bytes.slice(PAYLOAD_LENGTH);
  const message = new Uint8Array(CONTEXT.length + PAYLOAD_LENGTH);
  message.set(CONTEXT);
  message.set(payload, CONTEXT.length);

  const response = await fetch("/.well-known/jwks.json", { headers: { accept: "application/json" }, credentials: "omit" });
  if (!response.ok) return { result: "error" };
  const { keys } = await response.json();
  let unsupported = false;
  for (const jwk of Array.isArray(keys) ? keys : []) {
    // Which entries are trusted keys: docs/certificate-format.md §2.4 rule 1.
    if (!jwk || jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") continue;
    if (!/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(jwk.x)) continue;
    if (jwk.state !== undefined && !["active", "retired", "revoked"].includes(jwk.state)) continue;
    const canonical = '{"crv":"Ed25519","kty":"OKP","x":"' + jwk.x + '"}';
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical)));
    if (![0, 1, 2, 3].every((i) => digest[i] === payload[1 + i])) continue;
    if (jwk.kid !== undefined && jwk.kid !== base64urlEncode(digest)) continue;
    let key;
    try {
      key = await crypto.subtle.importKey("raw", base64urlDecode(jwk.x), { name: "Ed25519" }, false, ["verify"]);
    } catch {
      unsupported = true;
      continue;
    }
    if (!(await crypto.subtle.verify({ name: "Ed25519" }, key, signature, message))) continue;
    const kid = base64urlEncode(digest);
    const claims = decodePayload(payload);
    if (jwk.state === "revoked" && !(jwk.compromisedAt && claims.issuedAt < Date.parse(jwk.compromisedAt) / 1000)) {
      return { result: "fail", kid };
    }
    // A page that vouches for no ids (an invalid verdict) never passes: a valid signature alone,
    // over a certificate the registry never issued, must not read as a green tick. The browser
    // says what it did check: that this registry's key signed the code.
    if (!box.dataset.serial) return { result: "signed", kid };
    return { result: matchesPage(box, claims) ? "pass" : "fail", kid };
  }
  return { result: unsupported ? "unsupported" : "fail" };
}

function show(box, result, kid) {
  box.dataset.result = result;
  for (const p of box.querySelectorAll("[data-when]")) p.hidden = p.dataset.when !== result;
  if (kid) for (const el of box.querySelectorAll("[data-kid]")) el.textContent = kid;
  const tech = box.querySelector("[data-tech]");
  if (tech) tech.hidden = !kid;
  box.hidden = false;
}

const box = document.getElementById("browser-check");
if (box) {
  show(box, "running");
  check(box).then((r) => show(box, r.result, r.kid), () => show(box, "error"));
}
`;

/**
 * A short digest of the script for its URL, so that a changed script is never served from an old
 * cache. scripts/build-assets.ts computes it into src/generated/verify-script-version.ts, so that
 * the module every scan loads (which links the script) need not carry the script to hash it.
 */
export function verifyScriptVersion(script: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < script.length; i++) hash = Math.imul(hash ^ script.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export const VERIFY_SCRIPT_PATH = "/assets/verify.js";
