// Forms on the public pages (the first buyer's claim on the verify page) have no session to
// tie a CSRF token to, and must not make one. Two checks stand in for it, before anything is
// read or written:
//   1. the request comes from a page of this origin (Origin, or Sec-Fetch-Site where a browser
//      sends Origin: null), as for the console (src/http/console.ts fromThisOrigin);
//   2. the form carries the same random token as a SameSite=Strict, HttpOnly cookie that only
//      this origin's pages set: a page of another site can neither read that cookie nor make a
//      browser send it with a cross-site request.
// The server keeps nothing of the token: it is compared, never stored or logged.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { generateSecret } from "../core/api-token.js";
import { constantTimeEqual, utf8 } from "../core/bytes.js";
import { fromThisOrigin } from "./console.js";

/** The form field that carries the token. */
export const FORM_TOKEN_FIELD = "_form";
/** A token lives a day: a page left open longer asks for a reload. */
const FORM_TOKEN_MAX_AGE = 24 * 60 * 60;
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** `__Host-` (Secure, Path=/, no Domain) on https; a development server on a loopback host has no https, and no prefix. */
function formCookie(baseUrl: string): { name: string; secure: boolean } {
  const url = new URL(baseUrl);
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return { name: "asli_form", secure: false };
  return { name: "__Host-asli_form", secure: true };
}

/** The token for a form on this page: the browser's own if it has one, else a new one set as its cookie. */
export function publicFormToken(c: Context, baseUrl: string): string {
  const { name, secure } = formCookie(baseUrl);
  const held = getCookie(c, name);
  if (held && TOKEN_SHAPE.test(held)) return held;
  const token = generateSecret();
  setCookie(c, name, token, { httpOnly: true, secure, sameSite: "Strict", path: "/", maxAge: FORM_TOKEN_MAX_AGE });
  return token;
}

/** Whether a form post passes both checks: sent from this origin, with the token its cookie holds. */
export function publicFormAccepted(c: Context, baseUrl: string, presented: string | undefined): boolean {
  if (!fromThisOrigin(c, new URL(baseUrl).origin)) return false;
  const held = getCookie(c, formCookie(baseUrl).name);
  return held !== undefined && presented !== undefined && TOKEN_SHAPE.test(held) && held.length === presented.length && constantTimeEqual(utf8(held), utf8(presented));
}
