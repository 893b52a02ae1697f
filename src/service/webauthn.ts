// What the passkey ceremonies need around @simplewebauthn/server: the relying party (RP ID
// from BASE_URL's host, origin from BASE_URL's origin), the shapes of the browser's answers,
// and the library itself, which the runtime injects (AppDeps.webauthn): it weighs about 85 KiB
// gzipped, so on Workers it is a separate module loaded on the first ceremony, never by a scan.
import type * as SimpleWebAuthn from "@simplewebauthn/server";
import * as z from "zod";
import { fromBase64url, fromUtf8 } from "../core/bytes.js";
import { text } from "./text.js";

export type WebAuthnServer = Pick<
  typeof SimpleWebAuthn,
  "generateRegistrationOptions" | "verifyRegistrationResponse" | "generateAuthenticationOptions" | "verifyAuthenticationResponse"
>;
export type LoadWebAuthn = () => Promise<WebAuthnServer>;

export interface RelyingParty {
  /** The RP ID: BASE_URL's host name. Passkeys are bound to it for good. */
  id: string;
  /** BASE_URL's origin: every ceremony must have happened there. */
  origin: string;
  name: string;
}

export function relyingParty(baseUrl: string): RelyingParty {
  const url = new URL(baseUrl);
  return { id: url.hostname, origin: url.origin, name: "Asli" };
}

/** A ceremony must finish within this long of its options being issued. */
export const CHALLENGE_TTL_SECONDS = 300;

const base64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/, "base64url");
const TRANSPORTS = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;

// Loose objects: browsers add members over time (authenticatorAttachment, publicKey, …), and the
// library reads what it knows. The body limit bounds the rest.
const credentialBase = {
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.looseObject({}),
};

export const registrationResponse = z.looseObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: base64url(4000),
    attestationObject: base64url(40_000),
    authenticatorData: base64url(40_000).optional(),
    transports: z.array(z.string().max(20)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(4000).optional(),
  }),
});

export const authenticationResponse = z.looseObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: base64url(4000),
    authenticatorData: base64url(4000),
    signature: base64url(2000),
    userHandle: base64url(200).optional(),
  }),
});

/** A device name the person may give a new passkey ("Priya's phone"). */
export const passkeyLabel = text(60);

export const enrolmentBody = z.object({ response: registrationResponse, label: passkeyLabel.optional() }).strict();
export const signInBody = z.object({ response: authenticationResponse }).strict();

export type RegistrationResponse = z.output<typeof registrationResponse>;
export type AuthenticationResponse = z.output<typeof authenticationResponse>;

/** The challenge a browser says it answered (clientDataJSON.challenge), or null when there is none to read. */
export function challengeFromClientData(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(fromUtf8(fromBase64url(clientDataJSON)));
    if (typeof data !== "object" || data === null) return null;
    const challenge = (data as { challenge?: unknown }).challenge;
    return typeof challenge === "string" && /^[A-Za-z0-9_-]{16,128}$/.test(challenge) ? challenge : null;
  } catch {
    return null;
  }
}

/** The transports a browser reported, kept only when they are ones WebAuthn defines. */
export function knownTransports(reported: readonly string[] | undefined): (typeof TRANSPORTS)[number][] {
  return (reported ?? []).filter((t): t is (typeof TRANSPORTS)[number] => (TRANSPORTS as readonly string[]).includes(t));
}
