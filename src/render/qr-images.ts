// The QR images the app draws itself: a verify URL's QR as SVG or PNG, an invitation link's QR,
// and the SVG tag. They need the QR encoder (qrcode, about 25 KiB minified), which no scan
// needs: a plain import on Node, a module of its own on Workers (worker-modules/qr-images.js),
// loaded on the first request that draws one (deps.loadQrImages).
export { qrPng, qrSvg } from "../core/qr.js";
export { tagSvg } from "./svg.js";
