import type { Keyring, SigningKey } from "../core/keys.js";
import type { TagRenderers } from "../render/types.js";
import type { AsliDatabase } from "../store/database.js";
import type { LoadWebAuthn } from "../service/webauthn.js";

export interface AppDeps {
  db: AsliDatabase;
  /** Signs new certificates. */
  signingKey: SigningKey;
  /** Every public key whose certificates still verify. */
  keyring: Keyring;
  /** SHA-256 (hex) of the admin token from the environment, if one is configured there. */
  adminTokenHash?: string;
  /** Public origin that verify URLs and links point to, e.g. https://asli.example. */
  baseUrl: string;
  clock: () => Date;
  /**
   * PNG and PDF tags and label sheets (src/runtime/renderers.ts on Node). Too heavy for the
   * Workers bundle: where absent, those routes answer 501 not-available-on-this-runtime.
   */
  renderers?: TagRenderers;
  /**
   * Loads @simplewebauthn/server for the console's passkey ceremonies: the package on Node, a
   * separate module on Workers (src/runtime/webauthn-module.ts). Where absent, they answer 501.
   */
  webauthn?: LoadWebAuthn;
  /** How long a console sign-in link works (INVITATION_TTL_HOURS); 72 by default. */
  invitationTtlHours?: number;
}
