// A software passkey authenticator for API tests on both runtimes, where no browser runs: it
// speaks WebAuthn exactly as a platform authenticator does (ES256 key, "none" attestation, a
// discoverable credential with its user handle, a signature counter), so that the server's real
// verification (@simplewebauthn/server) checks real signatures. The browser tests use
// Chromium's DevTools virtual authenticator instead (test/node/console-browser.test.ts).
import { concatBytes, randomBytes, sha256, toBase64url, utf8 } from "../../src/core/bytes.js";

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor>;

/** The subset of CBOR (RFC 8949) that attestation objects and COSE keys use. */
function cbor(value: Cbor): Uint8Array {
  const head = (major: number, n: number) => {
    if (n < 24) return Uint8Array.of((major << 5) | n);
    if (n < 0x100) return Uint8Array.of((major << 5) | 24, n);
    if (n < 0x10000) return Uint8Array.of((major << 5) | 25, n >> 8, n & 0xff);
    return Uint8Array.of((major << 5) | 26, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  };
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = utf8(value);
    return concatBytes(head(3, bytes.length), bytes);
  }
  if (value instanceof Uint8Array) return concatBytes(head(2, value.length), value);
  if (Array.isArray(value)) return concatBytes(head(4, value.length), ...value.map(cbor));
  return concatBytes(head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)]));
}

/** WebCrypto's ECDSA signature (r || s) as the DER SEQUENCE that WebAuthn carries. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const trimmed = bytes.slice(i);
    const value = trimmed[0]! & 0x80 ? concatBytes(Uint8Array.of(0), trimmed) : trimmed;
    return concatBytes(Uint8Array.of(0x02, value.length), value);
  };
  const body = concatBytes(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concatBytes(Uint8Array.of(0x30, body.length), body);
}

interface Credential {
  id: Uint8Array;
  rpId: string;
  userHandle: string;
  keys: CryptoKeyPair;
  counter: number;
}

export class SoftwareAuthenticator {
  private readonly credentials: Credential[] = [];

  constructor(private readonly origin: string) {}

  get credentialIds(): string[] {
    return this.credentials.map((c) => toBase64url(c.id));
  }

  /** Answers navigator.credentials.create() for the server's registration options. */
  async register(options: any, overrides: { origin?: string; challenge?: string } = {}) {
    const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const raw = new Uint8Array((await crypto.subtle.exportKey("raw", keys.publicKey)) as ArrayBuffer);
    const credential: Credential = { id: randomBytes(16), rpId: options.rp.id, userHandle: options.user.id, keys, counter: 0 };
    const cose = cbor(new Map<number, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, raw.slice(1, 33)], [-3, raw.slice(33)]]));
    const authData = concatBytes(
      await sha256(utf8(credential.rpId)),
      Uint8Array.of(0x45), // user present, user verified, attested credential data
      Uint8Array.of(0, 0, 0, 0),
      new Uint8Array(16), // AAGUID
      Uint8Array.of(credential.id.length >> 8, credential.id.length & 0xff),
      credential.id,
      cose,
    );
    const clientData = { type: "webauthn.create", challenge: overrides.challenge ?? options.challenge, origin: overrides.origin ?? this.origin, crossOrigin: false };
    this.credentials.push(credential);
    return {
      id: toBase64url(credential.id),
      rawId: toBase64url(credential.id),
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: toBase64url(utf8(JSON.stringify(clientData))),
        attestationObject: toBase64url(cbor(new Map<string, Cbor>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]]))),
        transports: ["internal"],
      },
    };
  }

  /** Answers navigator.credentials.get() with its (first, or named) discoverable credential. */
  async authenticate(options: any, which?: string, overrides: { origin?: string } = {}) {
    const credential = which ? this.credentials.find((c) => toBase64url(c.id) === which) : this.credentials[0];
    if (!credential) throw new Error("no credential");
    credential.counter += 1;
    const c = credential.counter;
    const authData = concatBytes(await sha256(utf8(options.rpId)), Uint8Array.of(0x05), Uint8Array.of(c >>> 24, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
    const clientDataJSON = utf8(JSON.stringify({ type: "webauthn.get", challenge: options.challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }));
    const signed = concatBytes(authData, await sha256(clientDataJSON));
    const signature = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, credential.keys.privateKey, signed as Uint8Array<ArrayBuffer>));
    return {
      id: toBase64url(credential.id),
      rawId: toBase64url(credential.id),
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: toBase64url(clientDataJSON),
        authenticatorData: toBase64url(authData),
        signature: toBase64url(derSignature(signature)),
        userHandle: credential.userHandle,
      },
    };
  }
}

