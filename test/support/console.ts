// A console visitor for API tests: a cookie jar, the Origin a browser would send, forms and the
// passkey script's JSON calls, all through app.request. JSON answers are checked against the
// OpenAPI description like every other API answer.
import type { TestService } from "./harness.js";
import { SoftwareAuthenticator } from "./authenticator.js";
import { checkAgainstDescription } from "./requests.js";


export interface Answer {
  res: Response;
  status: number;
  text: string;
  json: any;
}

export class ConsoleVisitor {
  readonly cookies = new Map<string, string>();
  readonly authenticator: SoftwareAuthenticator;
  /** Every Set-Cookie header received, for asserting flags. */
  readonly setCookies: string[] = [];
  /** The service's origin: where a browser would have loaded the console from. */
  readonly origin: string;

  constructor(readonly service: TestService) {
    this.origin = new URL(service.deps.baseUrl).origin;
    this.authenticator = new SoftwareAuthenticator(this.origin);
  }

  async request(method: string, path: string, init: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string>; origin?: string | null } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const origin = init.origin === undefined ? this.origin : init.origin;
    if (method !== "GET" && origin !== null) headers.origin = origin;
    let body: string | undefined;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      headers.accept = "application/json";
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    if (body !== undefined) headers["content-length"] = String(new TextEncoder().encode(body).length);
    const res = await this.service.app.request(`${this.origin}${path}`, { method, headers, body, redirect: "manual" });
    for (const cookie of res.headers.getSetCookie()) {
      this.setCookies.push(cookie);
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      if (/max-age=0/i.test(cookie) || value.join("=") === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
    const type = res.headers.get("content-type") ?? "";
    const text = await res.text();
    const json = type.includes("json") ? JSON.parse(text) : null;
    checkAgainstDescription(method, path, res.status, type, json);
    return { res, status: res.status, text, json };
  }

  /** The CSRF token of the session, as every page's forms carry it. */
  async csrf(): Promise<string> {
    const page = await this.request("GET", "/console/passkeys");
    const token = /name="_csrf" value="([0-9a-f]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`no CSRF token on the page (${page.status})`);
    return token;
  }

  /** Opens a sign-in link and makes a passkey with it, as the enrolment page's script does. */
  async enrol(url: string, label?: string): Promise<Answer> {
    const path = new URL(url).pathname;
    const options = await this.request("POST", `${path}/options`, { json: {} });
    if (options.status !== 200) return options;
    const response = await this.authenticator.register(options.json);
    return this.request("POST", path, { json: { response, ...(label ? { label } : {}) } });
  }

  async signIn(which?: string): Promise<Answer> {
    const options = await this.request("POST", "/console/sign-in/options", { json: {} });
    if (options.status !== 200) return options;
    return this.request("POST", "/console/sign-in", { json: { response: await this.authenticator.authenticate(options.json, which) } });
  }

  async post(path: string, form: Record<string, string> = {}): Promise<Answer> {
    return this.request("POST", path, { form: { _csrf: await this.csrf(), ...form } });
  }
}

/** The session cookie's name for the test services' https base URL. */
export const SESSION_COOKIE = "__Host-asli_session";
/** …and for a development server on http://localhost. */
export const LOCAL_SESSION_COOKIE = "asli_session";
