// The console's passkey script: built from src/pages/console/client/passkeys.ts by
// scripts/build-assets.ts into src/generated/ (not committed), served from our own origin.
// The page links it with its content hash, so it may be cached for long.
import { CONSOLE_SCRIPT, CONSOLE_SCRIPT_VERSION } from "../../generated/console-script.js";

export { CONSOLE_SCRIPT };
export const CONSOLE_SCRIPT_ROUTE = "/assets/console.js";
export const CONSOLE_SCRIPT_PATH = `${CONSOLE_SCRIPT_ROUTE}?v=${CONSOLE_SCRIPT_VERSION}`;
