// A strict XML 1.0 well-formedness check for the documents the service writes (SVG tags and
// QR codes), for tests on both runtimes: no XML parser is among the project's dependencies.
// It accepts a subset of XML (an optional XML declaration, comments, elements with ASCII names,
// attributes, text, character and the five predefined entity references) and refuses
// everything else, so it errs on the side of calling a document broken. Checked against
// Chromium's XML parser in test/node/xml-check.test.ts.

/** XML 1.0 §2.2 Char: what may appear anywhere in a document, as text or in references. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /^[A-Za-z_:][-A-Za-z0-9._:]*/;
const REFERENCE = /^&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/;

function checkReferences(text: string, where: string): string | null {
  for (let i = text.indexOf("&"); i >= 0; i = text.indexOf("&", i + 1)) {
    const ref = REFERENCE.exec(text.slice(i, i + 12));
    if (!ref) return `an & that starts no reference in ${where}`;
    if (!ref[1]) {
      const code = ref[2] !== undefined ? Number.parseInt(ref[2], 10) : Number.parseInt(ref[3]!, 16);
      if (code > 0x10ffff || NOT_XML_CHAR.test(String.fromCodePoint(code))) return `a reference to a character XML does not allow (${ref[0]}) in ${where}`;
    }
  }
  return null;
}

/** Why `doc` is not a well-formed XML document, or null when it is. */
export function xmlWellFormednessError(doc: string): string | null {
  const bad = NOT_XML_CHAR.exec(doc);
  if (bad) return `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} at ${bad.index} is not an XML character`;
  let i = 0;
  if (doc.startsWith("<?xml")) {
    const end = doc.indexOf("?>");
    if (end < 0) return "an unterminated XML declaration";
    i = end + 2;
  }
  const stack: string[] = [];
  let roots = 0;
  while (i < doc.length) {
    const lt = doc.indexOf("<", i);
    const text = doc.slice(i, lt < 0 ? doc.length : lt);
    if (text) {
      if (stack.length === 0 && text.trim() !== "") return "text outside the root element";
      if (text.includes("]]>")) return "]]> in text";
      const refs = checkReferences(text, "text");
      if (refs) return refs;
    }
    if (lt < 0) break;
    i = lt;
    if (doc.startsWith("<!--", i)) {
      const end = doc.indexOf("-->", i + 4);
      if (end < 0 || doc.slice(i + 4, end).includes("--")) return "a malformed comment";
      i = end + 3;
      continue;
    }
    if (doc.startsWith("</", i)) {
      const name = NAME.exec(doc.slice(i + 2))?.[0];
      if (!name) return "an end tag without a name";
      let j = i + 2 + name.length;
      while (/\s/.test(doc[j] ?? "")) j++;
      if (doc[j] !== ">") return `a malformed end tag </${name}`;
      if (stack.pop() !== name) return `</${name}> does not close the open element`;
      i = j + 1;
      continue;
    }
    if (doc[i + 1] === "!" || doc[i + 1] === "?") return "markup this check does not accept (DOCTYPE, CDATA or a processing instruction)";
    const name = NAME.exec(doc.slice(i + 1))?.[0];
    if (!name) return `a < that starts no element at ${i}`;
    if (stack.length === 0 && roots++ > 0) return "more than one root element";
    let j = i + 1 + name.length;
    const seen = new Set<string>();
    for (;;) {
      const before = j;
      while (/\s/.test(doc[j] ?? "")) j++;
      if (doc.startsWith("/>", j)) {
        j += 2;
        break;
      }
      if (doc[j] === ">") {
        stack.push(name);
        j += 1;
        break;
      }
      if (j === before) return `no space before an attribute of <${name}>`;
      const attribute = NAME.exec(doc.slice(j))?.[0];
      if (!attribute) return `a malformed attribute in <${name}>`;
      if (seen.has(attribute)) return `attribute ${attribute} twice in <${name}>`;
      seen.add(attribute);
      j += attribute.length;
      while (/\s/.test(doc[j] ?? "")) j++;
      if (doc[j] !== "=") return `attribute ${attribute} without a value`;
      j++;
      while (/\s/.test(doc[j] ?? "")) j++;
      const quote = doc[j];
      if (quote !== '"' && quote !== "'") return `attribute ${attribute} with an unquoted value`;
      const close = doc.indexOf(quote, j + 1);
      if (close < 0) return `attribute ${attribute} with an unterminated value`;
      const value = doc.slice(j + 1, close);
      if (value.includes("<")) return `< in the value of ${attribute}`;
      const refs = checkReferences(value, `attribute ${attribute}`);
      if (refs) return refs;
      j = close + 1;
    }
    i = j;
  }
  if (stack.length) return `<${stack.at(-1)}> is never closed`;
  if (roots === 0) return "no root element";
  return null;
}
