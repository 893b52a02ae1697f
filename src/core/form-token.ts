// The report form's ticket: proof that a submission comes from a form this service handed out,
// recently, for this certificate, and a nonce that lets it be used once. It is not a secret: it
// is a signature by the service's own signing key under a context of its own, so it can never be
// taken for a certificate or a trust bundle (those have ASLI-CERT-V1 and ASLI-BUNDLE-V1), and no
// key leaves the server. It carries nothing about the person: a time, a random nonce, and what
// it is bound to (a certificate's serial, or nothing) is covered by the signature, not stored in it.
//
//   ticket    = base64url( version (1 byte, 1) || issuedAt (uint32, big-endian, unix seconds) || nonce (16 bytes) || signature (64 bytes) )
//   signed    = "ASLI-REPORT-FORM-V1" || 0x00 || version || issuedAt || nonce || UTF-8 of the binding
import { concatBytes, fromBase64url, randomBytes, toBase64url, toHex, utf8 } from "./bytes.js";
import type { SigningKey, VerificationKey } from "./keys.js";
import { webCryptoSign, webCryptoVerify } from "./signature.js";

export const FORM_TICKET_CONTEXT_V1 = utf8("ASLI-REPORT-FORM-V1\0");
const VERSION_1 = 1;
const NONCE_BYTES = 16;
const SIGNATURE_BYTES = 64;
const TICKET_BYTES = 1 + 4 + NONCE_BYTES + SIGNATURE_BYTES;
/** The ticket's length in base64url characters. */
export const FORM_TICKET_LENGTH = Math.ceil((TICKET_BYTES * 8) / 6);

export interface FormTicket {
  issuedAt: number;
  /** Hex: what the once-only check records. */
  nonce: string;
}

function signedPart(issuedAt: number, nonce: Uint8Array): Uint8Array {
  const head = new Uint8Array(5);
  head[0] = VERSION_1;
  new DataView(head.buffer).setUint32(1, issuedAt);
  return concatBytes(head, nonce);
}

const message = (part: Uint8Array, binding: string) => concatBytes(FORM_TICKET_CONTEXT_V1, part, utf8(binding));

/** A fresh ticket for a form bound to `binding` (a serial, or "" for a form about no certificate). */
export async function issueFormTicket(key: SigningKey, binding: string, issuedAt: number): Promise<string> {
  const part = signedPart(issuedAt, randomBytes(NONCE_BYTES));
  const signature = await webCryptoSign(key, message(part, binding));
  return toBase64url(concatBytes(part, signature));
}

/**
 * The ticket's time and nonce when its signature by `key` covers exactly this binding; null for
 * anything else (another binding, a changed byte, another key, a string that is not a ticket).
 * Whether it is still recent, or used already, is the caller's to decide.
 */
export async function readFormTicket(key: VerificationKey, ticket: string, binding: string): Promise<FormTicket | null> {
  if (ticket.length !== FORM_TICKET_LENGTH) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64url(ticket);
  } catch {
    return null;
  }
  if (bytes.length !== TICKET_BYTES || bytes[0] !== VERSION_1) return null;
  const part = bytes.subarray(0, 5 + NONCE_BYTES);
  if (!(await webCryptoVerify(key, bytes.subarray(5 + NONCE_BYTES), message(part, binding)))) return null;
  return { issuedAt: new DataView(bytes.buffer, bytes.byteOffset).getUint32(1), nonce: toHex(part.subarray(5)) };
}
