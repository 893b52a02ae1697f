// Bench section "shipment": a 5,000-item shipment (issue 13: shipment_seal_5000_seconds under
// 2 s; its provenance PDF at shipment_pdf_items_per_second of at least 200). The items are one batch issued through the API; the exporter adds the whole batch, then
// seals: every item judged again with the verify pipeline, the RFC 6962 tree built, the manifest
// signed and the shipment written. In process (app.request), on a libSQL file, timed from the
// request to the last byte of the answer; the best of ROUNDS seals of fresh shipments of the
// same certificates (each round cancels the last, which frees them). BENCH_SHIPMENT_ITEMS
// makes it smaller for a quick run.
import { benchApp, log, round, tempDir, type BenchSection, type Report } from "./support.js";

const ITEMS = Number(process.env.BENCH_SHIPMENT_ITEMS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_SHIPMENT_ROUNDS ?? 3);

export const shipmentSection: BenchSection = { name: "shipment", run: runShipmentBench };

async function runShipmentBench(report: Report): Promise<void> {
  const dir = tempDir("asli-bench-shipment-");
  const { client, app, adminToken } = await benchApp(dir.path, "https://asli.example");
  try {
    const ask = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = (await res.json()) as any;
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const artisan = await ask(adminToken, "POST", "/api/v1/artisans", { name: "Bench weaver", districtCode: 187, productId: 103, giTagId: 2, giAuthorisedUserNumber: "AU-BENCH-SHIP" });
    const batch = await ask(adminToken, "POST", "/api/v1/batches", { items: Array.from({ length: ITEMS }, (_, i) => ({ artisanId: artisan.id, title: `Carpet ${i + 1}` })) });
    const exporter = (await ask(adminToken, "POST", "/api/v1/tokens", { name: "Bench exporter", role: "exporter" })).token as string;
    let best = Infinity;
    let bestAdd = Infinity;
    for (let roundNo = 0; roundNo < ROUNDS; roundNo++) {
      const shipment = await ask(exporter, "POST", "/api/v1/shipments", { consigneeName: "Bench consignee", consigneeCountry: "DE" });
      const added = performance.now();
      await ask(exporter, "POST", `/api/v1/shipments/${shipment.id}/items`, { batchId: batch.id });
      bestAdd = Math.min(bestAdd, (performance.now() - added) / 1000);
      const started = performance.now();
      const sealed = await ask(exporter, "POST", `/api/v1/shipments/${shipment.id}/seal`);
      const seconds = (performance.now() - started) / 1000;
      if (sealed.itemCount !== ITEMS) throw new Error(`sealed ${sealed.itemCount} items, not ${ITEMS}`);
      log(`round ${roundNo + 1}: add ${round(bestAdd, 2)} s, seal ${round(seconds, 2)} s`);
      best = Math.min(best, seconds);
      if (roundNo === ROUNDS - 1) {
        // The provenance document of the same shipment: every item with its QR.
        const drawn = performance.now();
        const res = await app.request(`/api/v1/shipments/${shipment.id}/document.pdf`, { headers: { authorization: `Bearer ${exporter}` } });
        const bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`document.pdf: ${res.status}`);
        const pdfSeconds = (performance.now() - drawn) / 1000;
        report("shipment_pdf_items_per_second", round(ITEMS / pdfSeconds));
        report("shipment_pdf_bytes_per_item", round(bytes / ITEMS));
      }
      await ask(exporter, "POST", `/api/v1/shipments/${shipment.id}/cancel`, {});
    }
    report(`shipment_seal_${ITEMS}_seconds`, round(best, 2));
    report(`shipment_add_${ITEMS}_seconds`, round(bestAdd, 2));
  } finally {
    client.close();
    dir.remove();
  }
}
