// The shipment page's tag scanner: reads the QR codes of Asli tags with the phone's camera, or
// from photos chosen on the device, and puts each verify URL it reads into the add-items form's
// own text box (one a line). Nothing is sent by the scanner: the person presses the form's
// button, and the form posts to the same route, and so the same service, as typed numbers do.
// Photos are read here, not uploaded: a photo of a tag stays on the phone, the service does no
// image work for it, and the camera and the photos share one decoder.
//
// Decoding: the browser's BarcodeDetector where it has one that reads QR codes (Android Chrome,
// Safari), else jsQR, which this script fetches then from data-jsqr (/assets/jsqr.js, about 45 KB
// gzipped), so that a phone that reads QR codes itself never downloads it. scripts/build-assets.ts
// builds both; the shipment page alone loads this one (/assets/scanner.js, about 2 KB gzipped).
//
// Markup (src/pages/console/shipments.tsx): a container [data-scanner] with data-origin (the
// service's origin), data-target (the id of the text box), data-max-bytes, data-max-pixels and
// its messages as data-msg-* attributes (the script has no words of its own); inside it
// [data-scanner-start], [data-scanner-stop], a <video data-scanner-video>, a status line
// [data-scanner-status], the list [data-scanner-list], the count [data-scanner-count] and the
// photo input [data-scanner-photos]. Parts the browser cannot use stay hidden.
import type jsQRType from "jsqr";
import { tagUrl } from "./tag-url.js";

type Messages = Record<string, string>;

interface Decoder {
  /** The texts of the QR codes in the image. */
  read(source: CanvasImageSource & { width?: number }, canvas: HTMLCanvasElement): Promise<string[]>;
}

function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

let jsqrLoading: Promise<typeof jsQRType> | undefined;

/** jsQR, fetched once from `src` (our own origin: the CSP allows script-src 'self'). */
function loadJsqr(src: string): Promise<typeof jsQRType> {
  jsqrLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => {
      const loaded = (globalThis as { asliJsQR?: typeof jsQRType }).asliJsQR;
      if (loaded) resolve(loaded);
      else reject(new Error("jsQR did not load"));
    };
    script.onerror = () => reject(new Error("jsQR did not load"));
    document.head.append(script);
  });
  jsqrLoading.catch(() => (jsqrLoading = undefined));
  return jsqrLoading;
}

/** Draws the image onto the canvas, its longer side at most `maxSide`, and reads it with jsQR. */
function jsqrDecoder(jsQR: typeof jsQRType, maxSide: number): Decoder {
  return {
    async read(source, canvas) {
      const width = (source as HTMLVideoElement).videoWidth || (source as ImageBitmap).width;
      const height = (source as HTMLVideoElement).videoHeight || (source as ImageBitmap).height;
      if (!width || !height) return [];
      const scale = Math.min(1, maxSide / Math.max(width, height));
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext("2d", { willReadFrequently: true })!;
      context.drawImage(source, 0, 0, canvas.width, canvas.height);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      const code = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: "dontInvert" });
      return code ? [code.data] : [];
    },
  };
}

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}

async function chooseDecoder(maxSide: number, jsqrSrc: string): Promise<Decoder> {
  const Detector = (globalThis as { BarcodeDetector?: { new (o: { formats: string[] }): BarcodeDetectorLike; getSupportedFormats?(): Promise<string[]> } }).BarcodeDetector;
  try {
    if (Detector && (await Detector.getSupportedFormats?.())?.includes("qr_code")) {
      const detector = new Detector({ formats: ["qr_code"] });
      return { read: async (source) => (await detector.detect(source)).map((code) => code.rawValue) };
    }
  } catch {
    // A detector that cannot start: jsQR reads instead.
  }
  return jsqrDecoder(await loadJsqr(jsqrSrc), maxSide);
}

function setup(container: HTMLElement): void {
  const m = container.dataset as Messages;
  const msg = (key: string) => m[`msg${key[0]!.toUpperCase()}${key.slice(1)}`] ?? "";
  const origin = container.dataset.origin!;
  const jsqrSrc = container.dataset.jsqr!;
  const target = document.getElementById(container.dataset.target!) as HTMLTextAreaElement | null;
  const start = container.querySelector<HTMLButtonElement>("[data-scanner-start]")!;
  const stop = container.querySelector<HTMLButtonElement>("[data-scanner-stop]")!;
  const video = container.querySelector<HTMLVideoElement>("[data-scanner-video]")!;
  const status = container.querySelector<HTMLElement>("[data-scanner-status]")!;
  const list = container.querySelector<HTMLElement>("[data-scanner-list]")!;
  const count = container.querySelector<HTMLElement>("[data-scanner-count]")!;
  const photos = container.querySelector<HTMLInputElement>("[data-scanner-photos]");
  const maxBytes = Number(container.dataset.maxBytes);
  const maxPixels = Number(container.dataset.maxPixels);
  const canvas = document.createElement("canvas");
  const seen = new Set<string>();
  // Frames are read small (fast, and a tag held up fills them); photos larger, as a tag may be a small part of one.
  let cameraDecoder: Promise<Decoder> | undefined;
  let photoDecoder: Promise<Decoder> | undefined;
  let stream: MediaStream | null = null;
  let lastRefused = "";
  // The tag read last: while it stays in view, its "read" confirmation stays on the screen.
  let lastRead = "";
  if (!target) return;
  // What the person typed before scanning counts as in the list too, so nothing goes in twice.
  for (const line of target.value.split("\n")) {
    const url = tagUrl(line, origin);
    if (url) seen.add(url);
  }

  const say = (text: string, kind: "status" | "alert" | "notice" = "status") => {
    status.textContent = text;
    status.className = kind === "status" ? "" : kind;
  };

  /** Takes one decoded text: a new tag joins the list and the form's box; anything else is said to be no tag. */
  const take = (text: string): "added" | "again" | "still" | "refused" => {
    const url = tagUrl(text, origin);
    if (!url) {
      if (text !== lastRefused) say(fill(msg("notTag"), { text: text.length > 80 ? `${text.slice(0, 80)}…` : text }), "alert");
      lastRefused = text;
      return "refused";
    }
    if (seen.has(url)) return url === lastRead ? "still" : "again";
    seen.add(url);
    lastRead = url;
    target.value = target.value.trim() === "" ? url : `${target.value.replace(/\s+$/, "")}\n${url}`;
    const item = document.createElement("li");
    item.className = "url scanned";
    item.dataset.scanned = url;
    item.textContent = url;
    list.append(item);
    list.hidden = false;
    count.textContent = fill(msg("count"), { count: seen.size });
    say(fill(msg("read"), { count: seen.size }), "notice");
    return "added";
  };

  const stopCamera = () => {
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  };

  const scanFrame = async () => {
    if (!stream) return;
    try {
      if (video.readyState >= 2) {
        const texts = await (await cameraDecoder!).read(video, canvas);
        const results = texts.map(take);
        if (results.includes("again") && !results.includes("added")) say(msg("again"));
      }
    } catch {
      // A frame that could not be read: the next one may be.
    }
    if (stream) setTimeout(scanFrame, 150);
  };

  const media = navigator.mediaDevices;
  if (!window.isSecureContext || !media?.getUserMedia) {
    say(window.isSecureContext ? msg("unsupported") : msg("insecure"), "alert");
  } else {
    start.hidden = false;
    start.addEventListener("click", async () => {
      say(msg("starting"));
      cameraDecoder ??= chooseDecoder(800, jsqrSrc);
      try {
        stream = await media.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
      } catch (error) {
        const name = (error as DOMException).name;
        say(name === "NotAllowedError" || name === "SecurityError" ? msg("denied") : name === "NotFoundError" || name === "OverconstrainedError" ? msg("noCamera") : msg("failed"), "alert");
        return;
      }
      video.srcObject = stream;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      await video.play().catch(() => undefined);
      say(msg("scanning"));
      void scanFrame();
    });
    stop.addEventListener("click", () => {
      stopCamera();
      say("");
    });
  }

  if (photos && typeof createImageBitmap === "function") {
    photos.closest<HTMLElement>("[hidden]")?.removeAttribute("hidden");
    photos.addEventListener("change", async () => {
      photoDecoder ??= chooseDecoder(2048, jsqrSrc);
      const lines: string[] = [];
      let refused = false;
      const refuse = (line: string) => {
        lines.push(line);
        refused = true;
      };
      for (const file of Array.from(photos.files ?? [])) {
        const name = file.name;
        say(fill(msg("photoReading"), { name }));
        const tooLarge = fill(msg("photoTooLarge"), { name, max: Math.round(maxBytes / 1024 / 1024) });
        if (!/^image\/(jpeg|png)$/.test(file.type)) {
          refuse(fill(msg("photoNotImage"), { name }));
          continue;
        }
        if (file.size > maxBytes) {
          refuse(tooLarge);
          continue;
        }
        let bitmap: ImageBitmap;
        try {
          bitmap = await createImageBitmap(file);
        } catch {
          refuse(fill(msg("photoUnreadable"), { name }));
          continue;
        }
        if (bitmap.width * bitmap.height > maxPixels) {
          bitmap.close();
          refuse(tooLarge);
          continue;
        }
        const texts = await (await photoDecoder).read(bitmap, canvas).catch(() => [] as string[]);
        bitmap.close();
        const tags = texts.filter((text) => tagUrl(text, origin) !== null);
        tags.forEach(take);
        if (tags.length) lines.push(fill(msg("photoFound"), { name, count: tags.length }));
        else refuse(fill(msg("photoNone"), { name }));
      }
      photos.value = "";
      say(lines.join(" "), refused ? "alert" : "notice");
    });
  }
}

document.querySelectorAll<HTMLElement>("[data-scanner]").forEach(setup);
