// Reads back what a PDF draws: every text run (its /ActualText, font, size and each glyph's
// CID and position) and every inline image, from the page content streams and the form
// XObjects they call, with the font programs and widths. For tests of what a tag prints;
// it understands the operators a content stream of ours can hold, not every PDF.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from "pdf-lib";

export interface DrawnGlyph {
  cid: number;
  /** Origin in points from the page's bottom-left corner. */
  x: number;
  y: number;
}

export interface DrawnRun {
  page: number;
  /** The run's /ActualText. */
  text: string;
  /** The font's BaseFont name. */
  font: string;
  /** Font size in points (with the text and graphics matrices' scale applied). */
  size: number;
  glyphs: DrawnGlyph[];
}

export interface DrawnImage {
  page: number;
  /** Placement in points: the unit square mapped by the CTM. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface EmbeddedFont {
  name: string;
  /** The decoded FontFile2 (a TrueType subset whose glyph ids are the CIDs). */
  program: Uint8Array;
  /** CID -> width in thousandths of the font size. */
  widths: Map<number, number>;
}

type Token = { kind: "num"; value: number } | { kind: "name"; value: string } | { kind: "hex"; value: string } | { kind: "op"; value: string } | { kind: "open" | "close"; value: string };

export async function readDrawing(bytes: Uint8Array): Promise<{ runs: DrawnRun[]; images: DrawnImage[]; fonts: Map<string, EmbeddedFont>; pages: { width: number; height: number }[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const fonts = new Map<string, EmbeddedFont>();
  const fontByRef = new Map<string, EmbeddedFont>();

  const readFont = (ref: PDFObject | undefined): EmbeddedFont => {
    const key = String(ref);
    const known = fontByRef.get(key);
    if (known) return known;
    const type0 = lookup(ref) as PDFDict;
    const cidFont = lookup((type0.lookup(PDFName.of("DescendantFonts"), PDFArray) as PDFArray).get(0)) as PDFDict;
    const descriptor = cidFont.lookup(PDFName.of("FontDescriptor"), PDFDict);
    const file = descriptor.lookup(PDFName.of("FontFile2")) as PDFRawStream;
    const widths = new Map<number, number>();
    const w = cidFont.lookup(PDFName.of("W"), PDFArray);
    for (let i = 0; i < w.size(); ) {
      const first = (w.lookup(i) as PDFNumber).asNumber();
      const next = w.lookup(i + 1);
      if (next instanceof PDFArray) {
        for (let j = 0; j < next.size(); j++) widths.set(first + j, (next.lookup(j) as PDFNumber).asNumber());
        i += 2;
      } else {
        const last = (next as PDFNumber).asNumber();
        const width = (w.lookup(i + 2) as PDFNumber).asNumber();
        for (let c = first; c <= last; c++) widths.set(c, width);
        i += 3;
      }
    }
    const name = (type0.lookup(PDFName.of("BaseFont"), PDFName) as PDFName).decodeText();
    const font = { name, program: decodePDFRawStream(file).decode(), widths };
    fontByRef.set(key, font);
    fonts.set(name, font);
    return font;
  };

  const runs: DrawnRun[] = [];
  const images: DrawnImage[] = [];
  const pages = doc.getPages();
  pages.forEach((page, pageIndex) => {
    const draw = (content: Uint8Array, resources: PDFDict | undefined, ctm: number[]) => {
      const fontDict = resources?.lookup(PDFName.of("Font")) as PDFDict | undefined;
      const xObjects = resources?.lookup(PDFName.of("XObject")) as PDFDict | undefined;
      const stack: number[][] = [];
      let matrix = ctm;
      let font: EmbeddedFont | undefined;
      let fontSize = 0;
      let tm = [1, 0, 0, 1, 0, 0];
      let run: DrawnRun | undefined;
      const operands: Token[] = [];
      const text = new TextDecoder("latin1").decode(content);
      for (const token of tokens(text)) {
        if (token.kind !== "op") {
          operands.push(token);
          continue;
        }
        const nums = operands.filter((t) => t.kind === "num").map((t) => (t as { value: number }).value);
        switch (token.value) {
          case "q":
            stack.push(matrix);
            break;
          case "Q":
            matrix = stack.pop()!;
            break;
          case "cm":
            matrix = multiply(nums, matrix);
            break;
          case "BDC": {
            const hex = operands.find((t) => t.kind === "hex") as { value: string } | undefined;
            run = { page: pageIndex, text: hex ? utf16(hex.value) : "", font: "", size: 0, glyphs: [] };
            break;
          }
          case "EMC":
            if (run) runs.push(run);
            run = undefined;
            break;
          case "BT":
            tm = [1, 0, 0, 1, 0, 0];
            break;
          case "Tf": {
            const name = (operands.find((t) => t.kind === "name") as { value: string }).value;
            font = readFont(fontDict!.get(PDFName.of(name)));
            fontSize = nums[0]!;
            break;
          }
          case "Tm":
            tm = nums.slice(0, 6);
            break;
          case "Tj":
          case "TJ": {
            const m = multiply(tm, matrix);
            const scale = Math.hypot(m[0]!, m[1]!);
            if (run) {
              run.font = font!.name;
              run.size = fontSize * scale;
            }
            let advance = 0;
            for (const t of operands) {
              if (t.kind === "num") advance -= (t.value / 1000) * fontSize;
              if (t.kind !== "hex") continue;
              for (let i = 0; i + 4 <= t.value.length; i += 4) {
                const cid = parseInt(t.value.slice(i, i + 4), 16);
                run?.glyphs.push({ cid, x: m[4]! + advance * m[0]!, y: m[5]! + advance * m[1]! });
                advance += ((font!.widths.get(cid) ?? 0) / 1000) * fontSize;
              }
            }
            tm = [tm[0]!, tm[1]!, tm[2]!, tm[3]!, tm[4]! + advance * tm[0]!, tm[5]! + advance * tm[1]!];
            break;
          }
          case "Do": {
            const name = (operands.find((t) => t.kind === "name") as { value: string }).value;
            const form = xObjects!.lookup(PDFName.of(name)) as PDFRawStream;
            const formResources = form.dict.lookup(PDFName.of("Resources")) as PDFDict | undefined;
            draw(decodePDFRawStream(form).decode(), formResources, matrix);
            break;
          }
          case "EI":
            images.push({ page: pageIndex, x: matrix[4]!, y: matrix[5]!, width: matrix[0]!, height: matrix[3]! });
            break;
        }
        operands.length = 0;
      }
    };
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => lookup(r)) : [lookup(contents as PDFObject)];
    for (const stream of streams) draw(decodePDFRawStream(stream as PDFRawStream).decode(), page.node.Resources(), [1, 0, 0, 1, 0, 0]);
  });
  return { runs, images, fonts, pages: pages.map((p) => p.getSize()) };
}

/** m1 x m2 for PDF's row-vector matrices [a b c d e f]. */
function multiply(m1: number[], m2: number[]): number[] {
  const [a, b, c, d, e, f] = m1 as [number, number, number, number, number, number];
  const [A, B, C, D, E, F] = m2 as [number, number, number, number, number, number];
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

function utf16(hex: string): string {
  const body = hex.toLowerCase().startsWith("feff") ? hex.slice(4) : hex;
  let out = "";
  for (let i = 0; i + 4 <= body.length; i += 4) out += String.fromCharCode(parseInt(body.slice(i, i + 4), 16));
  return out;
}

function* tokens(text: string): Generator<Token> {
  let i = 0;
  let inlineImage: Record<string, number | boolean> | undefined;
  let pendingName: string | undefined;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "%") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (ch === "/") {
      const m = /^\/[^\s/<>[\]()]*/.exec(text.slice(i, i + 128))!;
      i += m[0].length;
      if (inlineImage) pendingName = m[0].slice(1);
      yield { kind: "name", value: m[0].slice(1) };
    } else if (ch === "<" && text[i + 1] === "<") {
      i += 2;
      yield { kind: "open", value: "<<" };
    } else if (ch === ">" && text[i + 1] === ">") {
      i += 2;
      yield { kind: "close", value: ">>" };
    } else if (ch === "<") {
      const end = text.indexOf(">", i);
      yield { kind: "hex", value: text.slice(i + 1, end).replace(/\s+/g, "") };
      i = end + 1;
    } else if (ch === "[" || ch === "]") {
      i++;
      yield { kind: ch === "[" ? "open" : "close", value: ch };
    } else if (ch === "(") {
      let depth = 0;
      do {
        if (text[i] === "\\") i++;
        else if (text[i] === "(") depth++;
        else if (text[i] === ")") depth--;
        i++;
      } while (depth > 0 && i < text.length);
    } else {
      const m = /^[^\s/<>[\]()%]+/.exec(text.slice(i, i + 64))!;
      i += m[0].length;
      const word = m[0];
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
        if (inlineImage && pendingName) inlineImage[pendingName] = Number(word);
        pendingName = undefined;
        yield { kind: "num", value: Number(word) };
      } else if (word === "BI") {
        inlineImage = {};
      } else if (word === "ID" && inlineImage) {
        // Binary samples follow one white-space byte: skip exactly their length.
        const w = Number(inlineImage.W ?? inlineImage.Width);
        const h = Number(inlineImage.H ?? inlineImage.Height);
        const bpc = Number(inlineImage.BPC ?? inlineImage.BitsPerComponent ?? 1);
        i += 1 + Math.ceil((w * bpc) / 8) * h;
        inlineImage = undefined;
      } else if (word === "true" || word === "false") {
        pendingName = undefined;
      } else {
        pendingName = undefined;
        yield { kind: "op", value: word };
      }
    }
  }
}
