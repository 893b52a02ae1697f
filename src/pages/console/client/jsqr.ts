// jsQR as the tag scanner (scanner.ts) loads it, in browsers without a BarcodeDetector for QR
// codes: scripts/build-assets.ts bundles this into /assets/jsqr.js, apart from the scanner, so
// that phones that have one never fetch it.
import jsQR from "jsqr";

(globalThis as { asliJsQR?: typeof jsQR }).asliJsQR = jsQR;
