// Ed25519 as docs/certificate-format.md §4.1 says an Asli verifier must accept it: rule 1 (the public
// key is a canonical encoding of a point of prime order) checked here with BigInt arithmetic, once per
// key; rule 2 (S < L) checked here; rule 3 (the cofactorless equation, R compared byte for byte) left
// to node:crypto (OpenSSL), which the document's table says implements it.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

const P = 2n ** 255n - 19n;
export const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const mod = (a: bigint) => ((a % P) + P) % P;
const pow = (b: bigint, e: bigint) => {
  let r = 1n;
  b = mod(b);
  while (e > 0n) {
    if (e & 1n) r = (r * b) % P;
    b = (b * b) % P;
    e >>= 1n;
  }
  return r;
};
const inv = (a: bigint) => pow(a, P - 2n);
const D = mod(-121665n * inv(121666n));
const SQRT_M1 = pow(2n, (P - 1n) / 4n);

type Point = [bigint, bigint, bigint, bigint]; // extended coordinates X, Y, Z, T
const IDENTITY: Point = [0n, 1n, 1n, 0n];

function add(p: Point, q: Point): Point {
  const [x1, y1, z1, t1] = p;
  const [x2, y2, z2, t2] = q;
  const a = mod((y1 - x1) * (y2 - x2));
  const b = mod((y1 + x1) * (y2 + x2));
  const c = mod(t1 * 2n * D * t2);
  const d = mod(z1 * 2n * z2);
  const e = b - a, f = d - c, g = d + c, h = b + a;
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}

function multiply(p: Point, k: bigint): Point {
  let r = IDENTITY;
  let q = p;
  while (k > 0n) {
    if (k & 1n) r = add(r, q);
    q = add(q, q);
    k >>= 1n;
  }
  return r;
}

const isIdentity = ([x, y, z]: Point) => mod(x) === 0n && mod(y - z) === 0n;

export const littleEndian = (bytes: Uint8Array): bigint => {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
};

/** RFC 8032 §5.1.3 decoding, refusing y ≥ p and "negative zero". */
function decodePoint(bytes: Uint8Array): Point | null {
  if (bytes.length !== 32) return null;
  const n = littleEndian(bytes);
  const sign = n >> 255n;
  const y = n & ((1n << 255n) - 1n);
  if (y >= P) return null;
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * pow(v, 3n) * pow(u * pow(v, 7n), (P - 5n) / 8n));
  const vx2 = mod(v * x * x);
  if (vx2 === u) {
    // x is a square root
  } else if (vx2 === mod(-u)) {
    x = mod(x * SQRT_M1);
  } else {
    return null; // not on the curve
  }
  if (x === 0n && sign === 1n) return null;
  if ((x & 1n) !== sign) x = P - x;
  return [x, y, 1n, mod(x * y)];
}

/** Rule 1 of §4.1: canonical encoding of a point of prime order L. */
export function isPrimeOrderKey(publicKey: Uint8Array): boolean {
  const point = decodePoint(publicKey);
  if (!point || isIdentity(point)) return false;
  return isIdentity(multiply(point, L));
}

const keyObjects = new Map<string, KeyObject>();
function keyObject(publicKey: Uint8Array): KeyObject {
  const x = Buffer.from(publicKey).toString("base64url");
  let key = keyObjects.get(x);
  if (!key) {
    key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
    keyObjects.set(x, key);
  }
  return key;
}

/** node:crypto alone (the `openssl` column of the document's table). */
export function opensslVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    return verify(null, message, keyObject(publicKey), signature);
  } catch {
    return false;
  }
}

/** Rules 2 and 3, for a key that rule 1 already admitted. */
export function verifyWithTrustedKey(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  if (littleEndian(signature.subarray(32)) >= L) return false;
  return opensslVerify(publicKey, message, signature);
}

/** All three rules: what an Asli verifier accepts (the `asli` column). */
export function asliVerify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  return isPrimeOrderKey(publicKey) && verifyWithTrustedKey(publicKey, message, signature);
}

const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
}

export function publicKeyFromSeed(seed: Uint8Array): Buffer {
  const jwk = createPublicKey(privateKeyFromSeed(seed)).export({ format: "jwk" });
  return Buffer.from(jwk.x!, "base64url");
}

export function signWithSeed(seed: Uint8Array, message: Uint8Array): Buffer {
  return sign(null, message, privateKeyFromSeed(seed));
}
