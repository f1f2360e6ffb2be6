/**
 * GET /{tenant}/oauth2/v2.0/logout?post_logout_redirect_uri=…&state=… — ends the browser session
 * (clears the cookie) and redirects to `post_logout_redirect_uri` when it is a redirect URI some
 * app registered (with `state` appended); otherwise shows "You signed out of your account".
 */
import type { Handler } from '../core/http.ts';
import { plainRedirect } from '../core/web.ts';
import type { MsIdentityContext } from './context.ts';
import { signedOutPage } from './pages.ts';

export function logoutHandler(ctx: MsIdentityContext): Handler {
  return (request) => {
    ctx.counters.logouts += 1;
    const clearCookie = ctx.sessions.end(request);
    const target = request.url.searchParams.get('post_logout_redirect_uri');
    const registered = target !== null && [...ctx.directory.clients.values()].some((c) => c.redirectUris.includes(target));
    if (!registered) {
      const page = signedOutPage();
      return { ...page, headers: { ...page.headers, 'set-cookie': clearCookie } };
    }
    const url = new URL(target);
    const state = request.url.searchParams.get('state');
    if (state !== null) url.searchParams.set('state', state);
    return plainRedirect(url.toString(), { 'set-cookie': clearCookie });
  };
}
