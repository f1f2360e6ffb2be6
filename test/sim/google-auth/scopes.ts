/**
 * Google OAuth scopes as the authorize endpoint treats them. Google answers an unknown scope with
 * an "Error 400: invalid_scope" page listing the valid and invalid ones. `email` and `profile` are
 * aliases of the userinfo scopes: consent to one is consent to the other, and the granted `scope`
 * in the redirect names both forms (e.g. "email https://www.googleapis.com/auth/userinfo.email").
 */
const AUTH = 'https://www.googleapis.com/auth/';

const ALIASES: Readonly<Record<string, string>> = {
  email: `${AUTH}userinfo.email`,
  profile: `${AUTH}userinfo.profile`,
};

/** The scopes the simulator knows: sign-in and Calendar API scopes (Calendar API v3 discovery). */
const KNOWN_SCOPES: ReadonlySet<string> = new Set([
  'openid',
  'email',
  'profile',
  `${AUTH}userinfo.email`,
  `${AUTH}userinfo.profile`,
  `${AUTH}calendar`,
  `${AUTH}calendar.readonly`,
  `${AUTH}calendar.events`,
  `${AUTH}calendar.events.readonly`,
  `${AUTH}calendar.events.owned`,
  `${AUTH}calendar.events.owned.readonly`,
  `${AUTH}calendar.calendarlist`,
  `${AUTH}calendar.calendarlist.readonly`,
  `${AUTH}calendar.calendars`,
  `${AUTH}calendar.calendars.readonly`,
  `${AUTH}calendar.settings.readonly`,
  `${AUTH}calendar.app.created`,
  `${AUTH}calendar.freebusy`,
]);

export const EMAIL_SCOPE = `${AUTH}userinfo.email`;
export const PROFILE_SCOPE = `${AUTH}userinfo.profile`;

/** Splits a space-delimited `scope` parameter, dropping duplicates. */
export function parseScopes(raw: string | null): string[] {
  return [...new Set((raw ?? '').split(/\s+/).filter((s) => s.length > 0))];
}

export function invalidScopes(scopes: readonly string[]): string[] {
  return scopes.filter((s) => !KNOWN_SCOPES.has(s));
}

/** The canonical form consent is recorded in: aliases replaced by their URL scopes. */
export function canonicalScopes(scopes: Iterable<string>): Set<string> {
  return new Set([...scopes].map((s) => ALIASES[s] ?? s));
}

/** What the redirect reports as granted: every scope plus the alias of each aliased one. */
export function reportedScopes(canonical: Iterable<string>): string[] {
  const shortNames = Object.entries(ALIASES);
  const reported = new Set<string>();
  for (const scope of canonical) {
    const alias = shortNames.find(([, url]) => url === scope)?.[0];
    if (alias) reported.add(alias);
    reported.add(scope);
  }
  return [...reported];
}

/** True when the token's scopes reveal the user's identity (tokeninfo then reports `sub`). */
export function hasIdentityScope(scopes: readonly string[]): boolean {
  return scopes.some((s) => s === 'openid' || s === EMAIL_SCOPE || s === PROFILE_SCOPE);
}
