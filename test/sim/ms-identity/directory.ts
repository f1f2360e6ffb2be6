/**
 * Who exists at the simulated Microsoft identity platform: work/school accounts (in a tenant
 * GUID) and personal Microsoft accounts (the consumers tenant), app registrations with their
 * platform (SPA, web, mobile & desktop) and redirect URIs, users' consents, and per-user
 * revocations (an administrator revoking the user's sessions).
 */
import { createHash } from 'node:crypto';
import { AADSTS, type EntraError } from './aadsts.ts';

/** The tenant personal Microsoft accounts live in ("Microsoft Services"). */
export const CONSUMERS_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';
/** The work tenant accounts join when none is given. */
export const DEFAULT_WORK_TENANT_ID = '5f8c2a1e-7b3d-4e6f-9a0b-1c2d3e4f5a6b';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AccountKind = 'work' | 'personal';

export interface MsAccount {
  /** User principal name (the sign-in name, `preferred_username`). */
  readonly upn: string;
  readonly name: string;
  readonly kind: AccountKind;
  readonly tenantId: string;
  /** Object id (`oid`, and `uid` in client_info). */
  readonly oid: string;
}

export interface MsAccountInput {
  readonly upn: string;
  readonly name?: string;
  readonly kind?: AccountKind;
  readonly tenantId?: string;
  readonly oid?: string;
}

/** App registration platform. Only `spa` may redeem codes cross-origin (and must). */
export type ClientPlatform = 'spa' | 'web' | 'mobile-desktop';

export interface MsClient {
  readonly clientId: string;
  readonly name: string;
  readonly platform: ClientPlatform;
  readonly redirectUris: readonly string[];
  /** Web apps authenticate at the token endpoint with it. */
  readonly clientSecret?: string;
  /** Graph permissions configured on the registration (what `.default` expands to). */
  readonly permissions: readonly string[];
}

export interface MsClientInput {
  readonly clientId: string;
  readonly name?: string;
  readonly platform: ClientPlatform;
  readonly redirectUris: readonly string[];
  readonly clientSecret?: string;
  readonly permissions?: readonly string[];
}

export class MsDirectory {
  readonly accounts = new Map<string, MsAccount>();
  readonly clients = new Map<string, MsClient>();
  /** Consented Graph permissions per `${upn} ${clientId}`. */
  private readonly consents = new Map<string, Set<string>>();
  /** Per user: how often an administrator revoked their sessions, and when last (Entra's refreshTokensValidFromDateTime). */
  private readonly revocations = new Map<string, { readonly count: number; readonly at: number }>();

  addAccount(input: MsAccountInput): MsAccount {
    const upn = input.upn.toLowerCase();
    const kind = input.kind ?? 'work';
    const tenantId = kind === 'personal' ? CONSUMERS_TENANT_ID : (input.tenantId ?? DEFAULT_WORK_TENANT_ID).toLowerCase();
    const account: MsAccount = { upn, name: input.name ?? upn.split('@')[0]!, kind, tenantId, oid: input.oid ?? objectId(upn, kind) };
    this.accounts.set(upn, account);
    return account;
  }

  registerClient(input: MsClientInput): MsClient {
    const client: MsClient = {
      clientId: input.clientId,
      name: input.name ?? input.clientId,
      platform: input.platform,
      redirectUris: [...input.redirectUris],
      ...(input.clientSecret === undefined ? {} : { clientSecret: input.clientSecret }),
      permissions: [...(input.permissions ?? ['User.Read', 'Calendars.ReadWrite'])],
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  /** `common`, `organizations`, `consumers`, or the GUID of a tenant that has accounts (or the consumers GUID). */
  isKnownTenant(segment: string): boolean {
    if (segment === 'common' || segment === 'organizations' || segment === 'consumers') return true;
    if (!GUID.test(segment)) return false;
    const id = segment.toLowerCase();
    return id === CONSUMERS_TENANT_ID || [...this.accounts.values()].some((a) => a.tenantId === id);
  }

  /** Why `account` cannot sign in at the `tenant` path segment (undefined: it can). */
  eligibility(account: MsAccount, tenant: string, clientId: string): EntraError | undefined {
    const segment = tenant.toLowerCase();
    if (segment === 'common') return undefined;
    if (segment === 'organizations') return account.kind === 'personal' ? AADSTS.personalAccountNotSupported(account.upn) : undefined;
    const target = segment === 'consumers' ? CONSUMERS_TENANT_ID : segment;
    if (account.tenantId === target) return undefined;
    return AADSTS.userNotInTenant(account.upn, identityProvider(account), target === CONSUMERS_TENANT_ID ? undefined : target, clientId);
  }

  /** Grants remember the count at issue time; a later revocation makes them invalid. */
  revocation(upn: string): { readonly count: number; readonly at: number } {
    return this.revocations.get(upn) ?? { count: 0, at: 0 };
  }

  revokeSessions(upn: string, at: number): void {
    this.revocations.set(upn, { count: this.revocation(upn).count + 1, at });
  }

  granted(upn: string, clientId: string): ReadonlySet<string> {
    return this.consents.get(`${upn} ${clientId}`) ?? new Set();
  }

  grant(upn: string, clientId: string, permissions: Iterable<string>): void {
    const key = `${upn} ${clientId}`;
    const set = this.consents.get(key) ?? new Set<string>();
    for (const p of permissions) set.add(p);
    this.consents.set(key, set);
  }
}

export function identityProvider(account: MsAccount): string {
  return account.kind === 'personal' ? 'live.com' : `https://sts.windows.net/${account.tenantId}/`;
}

/** A stable object id; personal accounts get Entra's `00000000-0000-0000-…` form. */
function objectId(upn: string, kind: AccountKind): string {
  const hex = createHash('sha256').update(upn).digest('hex');
  if (kind === 'personal') return `00000000-0000-0000-${hex.slice(0, 4)}-${hex.slice(4, 16)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
