// asli-verify: checks an Asli certificate with no network, from a trust bundle fetched earlier.
//   npx asli-verify --update --server https://asli.example     fetch (or refresh) the trust bundle
//   npx asli-verify <token | verify URL | image of a QR>        verify offline
//   npx asli-verify <token> --proof FILE | --fetch-proof         and check it is in the transparency log
//   npx asli-verify MANIFEST.json                               check a shipment's signed manifest
//   npx asli-verify --shipment MANIFEST.json <token | URL>      prove that one tag belongs to the shipment
// Exit codes: 0 genuine; 1 not genuine (invalid, revoked, suspended, or not in the log when a proof
// was asked for); 2 bad usage or input; 3 no usable trust bundle. The bundle format is docs/trust-bundle.md; what a verifier should do
// with a stale one is in docs/operations.md.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import jpeg from "jpeg-js";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import {
  checkBundleSuccession,
  indexTrustBundle,
  isBundleStale,
  isLoopbackHost,
  issuerOrigin,
  openTrustBundle,
  sameIssuer,
  TrustBundleError,
  verifyOffline,
  type OfflineCertificate,
  type OfflineVerdict,
  type OpenedTrustBundle,
} from "../src/core/bundle.js";
import { nobleVerify } from "../src/core/signature.js";
import { signedAfterCompromise } from "../src/core/keys.js";
import { checkItem, ManifestError, MAX_MANIFEST_BYTES, verifyManifest, type VerifiedManifest } from "../src/core/shipment.js";
import { UNSAFE_CHARACTERS } from "../src/core/characters.js";
import { entryFromToken, InclusionError, logPolicy, verifyCheckpoint, verifyTlogProof, type VerifiedInclusion } from "../src/core/tlog.js";
import { tokenFromText } from "../src/core/url.js";
import { defaultBundlePath } from "./lib/trust-bundle-path.js";

const USAGE = `Usage:
  asli-verify [options] <token | verify URL | image of a QR (PNG or JPEG)>
  asli-verify --update [--server URL] [<input>]
  asli-verify [options] <shipment manifest file (.json)>
  asli-verify [options] --shipment <manifest file> <token | verify URL | image of a QR>

Verifies an Asli certificate offline, with a trust bundle fetched earlier.

Options:
  --update                 fetch a new trust bundle (from --server, else from the held bundle's issuer)
  --server URL             the Asli service, e.g. https://asli.example (needed for the first --update)
  --trust-new-signer KID   accept a bundle signed by this key although the held bundle does not know it
                           (after the registry rotated its key; get the kid from the registry itself)
  --bundle PATH            where the bundle is kept (default: $ASLI_TRUST_BUNDLE, else
                           $XDG_DATA_HOME/asli/trust-bundle, else ~/.local/share/asli/trust-bundle)
  --max-age DAYS           refuse (exit 3) a bundle older than this, instead of only warning when stale
  --proof FILE             check the certificate's inclusion proof (C2SP tlog-proof, from
                           GET /api/v1/certificates/{id}/inclusion) against the log the bundle trusts
  --fetch-proof            fetch that proof from the bundle's issuer and check it (needs a network)
  --shipment FILE          with a token: prove that this certificate belongs to the shipment whose
                           signed manifest (GET /api/v1/shipments/{id}/manifest) is FILE
  --json                   print the result as JSON
  -h, --help               this text

Exit codes: 0 genuine, 1 not genuine, 2 bad usage or input, 3 no usable trust bundle.`;

const EXIT = { genuine: 0, notGenuine: 1, usage: 2, bundle: 3 } as const;
const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

/** A failure to report: its lines are printed as separate lines (see `say`). */
class CliError extends Error {
  readonly lines: string[];
  constructor(
    readonly exitCode: number,
    ...lines: string[]
  ) {
    super(lines.join("\n"));
    this.lines = lines;
  }
}

/** Tests pin the clock with ASLI_VERIFY_NOW (an ISO instant); nothing else reads it. */
function now(): Date {
  const pinned = process.env.ASLI_VERIFY_NOW;
  return pinned ? new Date(pinned) : new Date();
}

// Everything the verifier prints goes through say and warn, one line per argument. Text from a
// bundle or a server (names, messages, reasons, URLs) may hold terminal escapes, carriage
// returns or bidirectional controls that would forge or hide a line: every character that free
// text may not hold (src/core/characters.ts: C0 and C1 controls, DEL, bidirectional and other
// invisible format characters) is printed as U+FFFD, so a value can neither move the cursor nor
// start a line of its own. The verifier's own line breaks are separate arguments.
const printable = (line: string) => line.replace(UNSAFE_CHARACTERS, "\uFFFD");
const say = (...lines: string[]) => {
  for (const line of lines) process.stdout.write(`${printable(line)}\n`);
};
const warn = (...lines: string[]) => {
  for (const line of lines) process.stderr.write(`${printable(line)}\n`);
};
/**
 * JSON keeps every value exactly: such characters become \u escapes rather than U+FFFD. JSON
 * text escapes line feeds inside strings itself, so the line feeds left are its own layout.
 */
const sayJson = (value: unknown) =>
  say(
    ...JSON.stringify(value, null, 2)
      .replace(UNSAFE_CHARACTERS, (ch) => (ch === "\n" ? ch : Array.from({ length: ch.length }, (_, i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`).join("")))
      .split("\n"),
  );

async function readHeldBundle(path: string): Promise<OpenedTrustBundle | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    return await openTrustBundle(new Uint8Array(readFileSync(path)), nobleVerify);
  } catch (error) {
    const why = error instanceof TrustBundleError ? error.message : "it cannot be read";
    throw new CliError(EXIT.bundle, `the trust bundle at ${path} is unusable: ${why}. Fetch a new one with --update --server URL.`);
  }
}

async function download(server: string): Promise<Uint8Array> {
  const origin = issuerOrigin(server);
  if (!origin) throw new CliError(EXIT.usage, `--server must be an http(s) URL such as https://asli.example, not ${JSON.stringify(server)}`);
  const url = new URL("/.well-known/asli-trust-bundle", origin);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new CliError(EXIT.usage, "the trust bundle is fetched over https:// (http:// only from this machine)");
  }
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(30_000), headers: { accept: "application/vnd.asli.trust-bundle" } });
  } catch (error) {
    throw new CliError(EXIT.bundle, `could not fetch ${url.href}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!res.ok) throw new CliError(EXIT.bundle, `could not fetch ${url.href}: HTTP ${res.status}`);
  if (Number(res.headers.get("content-length") ?? 0) > MAX_DOWNLOAD_BYTES) throw new CliError(EXIT.bundle, "the trust bundle is larger than this verifier accepts");
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_DOWNLOAD_BYTES) throw new CliError(EXIT.bundle, "the trust bundle is larger than this verifier accepts");
  return bytes;
}

/** Fetches, checks and stores a new bundle; returns the bundle to use from now on. */
async function update(path: string, held: OpenedTrustBundle | undefined, server: string | undefined, trustNewSigner: string | undefined): Promise<OpenedTrustBundle> {
  const source = server ?? held?.content.issuer;
  if (!source) throw new CliError(EXIT.usage, "the first --update needs --server URL (the Asli service to fetch the trust bundle from)");
  const bytes = await download(source);
  let next: OpenedTrustBundle;
  try {
    next = await openTrustBundle(bytes, nobleVerify);
  } catch (error) {
    throw new CliError(EXIT.bundle, `refused the fetched trust bundle: ${error instanceof Error ? error.message : String(error)}`);
  }
  // docs/trust-bundle.md §6.1: origins compared in normal form, this machine's loopback names as one.
  if (!sameIssuer(source, next.content.issuer)) {
    throw new CliError(
      EXIT.bundle,
      `refused the fetched trust bundle: the service at ${issuerOrigin(source)} signs as issuer ${next.content.issuer}, another origin. ` +
        `If ${next.content.issuer} is the registry you mean to trust, run again with --server ${next.content.issuer}`,
    );
  }
  if (held) {
    const succession = checkBundleSuccession(held, next, trustNewSigner);
    if (!succession.accept) {
      const hint =
        succession.code === "bundle-new-signer"
          ? [`If the registry announced a key rotation, check the new kid with the registry itself, then run again with --trust-new-signer ${next.signer.kid}`]
          : [];
      throw new CliError(EXIT.bundle, `refused the fetched trust bundle: ${succession.message}.`, ...hint);
    }
    if (succession.signerChanged) warn(`note: the registry's signing key changed to ${next.signer.kid}; you chose to trust it.`);
  } else {
    warn(`note: trusting the registry key ${next.signer.kid} on first use. Compare it with the key the registry publishes.`);
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  return next;
}

function decodeImage(path: string): string {
  const file = readFileSync(path);
  let image: { width: number; height: number; data: Uint8Array };
  try {
    if (file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
      image = PNG.sync.read(file);
    } else if (file[0] === 0xff && file[1] === 0xd8) {
      image = jpeg.decode(file, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
    } else {
      throw new CliError(EXIT.usage, `${path} is neither a PNG nor a JPEG image`);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(EXIT.usage, `${path} could not be read as an image`);
  }
  const data = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const code = jsQR(data, image.width, image.height, { inversionAttempts: "attemptBoth" });
  if (!code) throw new CliError(EXIT.usage, `no QR code could be read in ${path}`);
  return code.data;
}

function readInput(input: string): { token: string; from: string } {
  let text = input;
  let from = "the command line";
  if (existsSync(input) && statSync(input).isFile()) {
    text = decodeImage(input);
    from = `the QR code in ${input}`;
  }
  const token = tokenFromText(text);
  if (!token) throw new CliError(EXIT.usage, `${from} holds neither an Asli certificate token nor a verify URL`);
  return { token, from };
}

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
const day = (seconds: number) => DATE.format(new Date(seconds * 1000));
const instant = (seconds: number) => `${day(seconds)}, ${TIME.format(new Date(seconds * 1000))} UTC`;

function age(seconds: number, at: Date): string {
  const minutes = Math.max(0, Math.round((at.getTime() / 1000 - seconds) / 60));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  return `${Math.round(hours / 24)} days ago`;
}

const REVOCATION_WORDS: Record<string, string> = {
  lost: "the item was reported lost",
  stolen: "the item was reported stolen",
  misissued: "the certificate was issued in error",
  "item-destroyed": "the item was reported destroyed",
  superseded: "a new certificate replaces it",
  other: "revoked by the registry",
};

const INVALID_WORDS: Record<string, string> = {
  malformed: "this is not an Asli certificate code",
  "unsupported-version": "this certificate format is newer than this verifier; update asli-verify",
  "unknown-key": "it was not signed by any key in your trust bundle (a forgery, or a key newer than your bundle: try --update)",
  "bad-signature": "the signature does not match: the code was altered or forged",
  "key-compromised": "it was signed with a key after that key was reported compromised",
};

function headline(verdict: OfflineVerdict): string {
  switch (verdict.status) {
    case "genuine":
      return "✓ GENUINE — the certificate's signature and the registry's data check out (verified offline)";
    case "revoked":
      return `✗ REVOKED — ${REVOCATION_WORDS[verdict.reason]} (revoked on ${day(verdict.revokedAt)})`;
    case "suspended":
      return "✗ SUSPENDED — the registry has suspended this artisan; their certificates are not vouched for at present";
    case "invalid":
      return `✗ NOT VALID — ${INVALID_WORDS[verdict.reason]}${verdict.compromisedAt ? ` (compromised on ${instant(verdict.compromisedAt)})` : ""}`;
  }
}

function describe(c: OfflineCertificate): string[] {
  const unknown = (what: string) => `${what} (not in your trust bundle${c.newerThanBundle ? ": the certificate is newer than the bundle, try --update" : ""})`;
  const rows: [string, string | null][] = [
    ["Certificate", c.serial],
    ["Issued", instant(c.issuedAt)],
    ["Artisan", `${c.artisan.name ?? unknown("artisan")} (no. ${c.artisan.id})${c.artisan.sellerName ? `, sold through ${c.artisan.sellerName}` : ""}`],
    ["District", `${c.district.name ?? unknown("district")}, Uttar Pradesh (LGD ${c.district.code})`],
    ["ODOP product", c.product ? (c.product.name ?? unknown(`product no. ${c.product.id}`)) : "none (a craft outside the ODOP list)"],
    [
      "GI tag",
      c.giTag
        ? `${c.giTag.name ?? unknown(`GI tag no. ${c.giTag.id}`)}${c.giTag.applicationNumber ? ` (GI application no. ${c.giTag.applicationNumber})` : ""}`
        : c.withdrawnGiClaim
          ? `none: the artisan's GI authorisation was withdrawn on ${day(c.withdrawnGiClaim.withdrawnAt)}, so the GI claim no longer holds`
          : "none claimed",
    ],
    ["Signed by", `key ${c.kid} (${c.keyState})`],
  ];
  return rows.map(([label, value]) => `  ${label.padEnd(13)} ${value}`);
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        update: { type: "boolean" },
        server: { type: "string" },
        "trust-new-signer": { type: "string" },
        bundle: { type: "string" },
        "max-age": { type: "string" },
        proof: { type: "string" },
        "fetch-proof": { type: "boolean" },
        shipment: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new CliError(EXIT.usage, error instanceof Error ? error.message : String(error), "", ...USAGE.split("\n"));
  }
  const { values, positionals } = args;
  if (values.help) {
    say(...USAGE.split("\n"));
    return EXIT.genuine;
  }
  if (positionals.length > 1) throw new CliError(EXIT.usage, `give one token, URL or image, not ${positionals.length}`, "", ...USAGE.split("\n"));
  if (positionals.length === 0 && !values.update) throw new CliError(EXIT.usage, ...USAGE.split("\n"));
  if (values.shipment !== undefined && positionals.length === 0) throw new CliError(EXIT.usage, "--shipment FILE needs the token, verify URL or QR image of the tag to prove", "", ...USAGE.split("\n"));
  const maxAgeDays = values["max-age"] === undefined ? undefined : Number(values["max-age"]);
  if (maxAgeDays !== undefined && !(maxAgeDays > 0)) throw new CliError(EXIT.usage, "--max-age takes a positive number of days");

  const at = now();
  const path = values.bundle ?? defaultBundlePath();
  let bundle = await readHeldBundle(path);
  if (values.update) {
    try {
      bundle = await update(path, bundle, values.server, values["trust-new-signer"]);
      if (!values.json) warn(`trust bundle no. ${bundle.content.sequence} from ${bundle.content.issuer} saved to ${path}`);
    } catch (error) {
      // Offline first: a failed update leaves the held bundle in use, if there is one to verify with.
      if (!(error instanceof CliError) || !bundle || positionals.length === 0) throw error;
      warn(...error.lines.map((line) => `warning: ${line}`), "warning: verifying with the trust bundle you already hold.");
    }
  }
  if (!bundle) throw new CliError(EXIT.bundle, `no trust bundle at ${path}: fetch one first with  asli-verify --update --server https://<the Asli service>`);

  const { content } = bundle;
  const stale = isBundleStale(content, at);
  const ageDays = (at.getTime() / 1000 - content.issuedAt) / 86_400;
  if (maxAgeDays !== undefined && ageDays > maxAgeDays) {
    throw new CliError(EXIT.bundle, `the trust bundle was issued ${age(content.issuedAt, at)}, more than --max-age ${maxAgeDays} days: run asli-verify --update`);
  }
  const bundleLine = `Trust bundle no. ${content.sequence} from ${content.issuer}, issued ${instant(content.issuedAt)} (${age(content.issuedAt, at)})`;
  const staleWarning = `warning: the trust bundle is stale (issued ${age(content.issuedAt, at)}): revocations and suspensions since then are unknown to it. Run asli-verify --update when you have a network.`;

  if (positionals.length === 0) {
    if (values.json) sayJson({ bundle: bundleSummary(bundle, stale) });
    else {
      say(bundleLine);
      say(`  ${content.keys.length} key(s), ${content.artisans.length} artisans, ${content.revoked.length} revoked certificates, ${content.suspendedArtisans.length} suspended artisans`);
      if (content.log) say(`  transparency log ${content.log.origin} (${content.log.url}), ${content.log.witnesses.length} witness(es), ${content.log.quorum} required`);
      if (stale) warn(staleWarning);
    }
    return EXIT.genuine;
  }

  const manifestPath = values.shipment ?? (isManifestFile(positionals[0]!) ? positionals[0]! : undefined);
  if (manifestPath !== undefined) {
    const code = await verifyShipment(bundle, manifestPath, values.shipment !== undefined ? positionals[0]! : undefined, values.json === true, bundleLine, stale);
    if (stale) warn(staleWarning);
    return code;
  }

  const { token } = readInput(positionals[0]!);
  const verdict = await verifyOffline(token, await indexTrustBundle(content), nobleVerify);
  const wantsProof = values.proof !== undefined || values["fetch-proof"] === true;
  const inLog = wantsProof && verdict.certificate ? await checkInclusion(content, token, verdict.certificate.serial, values.proof) : undefined;
  if (values.json) {
    sayJson({ verdict, ...(inLog ? { log: inLog } : {}), bundle: bundleSummary(bundle, stale) });
  } else {
    say(headline(verdict));
    if (verdict.certificate) say(...describe(verdict.certificate));
    if (inLog) say(`  ${logLine(inLog)}`);
    if (verdict.status === "genuine") say("  (Offline, the signature vouches for the above; only the registry online can confirm the item's title and materials.)");
    say(bundleLine);
  }
  if (stale) warn(staleWarning);
  return verdict.status === "genuine" && (!inLog || inLog.included) ? EXIT.genuine : EXIT.notGenuine;
}

type LogCheck =
  | { included: true; origin: string; index: number; treeSize: number; cosignedBy: string[]; quorum: number; witnesses: number; sameTreeAsBundle: boolean | null }
  | { included: false; origin: string | null; reason: string; message: string };

/**
 * Whether the certificate is in the transparency log the bundle trusts: the proof's checkpoint
 * is signed by the log's key and cosigned by a quorum of its witnesses, and the entry (the
 * token's bytes) is at the proof's index in that tree. A proof of the same tree size as the
 * bundle's checkpoint must have the same root: otherwise the log showed two different trees.
 */
async function checkInclusion(content: OpenedTrustBundle["content"], token: string, serial: string, proofPath: string | undefined): Promise<LogCheck> {
  const log = content.log;
  if (!log) return { included: false, origin: null, reason: "no-log", message: "the trust bundle names no transparency log (update it with --update)" };
  let text: string;
  if (proofPath !== undefined) {
    if (!existsSync(proofPath)) throw new CliError(EXIT.usage, `no proof file at ${proofPath}`);
    text = readFileSync(proofPath, "utf8");
  } else {
    const url = new URL(`/api/v1/certificates/${serial}/inclusion`, content.issuer);
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new CliError(EXIT.bundle, `could not fetch ${url.href}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (res.status === 404) return { included: false, origin: log.origin, reason: "not-in-log", message: "the registry has no log entry for this certificate" };
    if (!res.ok) throw new CliError(EXIT.bundle, `could not fetch ${url.href}: HTTP ${res.status}`);
    text = await res.text();
  }
  const policy = logPolicy(log.origin, log.key, log.witnesses, log.quorum);
  let verified: VerifiedInclusion;
  try {
    verified = await verifyTlogProof(text, entryFromToken(token), policy);
  } catch (error) {
    if (error instanceof InclusionError) return { included: false, origin: log.origin, reason: error.code, message: error.message };
    throw error;
  }
  let sameTreeAsBundle: boolean | null = null;
  if (log.checkpoint) {
    const held = (await verifyCheckpoint(log.checkpoint, policy, { requireQuorum: false })).checkpoint;
    if (held.size === verified.checkpoint.size) {
      sameTreeAsBundle = held.root.every((b, i) => b === verified.checkpoint.root[i]);
      if (!sameTreeAsBundle) return { included: false, origin: log.origin, reason: "log-fork", message: `the proof's tree of ${held.size} entries differs from the one in your trust bundle: the log shows two different trees` };
    }
  }
  return {
    included: true,
    origin: log.origin,
    index: verified.index,
    treeSize: verified.checkpoint.size,
    cosignedBy: verified.cosignatures.map((c) => c.name),
    quorum: policy.quorum,
    witnesses: policy.witnesses.length,
    sameTreeAsBundle,
  };
}

function logLine(check: LogCheck): string {
  if (!check.included) return `✗ Transparency log: NOT SHOWN TO BE IN THE LOG — ${check.message}`;
  return `✓ Transparency log: entry ${check.index} of ${check.treeSize} in ${check.origin}, signed by the log and cosigned by ${check.cosignedBy.length} of ${check.witnesses} witness(es) (${check.quorum} required)`;
}

/** A file that starts (after blanks and a byte-order mark) with "{" is a manifest, not an image. */
function isManifestFile(input: string): boolean {
  if (!existsSync(input) || !statSync(input).isFile()) return false;
  const head = readFileSync(input).subarray(0, 64).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  return head.startsWith("{");
}

function readManifest(path: string): string {
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(EXIT.usage, `no manifest file at ${path}`);
  if (statSync(path).size > MAX_MANIFEST_BYTES) throw new CliError(EXIT.usage, `${path} is larger than a shipment manifest can be`);
  // docs/shipment-format.md §7 step 1: the file is UTF-8, and one that is not is malformed (a
  // lenient decoder would give the same bytes two verdicts in two verifiers).
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
  } catch {
    throw new ManifestError("manifest-malformed", "the file is not UTF-8 text");
  }
}

/**
 * docs/shipment-format.md §7: the manifest's signature with the bundle's keys, its items against
 * the signed Merkle root, the signing key's standing at the sealing time, and each item against
 * the bundle's revocations; with a token, also that token's certificate and its membership.
 */
async function verifyShipment(bundle: OpenedTrustBundle, path: string, input: string | undefined, json: boolean, bundleLine: string, stale: boolean): Promise<number> {
  const index = await indexTrustBundle(bundle.content);
  let manifest: VerifiedManifest;
  try {
    manifest = await verifyManifest(readManifest(path), index.keyring, nobleVerify);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    const hint = error.code === "unknown-key" ? " (a forgery, or a key newer than your trust bundle: try --update)" : "";
    if (json) sayJson({ shipment: { valid: false, reason: error.code, message: error.message }, bundle: bundleSummary(bundle, stale) });
    else say(`✗ NOT A VALID SHIPMENT MANIFEST — ${error.message}${hint}`, bundleLine);
    return EXIT.notGenuine;
  }
  const { header } = manifest;
  const key = index.keys.get(manifest.key.kid);
  const compromised = key !== undefined && signedAfterCompromise(key, header.sealedAt);
  const revoked = manifest.items.flatMap((item) => {
    const found = index.revoked.get(item.certificate);
    return found ? [{ index: item.index, certificate: item.certificate, ...found }] : [];
  });

  let membership: { belongs: boolean; message: string; verdict?: OfflineVerdict } | undefined;
  if (input !== undefined) {
    const { token } = readInput(input);
    const verdict = await verifyOffline(token, index, nobleVerify);
    const check = checkItem(manifest, token);
    membership = check.belongs ? { belongs: true, message: `item ${check.index + 1} of ${header.itemCount} of this shipment`, verdict } : { belongs: false, message: check.message, verdict };
  }

  const valid = !compromised;
  if (json) {
    sayJson({
      shipment: {
        valid,
        ...(compromised ? { reason: "key-compromised" } : {}),
        id: header.shipmentId,
        exporter: header.exporter,
        consigneeCountry: header.consigneeCountry,
        reference: header.reference,
        sealedAt: header.sealedAt,
        itemCount: header.itemCount,
        complete: manifest.complete,
        kid: manifest.key.kid,
        revokedItems: revoked,
      },
      ...(membership ? { membership } : {}),
      bundle: bundleSummary(bundle, stale),
    });
  } else {
    if (!valid) say(`✗ NOT VALID — the manifest was signed with key ${manifest.key.kid} after that key was reported compromised`);
    else if (membership) {
      say(
        membership.belongs
          ? `✓ IN THIS SHIPMENT — the certificate is ${membership.message}, as the registry signed it (verified offline)`
          : `✗ NOT IN THIS SHIPMENT — ${membership.message}`,
      );
    } else {
      say(
        manifest.complete
          ? `✓ GENUINE SHIPMENT MANIFEST — signed by the registry; its ${header.itemCount} items make the signed Merkle root (verified offline)`
          : `✓ GENUINE SHIPMENT MANIFEST — signed by the registry; ${manifest.items.length} of its ${header.itemCount} items are in this file, each with a proof (verified offline)`,
      );
    }
    const rows: [string, string][] = [
      ["Shipment", header.shipmentId],
      ["Exporter", header.exporter],
      ["Consignee", `in ${header.consigneeCountry}`],
      ["Reference", header.reference ?? "none"],
      ["Sealed", instant(header.sealedAt)],
      ["Items", String(header.itemCount)],
      ["Signed by", `key ${manifest.key.kid}${key ? ` (${key.state})` : ""}`],
    ];
    say(...rows.map(([label, value]) => `  ${label.padEnd(13)} ${value}`));
    if (membership?.verdict) {
      say(`  Certificate: ${headline(membership.verdict)}`);
      if (membership.verdict.certificate) say(...describe(membership.verdict.certificate).map((line) => `  ${line}`));
    } else if (!membership) {
      for (const r of revoked) say(`  ✗ item ${r.index + 1}, certificate ${r.certificate}: REVOKED — ${REVOCATION_WORDS[r.reason]} (revoked on ${day(r.revokedAt)})`);
      say(revoked.length === 0 ? `  No item is revoked in your trust bundle.` : `  ${revoked.length} of ${header.itemCount} items were revoked since the shipment was sealed.`);
    }
    say(bundleLine);
  }
  if (!valid) return EXIT.notGenuine;
  if (membership) return membership.belongs && membership.verdict?.status === "genuine" ? EXIT.genuine : EXIT.notGenuine;
  return revoked.length === 0 ? EXIT.genuine : EXIT.notGenuine;
}

function bundleSummary(bundle: OpenedTrustBundle, stale: boolean) {
  const { content } = bundle;
  return { issuer: content.issuer, sequence: content.sequence, issuedAt: content.issuedAt, staleAfter: content.staleAfter, stale, signer: bundle.signer.kid };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      const [first = "", ...rest] = error.lines;
      warn(`asli-verify: ${first}`, ...rest);
      process.exitCode = error.exitCode;
    } else {
      warn(`asli-verify: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT.usage;
    }
  },
);
