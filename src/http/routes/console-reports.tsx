/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The console's side of reports of suspected fakes: the list in the signed-in person's scope and
// one report with the form that moves it on. Thin handlers over src/service/reports.ts, the
// services the API's /api/v1/reports uses, with the signed-in person as the Principal. Mounted
// beside routes/console.tsx, whose request pipeline (language, session, CSRF) and refusal pages
// it shares.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import * as z from "zod";
import { REPORT_STATUSES } from "../../../db/schema.js";
import { check, emptyForm, refusal, type FormState } from "../../pages/console/form-state.js";
import { ReportPage, ReportsPage } from "../../pages/console/reports.js";
import { changeReportStatus, findReportInScope, listReportsInScope, reportChange, reportPhotoInScope } from "../../service/reports.js";
import { consoleContext, formOf, signedIn, type ConsoleEnv } from "../console.js";
import type { AppDeps } from "../deps.js";
import { integerParam } from "../input.js";
import { consoleError } from "./console.js";
import { reportPhotoResponse } from "./reports.js";

const LISTED = 50;

const listQuery = z.object({ status: z.enum(REPORT_STATUSES).optional().catch(undefined) });

type ConsoleContext = Context<ConsoleEnv>;
const page = async (c: ConsoleContext, view: Child, status: 200 | 409 | 422 = 200) => c.html(`<!doctype html>${await (view as { toString(): string | Promise<string> }).toString()}`, status);

export function consoleReportRoutes(deps: AppDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.onError(consoleError);
  app.use("/console/reports", consoleContext(deps));
  app.use("/console/reports/*", consoleContext(deps));
  const signed = signedIn(deps);

  app.get("/console/reports", signed, async (c) => {
    const { status } = listQuery.parse({ status: c.req.query("status") || undefined });
    const rows = await listReportsInScope(deps.db, c.var.principal, { status, limit: LISTED + 1 });
    return page(c, <ReportsPage locale={c.var.locale} session={c.var.session!} reports={rows.slice(0, LISTED)} more={rows.length > LISTED} status={status} />);
  });

  const show = async (c: ConsoleContext, id: number, form: FormState, status: 200 | 409 | 422 = 200, notice?: string) => {
    const report = await findReportInScope(deps.db, c.var.principal, id);
    return page(c, <ReportPage locale={c.var.locale} session={c.var.session!} report={report} form={form} notice={notice} />, status);
  };

  app.get("/console/reports/:id", signed, async (c) => {
    const id = integerParam(c.req.param("id"), "this report");
    const changed = c.req.query("changed") !== undefined;
    return show(c, id, emptyForm(), 200, changed ? c.var.locale.fill(c.var.locale.t.reports.changedNotice, { number: c.var.locale.number(id) }) : undefined);
  });

  app.get("/console/reports/:id/photo", signed, async (c) => {
    const photo = await reportPhotoInScope(deps.db, deps, c.var.principal, integerParam(c.req.param("id"), "this report"));
    return reportPhotoResponse(c, photo);
  });

  app.post("/console/reports/:id", signed, async (c) => {
    const id = integerParam(c.req.param("id"), "this report");
    const form = await formOf(c);
    const values = { status: form.text("status"), outcome: form.text("outcome") || undefined, message: form.text("message")?.replace(/\r\n?|\n/g, " ") || undefined };
    const checked = check(reportChange, values, c.var.locale);
    if (!checked.ok) return show(c, id, { values, errors: checked.errors }, 422);
    try {
      await changeReportStatus(deps.db, c.var.principal, id, checked.value, deps.clock());
    } catch (error) {
      const errors = refusal(error, c.var.locale, { "status-unchanged": "status" });
      return show(c, id, { values, errors }, 409);
    }
    return c.redirect(`/console/reports/${id}?changed`, 303);
  });

  return app;
}
