// The console's tag scanner: built from src/pages/console/client/scanner.ts (with jsQR) by
// scripts/build-assets.ts into src/generated/ (not committed), served from our own origin. Only
// the shipment page links it, with its content hash, so it may be cached for long. The script
// itself comes through AppDeps.loadScannerScript: on Workers a module of its own, so that the
// module every scan loads does not carry jsQR.
import { SCANNER_SCRIPT_VERSION } from "../../generated/scanner-version.js";

export const SCANNER_SCRIPT_ROUTE = "/assets/scanner.js";
export const SCANNER_SCRIPT_PATH = `${SCANNER_SCRIPT_ROUTE}?v=${SCANNER_SCRIPT_VERSION}`;
