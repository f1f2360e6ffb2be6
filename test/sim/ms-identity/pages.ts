/** Pages of the simulated Microsoft sign-in: the account picker and the signed-out page. */
import type { SimResponse } from '../core/http.ts';
import { escapeHtml, hiddenInputs, htmlPage } from '../core/web.ts';
import type { MsAccount, MsClient } from './directory.ts';

export interface PickAccountPage {
  readonly action: string;
  readonly pendingId: string;
  readonly client: MsClient;
  readonly accounts: readonly MsAccount[];
  readonly permissions: readonly string[];
}

/** "Pick an account" — one button per account (the simulator takes no password), plus Cancel. */
export function pickAccountPage(page: PickAccountPage): SimResponse {
  const buttons = page.accounts
    .map(
      (a) =>
        `<button type="submit" name="account" value="${escapeHtml(a.upn)}">${escapeHtml(a.name)} ` +
        `<span>(${escapeHtml(a.upn)}, ${a.kind === 'personal' ? 'personal account' : 'work or school account'})</span></button>`,
    )
    .join('');
  const permissions = page.permissions.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('');
  const body =
    '<h1>Pick an account</h1>' +
    `<p>to continue to <strong>${escapeHtml(page.client.name)}</strong></p>` +
    `<form method="post" action="${escapeHtml(page.action)}" aria-label="Pick an account">` +
    hiddenInputs({ request: page.pendingId }) +
    (buttons || '<p>No accounts exist at this simulator yet.</p>') +
    `<p>Continuing accepts the permissions this app asks for:</p><ul>${permissions}</ul>` +
    '<button type="submit" name="cancel" value="1">Cancel</button>' +
    '</form>';
  return htmlPage(200, 'Sign in to your account', body);
}

export function signedOutPage(): SimResponse {
  return htmlPage(200, 'Sign out', '<h1>You signed out of your account</h1><p>It\'s a good idea to close all browser windows.</p>');
}

/** What /error?code= shows (the `error_uri` of every error points here). */
export function errorCodePage(code: string): SimResponse {
  return htmlPage(200, 'Error', `<h1>Error code: AADSTS${escapeHtml(code)}</h1><p>See the error description returned with the response.</p>`);
}
