/**
 * Who exists at the simulated Google: user accounts, registered OAuth clients (Web application
 * type, with their authorized redirect URIs), and which scopes each user granted each client.
 */
import { createHash } from 'node:crypto';

export interface GoogleAccount {
  readonly email: string;
  readonly name: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Google's stable numeric account id (the `sub` claim). */
  readonly sub: string;
  /** Google Workspace domain; consumer accounts have none. Reported as `hd`. */
  readonly hostedDomain?: string;
}

export interface GoogleAccountInput {
  readonly email: string;
  readonly name?: string;
  readonly sub?: string;
  readonly hostedDomain?: string;
}

export interface GoogleClient {
  readonly clientId: string;
  /** Shown on the sign-in page ("to continue to …"). */
  readonly name: string;
  /** Authorized redirect URIs; Google compares them exactly (scheme, host, port, path, trailing slash). */
  readonly redirectUris: readonly string[];
}

export interface GoogleClientInput {
  readonly clientId: string;
  readonly name?: string;
  readonly redirectUris: readonly string[];
}

export class GoogleDirectory {
  readonly accounts = new Map<string, GoogleAccount>();
  readonly clients = new Map<string, GoogleClient>();
  /** Granted scopes (canonical form) per `${email} ${clientId}`. */
  private readonly consents = new Map<string, Set<string>>();

  addAccount(input: GoogleAccountInput): GoogleAccount {
    const email = input.email.toLowerCase();
    const name = input.name ?? defaultName(email);
    const [givenName = name, ...rest] = name.split(' ');
    const sub = input.sub ?? numericId(email);
    const account: GoogleAccount = {
      email,
      name,
      givenName,
      familyName: rest.join(' '),
      sub,
      ...(input.hostedDomain ? { hostedDomain: input.hostedDomain } : {}),
    };
    this.accounts.set(email, account);
    return account;
  }

  registerClient(input: GoogleClientInput): GoogleClient {
    const client: GoogleClient = { clientId: input.clientId, name: input.name ?? input.clientId, redirectUris: [...input.redirectUris] };
    this.clients.set(client.clientId, client);
    return client;
  }

  granted(email: string, clientId: string): ReadonlySet<string> {
    return this.consents.get(consentKey(email, clientId)) ?? new Set();
  }

  grant(email: string, clientId: string, scopes: Iterable<string>): void {
    const key = consentKey(email, clientId);
    const set = this.consents.get(key) ?? new Set<string>();
    for (const scope of scopes) set.add(scope);
    this.consents.set(key, set);
  }

  /** Forgets the grants of `email` (to one client, or to all): the next silent request needs consent again. */
  forget(email: string, clientId?: string): void {
    if (clientId !== undefined) {
      this.consents.delete(consentKey(email, clientId));
      return;
    }
    for (const key of [...this.consents.keys()]) if (key.startsWith(`${email} `)) this.consents.delete(key);
  }
}

function consentKey(email: string, clientId: string): string {
  return `${email} ${clientId}`;
}

function defaultName(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}

/** A 21-digit id like Google's, stable for an email so runs are reproducible. */
function numericId(email: string): string {
  const digest = createHash('sha256').update(email).digest();
  let digits = '1';
  for (let i = 0; digits.length < 21; i++) digits += String(digest[i % digest.length]! % 10);
  return digits;
}
