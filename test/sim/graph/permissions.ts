/**
 * Delegated permissions Graph checks before serving a request: a token without one of the listed
 * permissions gets 403 ErrorAccessDenied, as the real service answers (e.g. reading
 * /me/mailboxSettings needs MailboxSettings.Read). Tokens carry short permission names; the
 * fully qualified form (https://graph.microsoft.com/…) is accepted too.
 */
import { GraphError } from './errors.ts';

const GRAPH_RESOURCE = 'https://graph.microsoft.com/';

/** Any one of these permissions admits the request. */
export function permissionsFor(method: string, path: string): readonly string[] {
  const resource = path.replace(/^\/(v1\.0|beta)/i, '');
  if (/^\/me\/mailboxSettings/i.test(resource)) {
    return method === 'GET' ? ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'] : ['MailboxSettings.ReadWrite'];
  }
  if (/^\/me\/?$/i.test(resource)) return ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All'];
  return method === 'GET' ? ['Calendars.Read', 'Calendars.ReadWrite'] : ['Calendars.ReadWrite'];
}

export function checkPermissions(method: string, path: string, granted: readonly string[]): void {
  const have = new Set(granted.map((scope) => (scope.toLowerCase().startsWith(GRAPH_RESOURCE) ? scope.slice(GRAPH_RESOURCE.length) : scope).toLowerCase()));
  if (permissionsFor(method, path).some((permission) => have.has(permission.toLowerCase()))) return;
  throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}
