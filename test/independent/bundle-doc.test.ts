// docs/trust-bundle.md, checked with a reader written from that document alone
// (test/independent/lib/bundle.ts): every vector of §5, §6.1 and §7, the envelope and signature
// rules (§2, §3, §5 steps 1–3 and 5), the update rules (§6), and the optional members of §10.
import { describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { block, hexBlock, jsonBlock, readDoc } from "./lib/doc-blocks";
import { publicKeyFromSeed, signWithSeed } from "./lib/ed25519";
import { base32Decode } from "./lib/encoding";
import {
  BUNDLE_CONTEXT, acceptUpdate, openBundle, sameIssuer, verifyOffline, verifyProofWithBundle, writeBundle, type OpenedBundle,
} from "./lib/bundle";
import { SIG_COSIGNATURE_V1, cosignedMessage, leafHash, nodeHash, parseNote, verifierKey } from "./lib/tlog";

const doc = readDoc("trust-bundle.md");
const certDoc = readDoc("certificate-format.md");
const logDoc = readDoc("transparency-log.md");

const TEST1 = hexBlock(certDoc, "private-key");
// RFC 8032 §7.1 TEST 2's secret key, which trust-bundle.md §7 names as "TEST 2" (kid FtIu-…).
const TEST2 = Buffer.from("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "hex");
const SIGNERS: Record<string, Buffer> = { "TEST 2": TEST2 };
const token = block(certDoc, "token");
const example = () => jsonBlock<Record<string, unknown>>(doc, "content");

type Path = (string | number)[];
interface Change { set?: [Path, unknown][]; append?: [Path, unknown][]; signer?: string }

function at(root: unknown, path: Path): { parent: Record<string | number, unknown>; key: string | number } {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  return { parent: node, key: path[path.length - 1]! };
}

/** §5: "each set puts a value at a path …, each append adds an entry to the array at a path"; a null set removes. */
function changed(change: Change): Record<string, unknown> {
  const content = example();
  for (const [path, value] of change.set ?? []) {
    const { parent, key } = at(content, path);
    if (value === null) delete parent[key];
    else parent[key] = value;
  }
  for (const [path, value] of change.append ?? []) {
    const { parent, key } = at(content, path);
    (parent[key] as unknown[]).push(value);
  }
  return content;
}

const open = (content: unknown, seed: Buffer = TEST1) => openBundle(writeBundle(content, seed));
const opened = (content: unknown, seed: Buffer = TEST1): OpenedBundle => {
  const result = open(content, seed);
  if (!result.ok) throw new Error(`${result.error}: ${result.detail}`);
  return result.bundle;
};
const outcome = (content: unknown, seed?: Buffer) => {
  const r = open(content, seed);
  return r.ok ? "opened" : r.error;
};

describe("trust-bundle.md §2, §3, §5 steps 1–3 and 5: the envelope", () => {
  it("writes and opens the example, signed over context, header and compressed body", () => {
    const file = writeBundle(example(), TEST1);
    expect(file.subarray(0, 7).toString("latin1")).toBe("ASLITB\u0001");
    expect(file.length).toBe(43 + file.readUInt32BE(39) + 64);
    expect(BUNDLE_CONTEXT.toString("hex")).toBe("41534c492d42554e444c452d563100");
    const bundle = openBundle(file);
    expect(bundle.ok).toBe(true);
  });

  it("refuses a short file, another magic, another envelope version, a wrong length", () => {
    const file = writeBundle(example(), TEST1);
    expect(openBundle(file.subarray(0, 106)).ok).toBe(false);
    const magic = Buffer.from(file);
    magic[0] = 0x42;
    expect(openBundle(magic)).toMatchObject({ ok: false, error: "bundle-malformed" });
    const version = Buffer.from(file);
    version[6] = 2;
    expect(openBundle(version)).toMatchObject({ ok: false, error: "bundle-unsupported-version" });
    expect(openBundle(Buffer.concat([file, Buffer.from([0])]))).toMatchObject({ ok: false, error: "bundle-malformed" });
  });

  it("refuses any changed byte of header, body or signature before decompressing", () => {
    const file = writeBundle(example(), TEST1);
    for (const i of [7, 39, 43, 50, file.length - 70, file.length - 1]) {
      const b = Buffer.from(file);
      b[i]! ^= 1;
      expect(openBundle(b).ok).toBe(false);
    }
    const body = Buffer.from(file);
    body[45]! ^= 1;
    expect(openBundle(body)).toMatchObject({ ok: false, error: "bundle-bad-signature" });
  });

  it("refuses a signer the bundle does not list as active or retired (step 5)", () => {
    expect(outcome(example(), TEST2)).toBe("bundle-unknown-signer");
  });

  it("refuses a body that decompresses past 64 MiB", () => {
    const body = gzipSync(Buffer.alloc(64 * 1024 * 1024 + 1, 0x20));
    const header = Buffer.from(writeBundle(example(), TEST1).subarray(0, 43));
    header.writeUInt32BE(body.length, 39);
    const signed = Buffer.concat([header, body]);
    const file = Buffer.concat([signed, signWithSeed(TEST1, Buffer.concat([BUNDLE_CONTEXT, signed]))]);
    expect(openBundle(file)).toMatchObject({ ok: false, error: "bundle-malformed" });
  });
});

describe("trust-bundle.md §5: the content vectors", () => {
  const cases = jsonBlock<(Change & { case: string; expect: string })[]>(doc, "bundle-content");
  it.each(cases)("$case: $expect", (c) => {
    expect(outcome(changed(c), c.signer ? SIGNERS[c.signer] : TEST1)).toBe(c.expect);
  });
});

describe("trust-bundle.md §6.1: the issuer's origin", () => {
  const cases = jsonBlock<{ given: string; issuer: string; same: boolean }[]>(doc, "issuer-origins");
  it.each(cases)("$given and $issuer: same $same", ({ given, issuer, same }) => {
    expect(sameIssuer(given, issuer)).toBe(same);
  });
});

describe("trust-bundle.md §6: which bundle to trust", () => {
  const held = opened(example());
  const next = (change: Record<string, unknown>, seed: Buffer = TEST1) => opened({ ...example(), ...change }, seed);
  it("accepts a fresh copy and a later sequence; refuses rollback, older copies, another issuer", () => {
    expect(acceptUpdate(held, next({ issuedAt: 1772359300, staleAfter: 1772964100 }), "https://asli.example")).toBeNull();
    expect(acceptUpdate(held, next({ sequence: 43 }), "https://asli.example/.well-known/asli-trust-bundle")).toBeNull();
    expect(acceptUpdate(held, next({ sequence: 41 }), "https://asli.example")).toBe("rollback");
    expect(acceptUpdate(held, next({ issuedAt: 1772359199 }), "https://asli.example")).toBe("older");
    expect(acceptUpdate(held, next({ issuer: "https://other.example" }), "https://other.example")).toBe("another issuer");
    expect(acceptUpdate(held, next({}), "https://other.example")).toBe("fetched from another issuer");
  });

  it("refuses a signer the held bundle does not know, unless the user names its kid", () => {
    const rotated = changed({
      set: [[["keys", 0, "state"], "retired"], [["keys", 0, "retiredAt"], 1772359300]],
      append: [[["keys"], { kid: "FtIu-VbGrfe_KB6CH7GNwODB72MNxj_ml11dEvO-7kk", x: "PUAXw-hDiVqStwqnTRt-vJyYLM8uxJaMwM1V8Sr0Zgw", state: "active", notBefore: 1772359300, retiredAt: null, revokedAt: null, compromisedAt: null }]],
    });
    const bundle = opened({ ...rotated, sequence: 43 }, TEST2);
    expect(acceptUpdate(held, bundle, "https://asli.example")).toBe("unknown signer");
    expect(acceptUpdate(held, bundle, "https://asli.example", "FtIu-VbGrfe_KB6CH7GNwODB72MNxj_ml11dEvO-7kk")).toBeNull();
    // After it is held, the retired TEST 1 key may still sign (a known signer).
    expect(acceptUpdate(bundle, opened({ ...rotated, sequence: 44 }, TEST1), "https://asli.example")).toBeNull();
  });
});

describe("trust-bundle.md §7: offline verdicts on the token spec's example", () => {
  const cases = jsonBlock<(Change & { case: string; expect: { status: string; giTag?: number | null; reason?: string } })[]>(doc, "offline-verdicts");
  it.each(cases)("$case", (c) => {
    const verdict = verifyOffline(opened(changed(c), c.signer ? SIGNERS[c.signer] : TEST1), token);
    expect({ status: verdict.status, ...(verdict.reason ? { reason: verdict.reason } : { giTag: verdict.giTag }) }).toEqual(c.expect);
  });

  it("resolves the names through the bundle (artisan ids gap-encoded)", () => {
    const bundle = opened(example());
    expect([...bundle.artisans.keys()]).toEqual([1, 4, 42]);
    expect(verifyOffline(bundle, token).names).toEqual({
      district: "Varanasi", product: "Banarasi Silk Saree", giTag: "Banaras Brocades and Sarees",
      artisan: "Ramesh Kumar", seller: "Kashi Handloom Cooperative",
    });
    const revoked = verifyOffline(opened(changed({ append: [[["revoked"], ["AEBAGBAFAYDQQ", "stolen", 1772360000]]] })), token);
    expect(revoked.revocation).toEqual({ reason: "stolen", revokedAt: 1772360000 });
  });

  it("reports the token spec's reasons", () => {
    const bundle = opened(example());
    expect(verifyOffline(bundle, token.toLowerCase())).toMatchObject({ status: "invalid", reason: "malformed" });
    expect(verifyOffline(bundle, `${token.slice(0, 60)}${token[60] === "A" ? "B" : "A"}${token.slice(61)}`)).toMatchObject({ status: "invalid", reason: "bad-signature" });
    expect(verifyOffline(opened(example(), TEST1), block(certDoc, "token-torsion-r"))).toMatchObject({ status: "invalid", reason: "bad-signature" });
  });
});

// §10 has no labelled example; this one is put together from transparency-log.md §12 (the log's and
// witness's keys and the cosigned checkpoint of its tree of three).
describe("trust-bundle.md §10: the log member and monthly capacities", () => {
  const text = (name: string) => block(logDoc, name);
  const cosigned = `${text("checkpoint")}\n${text("cosignature")}\n`;
  const log = (change: Record<string, unknown> = {}) => ({
    version: 1, origin: text("log-origin"), url: "https://asli.example/log/", key: text("log-vkey"),
    witnesses: [text("witness-vkey")], quorum: 1, checkpoint: cosigned, ...change,
  });
  const withLog = (change?: Record<string, unknown>) => ({ ...example(), log: log(change) });
  const entries = text("entries").split("\n").map((t) => base32Decode(t, 91)!);
  const proof = `${text("inclusion-proof")}\n`;

  it("opens a bundle with the log, and checks a tlog-proof offline against it", () => {
    const bundle = opened(withLog());
    expect(bundle.log?.checkpoint?.size).toBe(3);
    expect(verifyProofWithBundle(bundle, proof, entries[0]!)).toEqual({ index: 0, size: 3 });
    expect(() => verifyProofWithBundle(bundle, proof, entries[1]!)).toThrow(/inclusion/);
    expect(() => verifyProofWithBundle(opened(withLog({ quorum: 0, witnesses: [], checkpoint: null })), proof, entries[0]!)).not.toThrow();
    // A second witness required: the proof's single cosignature no longer makes the quorum.
    const second = verifierKey("other.example/w2", SIG_COSIGNATURE_V1, publicKeyFromSeed(Buffer.alloc(32, 7)));
    const stricter = opened(withLog({ witnesses: [text("witness-vkey"), second], quorum: 2 }));
    expect(() => verifyProofWithBundle(stricter, proof, entries[0]!)).toThrow(/quorum/);
  });

  it("refuses a proof of another tree of the bundle checkpoint's size (a split view)", () => {
    const logSeed = hexBlock(logDoc, "log-seed");
    const witnessSeed = hexBlock(logDoc, "witness-seed");
    const leaves = [entries[1]!, entries[0]!, entries[2]!].map(leafHash);
    const root = nodeHash(nodeHash(leaves[0]!, leaves[1]!), leaves[2]!);
    const body = `${text("log-origin")}\n3\n${root.toString("base64")}\n`;
    const sig = Buffer.concat([hexBlock(logDoc, "log-key-id"), signWithSeed(logSeed, Buffer.from(body))]);
    const ts = Buffer.alloc(8);
    ts.writeBigUInt64BE(1772359300n);
    const cosig = Buffer.concat([hexBlock(logDoc, "witness-key-id"), ts, signWithSeed(witnessSeed, cosignedMessage(body, 1772359300n))]);
    const note = `${body}\n\u2014 ${text("log-origin")} ${sig.toString("base64")}\n\u2014 ${text("witness-name")} ${cosig.toString("base64")}\n`;
    const forked = `c2sp.org/tlog-proof@v1\nindex 0\n${leaves[1]!.toString("base64")}\n${leaves[2]!.toString("base64")}\n\n${note}`;
    expect(parseNote(note).signatures).toHaveLength(2);
    // Without the bundle's checkpoint it verifies (both signatures are real) …
    expect(verifyProofWithBundle(opened(withLog({ checkpoint: null })), forked, entries[1]!)).toEqual({ index: 0, size: 3 });
    // … with it, the roots differ.
    expect(() => verifyProofWithBundle(opened(withLog()), forked, entries[1]!)).toThrow(/another root/);
  });

  it("ignores a log member of another version, whatever it holds", () => {
    expect(opened({ ...example(), log: { version: 2, anything: [1, 2] } }).log).toBeNull();
    expect(opened(example()).log).toBeNull();
  });

  it.each([
    ["a key of the cosignature type", { key: text("witness-vkey").replace("witness.example/w1", "asli.example/log") }],
    ["a key id that is not derived", { key: text("log-vkey").replace("3cdba27f", "3cdba27e") }],
    ["a key named other than the origin", { origin: "other.example/log" }],
    ["a witness key of the Ed25519 note type", { witnesses: [text("log-vkey")] }],
    ["a witness listed twice", { witnesses: [text("witness-vkey"), text("witness-vkey")] }],
    ["a quorum above the witnesses", { quorum: 2 }],
    ["a fractional quorum", { quorum: 0.5 }],
    ["a checkpoint not signed by the log", { checkpoint: cosigned.replace("\n3\n", "\n4\n") }],
    ["a checkpoint that is not a note", { checkpoint: "hello" }],
    ["a url that is not a URL", { url: "asli.example/log/" }],
    ["witnesses that are not an array", { witnesses: text("witness-vkey") }],
    ["a member missing", { url: undefined }],
  ])("refuses %s", (_, change) => {
    const content = withLog(change);
    expect(outcome(JSON.parse(JSON.stringify(content)))).toBe("bundle-malformed");
  });

  it("reads monthlyCapacities, and refuses malformed ones", () => {
    const caps = (monthlyCapacities: unknown) => ({ ...example(), monthlyCapacities });
    expect(opened(caps([[12, 20], [57, 40]])).monthlyCapacities).toEqual(new Map([[12, 20], [57, 40]]));
    expect(opened(example()).monthlyCapacities).toBeNull();
    for (const bad of [[[12, 0]], [[12, 20, 1]], [["12", 20]], [[12, 2.5]], [[57, 40], [12, 20]], { 12: 20 }])
      expect(outcome(caps(bad))).toBe("bundle-malformed");
  });
});
