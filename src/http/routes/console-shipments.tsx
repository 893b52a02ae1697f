/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's side of exporters' shipments: the list with the form for a new one, a shipment's
// page, and its add-items form (typed numbers or web addresses, a CSV file, or what the tag
// scanner wrote into the same box). Thin handlers over src/service/shipments.ts, the services
// POST /api/v1/shipments and POST /api/v1/shipments/{id}/items use, with the signed-in person as
// the Principal. Mounted beside routes/console.tsx, whose request pipeline and refusal pages it
// shares.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import { ApiError } from "../../core/errors.js";
import { isoTime } from "../../core/time.js";
import { JSQR_SCRIPT_PATH } from "../../pages/assets/scanner-script.js";
import { check, emptyForm, errorMessage, refusal, type FieldErrors, type FormState } from "../../pages/console/form-state.js";
import type { ConsoleLocale } from "../../pages/console/locale.js";
import { ShipmentPage, ShipmentsPage, type AddItemsForm, type RefusedItem, type SealForm, type ShipmentDetail } from "../../pages/console/shipments.js";
import { PHOTO_LIMITS } from "../../service/media.js";
import { addItems, cancelInput, cancelShipment, createShipment, listShipmentsFor, readShipment, removeItem, sealShipment, shipmentInput } from "../../service/shipments.js";
import { readQuery } from "../input.js";
import { cartonLabelsResponse, labelsQuery, provenanceResponse } from "./shipments.js";
import { shipmentUrl } from "../../core/shipment.js";
import { listShipmentItems, type Shipment } from "../../store/shipments.js";
import { consoleContext, formOf, signedIn, type ConsoleEnv } from "../console.js";
import type { AppDeps } from "../deps.js";
import { consoleError } from "./console.js";

const LISTED = 50;

type ConsoleContext = Context<ConsoleEnv>;
const page = async (c: ConsoleContext, view: Child, status: 200 | 409 | 422 = 200) => c.html(`<!doctype html>${await (view as { toString(): string | Promise<string> }).toString()}`, status);

/** A shipment refusal in the reader's language: the shipment section's words, else the console's. */
function shipmentMessage(code: string, locale: ConsoleLocale): string {
  const own = locale.t.shipments.errors as Record<string, string>;
  return Object.hasOwn(own, code) ? own[code]! : errorMessage(code, locale);
}

function rowMessage(code: string | undefined, locale: ConsoleLocale): string {
  const rows = locale.t.shipments.rowErrors as Record<string, string>;
  return code && Object.hasOwn(rows, code) ? rows[code]! : locale.t.fieldErrors.invalid;
}

export function consoleShipmentRoutes(deps: AppDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.onError(consoleError);
  app.use("/console/shipments", consoleContext(deps));
  app.use("/console/shipments/*", consoleContext(deps));
  const signed = signedIn(deps);
  const origin = new URL(deps.baseUrl).origin;

  const list = async (c: ConsoleContext, form: FormState, status: 200 | 422 = 200) => {
    const rows = await listShipmentsFor(deps.db, c.var.principal, { limit: LISTED });
    const view = {
      shipments: rows.map((s) => ({ id: s.id, state: s.state, country: s.consigneeCountry, reference: s.reference, itemCount: s.itemCount, createdAt: isoTime(s.createdAt) })),
      canCreate: c.var.principal.role === "exporter",
    };
    return page(c, <ShipmentsPage locale={c.var.locale} session={c.var.session!} view={view} form={form} />, status);
  };

  app.get("/console/shipments", signed, (c) => list(c, emptyForm()));

  app.post("/console/shipments", signed, async (c) => {
    const form = await formOf(c);
    const values = { consigneeName: form.text("consigneeName"), consigneeCountry: form.text("consigneeCountry"), reference: form.text("reference"), note: form.text("note") };
    const checked = check(shipmentInput, values, c.var.locale);
    if (!checked.ok) return list(c, { values, errors: checked.errors }, 422);
    let shipment: Shipment;
    try {
      shipment = await createShipment(deps.db, c.var.principal, checked.value, deps.clock());
    } catch (error) {
      return list(c, { values, errors: refusal(error, c.var.locale) }, 422);
    }
    return c.redirect(`/console/shipments/${shipment.id}?created`, 303);
  });

  const show = async (c: ConsoleContext, id: string, form: AddItemsForm, status: 200 | 409 | 422 = 200, notice?: string, seal?: SealForm) => {
    const principal = c.var.principal;
    const shipment = await readShipment(deps.db, principal, id);
    const items = await listShipmentItems(deps.db, shipment.id);
    const detail: ShipmentDetail = {
      id: shipment.id,
      state: shipment.state,
      country: shipment.consigneeCountry,
      consigneeName: shipment.consigneeName,
      reference: shipment.reference,
      note: shipment.note,
      itemCount: shipment.itemCount,
      createdAt: isoTime(shipment.createdAt),
      publicUrl: shipmentUrl(deps.baseUrl, shipment.id),
      items: items.map((item) => ({ certificate: item.certificateId, addedAt: isoTime(item.addedAt) })),
      canAdd: principal.role === "exporter" && shipment.state === "open",
      canSeal: principal.role === "exporter" && shipment.state === "open" && items.length > 0,
      canCancel: shipment.state !== "cancelled",
      printable: shipment.state === "sealed",
    };
    const limits = { maxBytes: PHOTO_LIMITS.maxBytes, maxPixels: PHOTO_LIMITS.maxPixels };
    return page(c, <ShipmentPage locale={c.var.locale} session={c.var.session!} shipment={detail} form={form} notice={notice} origin={origin} limits={limits} jsqr={JSQR_SCRIPT_PATH} seal={seal} />, status);
  };
  const noForm: AddItemsForm = { items: "", errors: {}, refused: null };

  app.get("/console/shipments/:id", signed, async (c) => {
    const { t, fill, number } = c.var.locale;
    const added = c.req.query("added");
    const already = c.req.query("already");
    const removed = c.req.query("removed");
    const notice =
      c.req.query("created") !== undefined
        ? t.shipments.createdNotice
        : c.req.query("sealed") !== undefined
          ? t.shipments.seal.sealedNotice
          : c.req.query("cancelled") !== undefined
            ? t.shipments.cancel.cancelledNotice
            : removed !== undefined && /^[A-Z2-7]{13}$/.test(removed)
              ? fill(t.shipments.removedNotice, { id: removed })
        : added !== undefined && /^[0-9]{1,5}$/.test(added) && already !== undefined && /^[0-9]{1,5}$/.test(already)
          ? fill(t.shipments.addedNotice, { added: number(Number(added)), already: number(Number(already)) })
          : undefined;
    return show(c, c.req.param("id").toUpperCase(), noForm, 200, notice);
  });

  app.post("/console/shipments/:id/items", signed, async (c) => {
    const id = c.req.param("id").toUpperCase();
    const locale = c.var.locale;
    const form = await formOf(c);
    const csv = form.file("csv");
    const typed = (form.text("items") ?? "").replace(/\r\n?/g, "\n");
    // The box's lines: each non-blank line an item, remembered by its line number for the refusals.
    const lines = typed.split("\n").map((text, i) => ({ line: i + 1, text: text.trim() })).filter((l) => l.text !== "");
    const again = (errors: FieldErrors, refused: RefusedItem[] | null = null, status: 409 | 422 = 422) => show(c, id, { items: typed, errors, refused }, status);
    if (csv && lines.length > 0) return again({ _form: locale.t.shipments.oneSource });
    if (!csv && lines.length === 0) return again({ items: locale.t.shipments.nothingToAdd });

    const body = csv ? new Uint8Array(await csv.arrayBuffer()) : new TextEncoder().encode(JSON.stringify({ items: lines.map((l) => l.text) }));
    try {
      const result = await addItems(deps, c.var.principal, id, { kind: csv ? "csv" : "json", body });
      return c.redirect(`/console/shipments/${id}?added=${result.added}&already=${result.alreadyIn}`, 303);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      if (error.status === 404 || error.code === "role-not-allowed") throw error;
      if (error.code === "items-refused" && error.errors) {
        const byRow = new Map<number, RefusedItem>();
        for (const e of error.errors) {
          const row = e.row ?? 0;
          const line = csv ? { line: row, text: "" } : (lines[row - 1] ?? { line: row, text: "" });
          let entry = byRow.get(line.line);
          if (!entry) byRow.set(line.line, (entry = { row: line.line, text: line.text, messages: [] }));
          entry.messages.push(rowMessage(e.code, locale));
        }
        return again({}, [...byRow.values()].sort((a, b) => a.row - b.row));
      }
      return again({ _form: shipmentMessage(error.code, locale) }, null, error.status === 409 ? 409 : 422);
    }
  });

  app.post("/console/shipments/:id/items/:certificateId/remove", signed, async (c) => {
    const id = c.req.param("id").toUpperCase();
    const certificate = c.req.param("certificateId").toUpperCase();
    await formOf(c);
    try {
      await removeItem(deps.db, c.var.principal, id, certificate, deps.clock());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500 || error.status === 404 || error.code === "role-not-allowed") throw error;
      return show(c, id, noForm, error.status === 409 ? 409 : 422, undefined, { errors: { _form: shipmentMessage(error.code, c.var.locale) }, refused: null });
    }
    return c.redirect(`/console/shipments/${id}?removed=${certificate}`, 303);
  });

  app.post("/console/shipments/:id/seal", signed, async (c) => {
    const id = c.req.param("id").toUpperCase();
    const locale = c.var.locale;
    await formOf(c);
    try {
      await sealShipment(deps, c.var.principal, id);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500 || error.status === 404 || error.code === "role-not-allowed") throw error;
      const refused = error.code === "items-not-genuine" && error.errors ? error.errors.map((e) => ({ row: e.row ?? 0, text: e.path ?? "", messages: [rowMessage(e.code, locale)] })) : null;
      return show(c, id, noForm, error.status === 409 ? 409 : 422, undefined, { errors: { _form: shipmentMessage(error.code, locale) }, refused });
    }
    return c.redirect(`/console/shipments/${id}?sealed`, 303);
  });

  app.post("/console/shipments/:id/cancel", signed, async (c) => {
    const id = c.req.param("id").toUpperCase();
    const form = await formOf(c);
    const reason = (form.text("reason") ?? "").trim();
    const checked = check(cancelInput, reason ? { reason } : {}, c.var.locale);
    if (!checked.ok) return show(c, id, noForm, 422, undefined, { errors: checked.errors, refused: null });
    try {
      await cancelShipment(deps.db, c.var.principal, id, checked.value.reason, deps.clock());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500 || error.status === 404 || error.code === "role-not-allowed") throw error;
      return show(c, id, noForm, error.status === 409 ? 409 : 422, undefined, { errors: { _form: shipmentMessage(error.code, c.var.locale) }, refused: null });
    }
    return c.redirect(`/console/shipments/${id}?cancelled`, 303);
  });

  // The documents, through the same code as the API's downloads, with the session's person as the principal.
  app.get("/console/shipments/:id/document.pdf", signed, (c) => provenanceResponse(deps, c.var.principal, c.req.param("id").toUpperCase()));
  app.get("/console/shipments/:id/labels.pdf", signed, (c) => {
    const { cartons } = readQuery(c, labelsQuery);
    return cartonLabelsResponse(deps, c.var.principal, c.req.param("id").toUpperCase(), cartons);
  });

  return app;
}
