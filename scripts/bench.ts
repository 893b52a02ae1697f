// `npm run bench`: runs each section in this one process and prints every figure as
// `name: value` on a line of its own (stdout); progress goes to stderr.
// `npm run bench -- verify` runs only the named sections.
// A new section: a file in scripts/bench/ exporting a BenchSection, added to SECTIONS.
import type { BenchSection, Figure } from "./bench/support.js";
import { log } from "./bench/support.js";
import { batchSection } from "./bench/batch.js";
import { bundleSection } from "./bench/bundle.js";
import { shipmentSection } from "./bench/shipment.js";
import { tlogSection } from "./bench/tlog.js";
import { verifySection } from "./bench/verify.js";

const SECTIONS: BenchSection[] = [verifySection, batchSection, bundleSection, tlogSection, shipmentSection];

function report(name: string, value: Figure): void {
  process.stdout.write(`${name}: ${value}\n`);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(", ")}; known: ${SECTIONS.map((s) => s.name).join(", ")}`);

  for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    const started = performance.now();
    log(`section ${section.name}`);
    await section.run(report);
    report(`${section.name}_section_seconds`, Math.round((performance.now() - started) / 100) / 10);
  }
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
