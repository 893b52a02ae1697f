// The console's tag scanner: built from src/pages/console/client/scanner.ts by
// scripts/build-assets.ts into src/generated/ (not committed), served from our own origin. Only
// the shipment page links it, with its content hash, so it may be cached for long. jsQR is a
// script of its own, which the scanner fetches only when the browser cannot read QR codes
// itself; it comes through AppDeps.loadJsqrScript: on Workers a module of its own, so that the
// module every scan loads does not carry it.
import { JSQR_SCRIPT_VERSION, SCANNER_SCRIPT_VERSION } from "../../generated/scanner-version.js";

export { SCANNER_SCRIPT } from "../../generated/scanner-script.js";
export const SCANNER_SCRIPT_ROUTE = "/assets/scanner.js";
export const SCANNER_SCRIPT_PATH = `${SCANNER_SCRIPT_ROUTE}?v=${SCANNER_SCRIPT_VERSION}`;
/** jsQR, which the scanner loads only where the browser has no BarcodeDetector for QR codes. */
export const JSQR_SCRIPT_ROUTE = "/assets/jsqr.js";
export const JSQR_SCRIPT_PATH = `${JSQR_SCRIPT_ROUTE}?v=${JSQR_SCRIPT_VERSION}`;
