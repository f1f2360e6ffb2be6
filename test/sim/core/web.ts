/**
 * Browser-facing plumbing shared by the sign-in simulators (google-auth, ms-identity): HTML
 * responses that escape every interpolated value, form bodies, cookies, redirects that carry OAuth parameters in the fragment or the query, and CORS headers. Nothing
 * here knows either service's wire format.
 */
import { randomBytes } from 'node:crypto';
import type { SimRequest, SimResponse } from './http.ts';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A complete, small HTML document. `body` must already be escaped markup. */
export function htmlPage(status: number, title: string, body: string, headers: Record<string, string> = {}): SimResponse {
  const html =
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;line-height:1.5}' +
    'button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font:inherit;text-align:left;cursor:pointer}' +
    'code{word-break:break-all}</style>' +
    `</head><body><main>${body}</main></body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }, body: html };
}

/** Hidden inputs for a form, escaped. */
export function hiddenInputs(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

/** Parses an application/x-www-form-urlencoded body (what HTML forms and OAuth token requests send). */
export function formBody(request: SimRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString('utf8'));
}

export function parseCookies(request: SimRequest): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers['cookie'] ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

/**
 * Where OAuth parameters go on the way back to the client: the fragment for the implicit flow and
 * for MSAL's default `response_mode=fragment`, the query for `response_mode=query`.
 */
export type ResponseMode = 'fragment' | 'query';

export function redirectWith(redirectUri: string, params: Readonly<Record<string, string>>, mode: ResponseMode, headers: Record<string, string> = {}): SimResponse {
  const url = new URL(redirectUri);
  const encoded = new URLSearchParams(params).toString();
  if (mode === 'fragment') url.hash = encoded;
  else for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store', ...headers } };
}

export function plainRedirect(location: string, headers: Record<string, string> = {}): SimResponse {
  return { status: 302, headers: { location, 'cache-control': 'no-store', ...headers } };
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * CORS headers for a cross-origin request (none when it carries no Origin). `'*'` is what Entra's
 * metadata and token endpoints send; Google's APIs echo the origin.
 */
export function corsHeaders(request: SimRequest, allow: 'echo' | '*'): Record<string, string> {
  const origin = request.headers['origin'];
  if (!origin) return {};
  return allow === '*' ? { 'access-control-allow-origin': '*' } : { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** Answers a CORS preflight (OPTIONS) for an endpoint accepting `methods`. */
export function corsPreflight(request: SimRequest, methods: string, allow: 'echo' | '*'): SimResponse {
  return {
    status: 200,
    headers: {
      ...corsHeaders(request, allow),
      'access-control-allow-methods': methods,
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'authorization, content-type',
      'access-control-max-age': '86400',
    },
  };
}
