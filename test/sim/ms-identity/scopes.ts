/**
 * Scopes at the v2.0 endpoint. OpenID scopes (`openid profile email offline_access`) need no
 * consent and decide what comes back (an id_token for `openid`, a refresh token for
 * `offline_access`); everything else must be a Microsoft Graph permission — the only resource the
 * simulator hosts — given short (`Calendars.ReadWrite`) or fully qualified
 * (`https://graph.microsoft.com/Calendars.ReadWrite`); `.default` means the permissions configured
 * on the registration. Graph scopes come back in their short form, as Entra returns them.
 */
import type { MsClient } from './directory.ts';

const OIDC = ['openid', 'profile', 'email', 'offline_access'] as const;
export type OidcScope = (typeof OIDC)[number];

const GRAPH_RESOURCE = 'https://graph.microsoft.com/';

const GRAPH_PERMISSIONS = [
  'User.Read',
  'User.ReadBasic.All',
  'Calendars.Read',
  'Calendars.ReadBasic',
  'Calendars.ReadWrite',
  'Calendars.Read.Shared',
  'Calendars.ReadWrite.Shared',
  'MailboxSettings.Read',
  'MailboxSettings.ReadWrite',
];

/** Without any resource scope Entra still issues a Graph token, for the sign-in permission. */
const SIGN_IN_PERMISSION = 'User.Read';

export interface ScopeSet {
  readonly oidc: ReadonlySet<OidcScope>;
  /** Graph permissions in canonical short form. */
  readonly graph: readonly string[];
}

/** Parses a `scope` parameter; `{ invalid }` names the first scope Entra would reject (AADSTS70011). */
export function parseScopeSet(raw: string, client: MsClient): ScopeSet | { readonly invalid: string } {
  const oidc = new Set<OidcScope>();
  const graph = new Set<string>();
  for (const scope of raw.split(/\s+/).filter(Boolean)) {
    const lower = scope.toLowerCase();
    const oidcScope = OIDC.find((s) => s === lower);
    if (oidcScope) {
      oidc.add(oidcScope);
      continue;
    }
    const permission = lower.startsWith(GRAPH_RESOURCE) ? scope.slice(GRAPH_RESOURCE.length) : scope;
    if (permission === '.default') {
      client.permissions.forEach((p) => graph.add(p));
      continue;
    }
    const known = GRAPH_PERMISSIONS.find((p) => p.toLowerCase() === permission.toLowerCase());
    if (!known) return { invalid: scope };
    graph.add(known);
  }
  if (graph.size === 0) graph.add(SIGN_IN_PERMISSION);
  return { oidc, graph: [...graph] };
}

/** The `scope` of a token response: Graph permissions, then the OpenID scopes except offline_access. */
export function responseScope(scopes: ScopeSet): string {
  return [...scopes.graph, ...[...scopes.oidc].filter((s) => s !== 'offline_access')].join(' ');
}
