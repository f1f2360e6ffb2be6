/**
 * The pages Google shows in the sign-in window. Request errors (unknown client, unregistered
 * redirect URI, bad response_type or scope) are shown to the user as "Access blocked" pages and
 * never redirected back to the app; the account chooser is what a user clicks through.
 */
import type { SimResponse } from '../core/http.ts';
import type { GoogleAccount, GoogleClient } from './directory.ts';
import { escapeHtml, hiddenInputs, htmlPage } from '../core/web.ts';

/** "Access blocked: Authorization Error — Error 400: redirect_uri_mismatch", with the request details. */
export function googleErrorPage(status: number, error: string, message: string, details: Readonly<Record<string, string>> = {}): SimResponse {
  const detailItems = Object.entries(details)
    .map(([name, value]) => `<li><code>${escapeHtml(name)}=${escapeHtml(value)}</code></li>`)
    .join('');
  const body =
    '<h1>Access blocked: Authorization Error</h1>' +
    `<p>${escapeHtml(message)}</p>` +
    `<p><strong>Error ${status}: ${escapeHtml(error)}</strong></p>` +
    (detailItems ? `<h2>Request details</h2><ul>${detailItems}</ul>` : '');
  return htmlPage(status, 'Error', body);
}

export interface ChooserPage {
  readonly action: string;
  readonly pendingId: string;
  readonly client: GoogleClient;
  readonly accounts: readonly GoogleAccount[];
  readonly scopes: readonly string[];
}

/** "Choose an account to continue to <app>", one button per account, plus Cancel. */
export function chooserPage(page: ChooserPage): SimResponse {
  const buttons = page.accounts
    .map(
      (a) =>
        `<button type="submit" name="account" value="${escapeHtml(a.email)}">` +
        `${escapeHtml(a.name)} <span>(${escapeHtml(a.email)})</span></button>`,
    )
    .join('');
  const scopes = page.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  const body =
    '<h1>Choose an account</h1>' +
    `<p>to continue to <strong>${escapeHtml(page.client.name)}</strong></p>` +
    `<form method="post" action="${escapeHtml(page.action)}" aria-label="Choose an account">` +
    hiddenInputs({ request: page.pendingId }) +
    (buttons || '<p>No accounts exist at this simulator yet.</p>') +
    `<p>Continuing lets the app see and use:</p><ul>${scopes}</ul>` +
    '<button type="submit" name="cancel" value="1">Cancel</button>' +
    '</form>';
  return htmlPage(200, 'Sign in - Google Accounts', body);
}

/** A small SVG avatar with the account's initial, so `picture` never points off loopback. */
export function avatarSvg(name: string): SimResponse {
  const initial = escapeHtml((name.trim()[0] ?? '?').toUpperCase());
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">' +
    '<circle cx="48" cy="48" r="48" fill="#1a73e8"/>' +
    `<text x="48" y="62" font-size="44" text-anchor="middle" fill="#fff" font-family="sans-serif">${initial}</text></svg>`;
  return { status: 200, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=86400' }, body: svg };
}
