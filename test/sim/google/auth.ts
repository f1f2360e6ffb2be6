/**
 * Bearer-token checks (auth-and-toolchain.md §3, calendar-apis.md §1.10): no Authorization header →
 * 401 `required` "Login Required."; an unknown, expired, revoked or wrong-audience token → 401
 * `authError` "Invalid Credentials" (both domain global, location Authorization, with the long
 * top-level message and `status: UNAUTHENTICATED` Google's front end adds). A valid token
 * whose scopes do not cover the method → 403 `insufficientPermissions`, as Google answers e.g.
 * calendarList.list called with only the calendar.events scope.
 */
import { headerValue, type SimRequest } from '../core/http.ts';
import type { TokenRegistry } from '../core/tokens.ts';
import { GoogleApiError } from './errors.ts';

export type ScopeNeed = 'events.read' | 'events.write' | 'calendarList' | 'calendars' | 'colors';

const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** Scopes (without the prefix) that allow each kind of call, from the methods' reference pages. */
const ALLOWED: Readonly<Record<Exclude<ScopeNeed, 'colors'>, readonly string[]>> = {
  'events.read': [
    'calendar', 'calendar.readonly', 'calendar.events', 'calendar.events.readonly', 'calendar.events.owned',
    'calendar.events.owned.readonly', 'calendar.app.created',
  ],
  'events.write': ['calendar', 'calendar.events', 'calendar.events.owned', 'calendar.app.created'],
  calendarList: ['calendar', 'calendar.readonly', 'calendar.calendarlist', 'calendar.calendarlist.readonly', 'calendar.app.created'],
  calendars: ['calendar', 'calendar.readonly', 'calendar.calendars', 'calendar.calendars.readonly', 'calendar.app.created'],
};

/** The full-access scope `issueToken` grants unless told otherwise. */
export const FULL_SCOPE = `${SCOPE_PREFIX}calendar`;

export function authenticate(tokens: TokenRegistry, request: SimRequest, need: ScopeNeed): string {
  const check = tokens.check(headerValue(request, 'authorization'), 'google-calendar');
  if (!check.ok) {
    if (check.reason === 'missing') throw authError('required', 'Login Required.', 'Request is missing required authentication credential.');
    throw authError('authError', 'Invalid Credentials', 'Request had invalid authentication credentials.');
  }
  const scopes = check.grant.scopes.map((s) => (s.startsWith(SCOPE_PREFIX) ? s.slice(SCOPE_PREFIX.length) : s));
  const allowed = need === 'colors' ? scopes.some((s) => s.startsWith('calendar')) : scopes.some((s) => ALLOWED[need].includes(s));
  if (!allowed) {
    throw new GoogleApiError(403, 'insufficientPermissions', 'Insufficient Permission', undefined, {
      topMessage: 'Request had insufficient authentication scopes.',
      status: 'PERMISSION_DENIED',
    });
  }
  return check.grant.account;
}

function authError(reason: string, message: string, problem: string): GoogleApiError {
  const topMessage = `${problem} Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.`;
  return new GoogleApiError(401, reason, message, { locationType: 'header', location: 'Authorization' }, { topMessage, status: 'UNAUTHENTICATED' });
}

/** The account a request acts for, for the request log (undefined without a valid token). */
export function accountOf(tokens: TokenRegistry, request: SimRequest): string | undefined {
  const check = tokens.check(headerValue(request, 'authorization'), 'google-calendar');
  return check.ok ? check.grant.account : undefined;
}
