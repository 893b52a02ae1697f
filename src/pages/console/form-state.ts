// A form's state between submissions: what the person typed and, per field, what is wrong with
// it in their language. Fields are checked with the very zod schemas the API uses; their issues
// and the services' ApiError codes become catalog messages, shown beside the field they concern.
import type * as z from "zod";
import { ApiError } from "../../core/errors.js";
import { FORMULA_MESSAGE } from "../../service/text.js";
import type { ConsoleLocale } from "./locale.js";

/**
 * Field name of the CSRF token in every state-changing form (checked by src/http/console.ts).
 * Here rather than with the components that render it: the entry checks it, and on Workers the
 * components are the console's module's alone.
 */
export const CSRF_FIELD = "_csrf";

/** Messages by field name; `_form` for what concerns the form as a whole. */
export type FieldErrors = Record<string, string>;

export interface FormState {
  /** What was submitted, to fill the fields again. */
  values: Record<string, string | undefined>;
  errors: FieldErrors;
}

export const emptyForm = (values: FormState["values"] = {}): FormState => ({ values, errors: {} });

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The words `check` needs: the console's locale, or a public page's field messages (the report form). */
export interface FieldMessages {
  t: { fieldErrors: ConsoleLocale["t"]["fieldErrors"] };
  fill: ConsoleLocale["fill"];
}

/** Runs the API's schema over the value built from the form; on failure, one message per field. */
export function check<S extends z.ZodType>(schema: S, value: Record<string, unknown>, locale: FieldMessages): Checked<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_form";
    errors[field] ??= issueMessage(issue, value[field], locale);
  }
  return { ok: false, errors };
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown, { t, fill }: FieldMessages): string {
  const m = t.fieldErrors;
  if (input === undefined) return m.required;
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "number" ? m.number : m.invalid;
    case "too_big":
      return issue.origin === "string" ? fill(m.tooLong, { max: Number(issue.maximum) }) : m.invalid;
    case "too_small":
      return issue.origin === "string" ? m.required : m.invalid;
    case "invalid_value":
      return m.choice;
    case "custom":
      return issue.message === FORMULA_MESSAGE ? m.formula : m.invalid;
    default:
      return m.invalid;
  }
}

/** A service's refusal as a form error: beside the field the code concerns, else for the whole form. Anything else is rethrown. */
export function refusal(error: unknown, locale: ConsoleLocale, fieldOf: Partial<Record<string, string>> = {}): FieldErrors {
  if (!(error instanceof ApiError) || error.status >= 500) throw error;
  return { [fieldOf[error.code] ?? "_form"]: errorMessage(error.code, locale) };
}

export function errorMessage(code: string, { t }: ConsoleLocale): string {
  const messages = t.errors as Record<string, string>;
  return Object.hasOwn(messages, code) ? messages[code]! : t.errors.other;
}

/** A refusal whose `detail` is already in the reader's language (the console's JSON answers to its script). */
export class ConsoleRefusal extends ApiError {}

/** The first field error of a failed check, as a refusal the passkey script can show. */
export function refusalOf(errors: FieldErrors): ConsoleRefusal {
  const [field, message] = Object.entries(errors)[0] ?? ["_form", ""];
  return new ConsoleRefusal(400, "validation-failed", "Validation failed", message, [{ path: field, message }]);
}
