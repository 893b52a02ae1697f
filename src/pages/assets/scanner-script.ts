// The console's tag scanner: built from src/pages/console/client/scanner.ts (with jsQR) by
// scripts/build-assets.ts into src/generated/ (not committed), served from our own origin. Only
// the shipment page links it, with its content hash, so it may be cached for long.
import { SCANNER_SCRIPT, SCANNER_SCRIPT_VERSION } from "../../generated/scanner-script.js";

export { SCANNER_SCRIPT };
export const SCANNER_SCRIPT_ROUTE = "/assets/scanner.js";
export const SCANNER_SCRIPT_PATH = `${SCANNER_SCRIPT_ROUTE}?v=${SCANNER_SCRIPT_VERSION}`;
