// The one schema for an instant the API accepts (a key's compromisedAt, the audit query's since
// and until): RFC 3339 with a time zone, whole seconds, read as unix seconds (src/core/time.ts).
import * as z from "zod";
import { parseInstant } from "../core/time.js";

export const instant = z
  .string()
  .max(40)
  .superRefine((s, ctx) => {
    const parsed = parseInstant(s);
    if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
  })
  .transform((s) => (parseInstant(s) as { seconds: number }).seconds)
  .meta({ format: "date-time", description: "RFC 3339 with a time zone, whole seconds (a zero fraction such as .000 is fine)" });
