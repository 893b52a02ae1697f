// The issuer's decentralised identifier (did:web) and the public-key forms a DID document
// lists: Multikey (multibase base58btc of the multicodec-tagged key) and JsonWebKey. Pure, so
// that the DID document, the credentials and the tests all derive the same strings.

/**
 * did:web of an origin (W3C did:web method, "Create"): the host, with a port percent-encoded
 * (`did:web:localhost%3A8787`). Only the origin counts: the service publishes its DID document
 * at `/.well-known/did.json`, so a path in BASE_URL would name a document it does not serve.
 */
export function didWeb(baseUrl: string): string {
  const { host } = new URL(baseUrl);
  return `did:web:${host.toLowerCase().replace(":", "%3A")}`;
}

/** The URL a did:web resolves to (the method's "Read"), for the DIDs didWeb makes. */
export function didWebDocumentUrl(did: string): string {
  const match = /^did:web:([^:/?#]+)$/.exec(did);
  if (!match) throw new TypeError("not a did:web of a bare host");
  return `https://${decodeURIComponent(match[1]!)}/.well-known/did.json`;
}

/**
 * Verification method ids, both derived from the key's RFC 7638 thumbprint (its `kid` in the
 * JWK Set), so that a verifier can go from either to the JWKS entry and back.
 */
export function jsonWebKeyMethodId(did: string, kid: string): string {
  return `${did}#${kid}`;
}

export function multikeyMethodId(did: string, kid: string): string {
  return `${did}#${kid}-multikey`;
}

// Multicodec "ed25519-pub" (0xed) as an unsigned varint: 0xed 0x01.
const ED25519_PUB_PREFIX = [0xed, 0x01];

/** An Ed25519 public key as Multikey's publicKeyMultibase: "z" + base58btc(0xed01 || key). */
export function ed25519Multibase(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new TypeError("an Ed25519 public key is 32 bytes");
  return `z${base58btc(Uint8Array.from([...ED25519_PUB_PREFIX, ...publicKey]))}`;
}

/** The inverse of ed25519Multibase; throws on anything else. */
export function ed25519FromMultibase(text: string): Uint8Array {
  if (!text.startsWith("z")) throw new TypeError("not base58btc multibase");
  const bytes = fromBase58btc(text.slice(1));
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB_PREFIX[0] || bytes[1] !== ED25519_PUB_PREFIX[1]) {
    throw new TypeError("not a multicodec ed25519-pub key");
  }
  return bytes.slice(2);
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58 with the Bitcoin alphabet: leading zero bytes become "1"s. */
export function base58btc(bytes: Uint8Array): string {
  const digits: number[] = [];
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! << 8;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let out = "";
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) out += "1";
  for (let i = digits.length - 1; i >= 0; i--) out += BASE58[digits[i]!];
  return out;
}

export function fromBase58btc(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    let carry = BASE58.indexOf(ch);
    if (carry < 0) throw new TypeError("invalid base58 character");
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < text.length && text[zeros] === "1") zeros++;
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}
