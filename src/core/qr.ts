// QR rendering for verify URLs: error-correction level M, a 4-module quiet zone.
import QRCode from "qrcode";
import { encodeBilevelPng } from "./png.js";

export const QUIET_ZONE = 4;

export interface QrMatrix {
  version: number;
  size: number;
  dark(x: number, y: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const { size, data } = qr.modules;
  return { version: qr.version, size, dark: (x, y) => data[y * size + x] === 1 };
}

export function qrSvg(text: string, moduleSize = 8): string {
  const matrix = qrMatrix(text);
  const side = (matrix.size + 2 * QUIET_ZONE) * moduleSize;
  let path = "";
  for (let y = 0; y < matrix.size; y++) {
    for (let x = 0; x < matrix.size; x++) {
      if (matrix.dark(x, y)) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }
  }
  const view = matrix.size + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox="0 0 ${view} ${view}" shape-rendering="crispEdges">` +
    `<rect width="${view}" height="${view}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

export function qrPng(text: string, moduleSize = 8): Uint8Array<ArrayBuffer> {
  const matrix = qrMatrix(text);
  const side = (matrix.size + 2 * QUIET_ZONE) * moduleSize;
  return encodeBilevelPng(side, side, (px, py) => {
    const x = Math.floor(px / moduleSize) - QUIET_ZONE;
    const y = Math.floor(py / moduleSize) - QUIET_ZONE;
    return x >= 0 && y >= 0 && x < matrix.size && y < matrix.size && matrix.dark(x, y);
  });
}
