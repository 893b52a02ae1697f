// Workers: @simplewebauthn/server as a separate module (src/runtime/generated/webauthn-server.mjs, built
// by scripts/build-assets.ts and uploaded by wrangler as an additional module, see wrangler.toml),
// loaded on the first passkey ceremony of an isolate. A scan never loads it, so the module
// every scan loads stays within its size budget (scripts/check-bundle.ts).
import type { LoadWebAuthn } from "../service/webauthn.js";

export const loadWebAuthnModule: LoadWebAuthn = () => import("./generated/webauthn-server.mjs");
