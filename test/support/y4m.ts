// A tiny YUV4MPEG2 writer, for Chromium's fake camera (--use-file-for-fake-video-capture=FILE.y4m
// plays the file's frames in a loop). One still frame: RGBA pixels laid onto a white frame of the
// given size, scaled down by averaging whole blocks, then BT.601 YUV with 4:2:0 chroma.
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The image scaled down to fit the frame (by whole factors), centred on white, as one y4m frame. */
export function stillY4m(image: Rgba, width = 640, height = 480): Uint8Array {
  if (width % 2 || height % 2) throw new Error("4:2:0 needs an even width and height");
  const factor = Math.max(1, Math.ceil(Math.max(image.width / width, image.height / height)));
  const w = Math.floor(image.width / factor);
  const h = Math.floor(image.height / factor);
  const left = Math.floor((width - w) / 2);
  const top = Math.floor((height - h) / 2);
  const rgb = new Float64Array(width * height * 3).fill(255);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sum = [0, 0, 0];
      for (let dy = 0; dy < factor; dy++) {
        for (let dx = 0; dx < factor; dx++) {
          const i = ((y * factor + dy) * image.width + (x * factor + dx)) * 4;
          const alpha = image.data[i + 3]! / 255;
          for (let c = 0; c < 3; c++) sum[c]! += image.data[i + c]! * alpha + 255 * (1 - alpha);
        }
      }
      const o = ((top + y) * width + (left + x)) * 3;
      for (let c = 0; c < 3; c++) rgb[o + c] = sum[c]! / (factor * factor);
    }
  }
  const yPlane = new Uint8Array(width * height);
  const uPlane = new Uint8Array((width / 2) * (height / 2));
  const vPlane = new Uint8Array((width / 2) * (height / 2));
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  for (let i = 0; i < width * height; i++) {
    const [r, g, b] = [rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!];
    yPlane[i] = clamp(16 + 0.257 * r + 0.504 * g + 0.098 * b);
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const i = ((y * 2 + dy) * width + (x * 2 + dx)) * 3;
        r += rgb[i]! / 4;
        g += rgb[i + 1]! / 4;
        b += rgb[i + 2]! / 4;
      }
      uPlane[y * (width / 2) + x] = clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      vPlane[y * (width / 2) + x] = clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  const header = new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  const out = new Uint8Array(header.length + yPlane.length + uPlane.length + vPlane.length);
  out.set(header, 0);
  out.set(yPlane, header.length);
  out.set(uPlane, header.length + yPlane.length);
  out.set(vPlane, header.length + yPlane.length + uPlane.length);
  return out;
}
