// Failures a client can act on: an HTTP status and a stable code, never a stack trace.

export interface FieldError {
  path: string;
  message: string;
  /** Batch input: the row the error is on (a CSV file's own row number) and the error's own stable code. */
  row?: number;
  code?: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 501 | 503;

export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
    this.name = "ApiError";
  }
}

export const notFound = (what: string) => new ApiError(404, "not-found", "Not found", `${what} does not exist`);

export const unprocessable = (code: string, detail: string) => new ApiError(422, code, "Unprocessable request", detail);

/** The registry's database cannot be read or written right now, and the answer depends on it. */
export const registryUnavailable = () =>
  new ApiError(503, "service-unavailable", "Service unavailable", "the registry's database cannot be read right now; try again shortly");

/** A conditional write found its record no longer in the state the request read: another request changed it first. */
export const stateChanged = () =>
  new ApiError(409, "state-changed", "Conflict", "the record changed while this request was being handled; read it again and retry if the change is still wanted");
