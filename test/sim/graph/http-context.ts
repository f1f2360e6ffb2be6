/**
 * What every Graph calendar route does before and after its own work: check the bearer token
 * (audience microsoft-graph), find the caller's mailbox, take a throttling slot for the whole
 * handler (plus the configured latency), read Prefer and the query, and turn GraphErrors into
 * Graph's error envelope.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { jsonBody, type Handler, type SimRequest, type SimResponse } from '../core/http.ts';
import type { TokenCheck, TokenRegistry } from '../core/tokens.ts';
import { GraphError, MESSAGES, renderThrown } from './errors.ts';
import type { MailboxRecord } from './model.ts';
import { Query } from './odata.ts';
import { checkPermissions } from './permissions.ts';
import { parsePrefer, preferenceApplied, type Preferences } from './prefer.ts';
import type { RenderOptions } from './render.ts';
import type { GraphStore } from './store.ts';
import type { MailboxThrottle } from './throttle.ts';

export interface GraphContext {
  readonly request: SimRequest;
  readonly mailbox: MailboxRecord;
  readonly prefs: Preferences;
  readonly query: Query;
  readonly beta: boolean;
  /** Id form and zone for rendering events in this response. */
  readonly render: RenderOptions;
}

export type GraphHandler = (ctx: GraphContext) => SimResponse | Promise<SimResponse>;

export interface ContextDeps {
  readonly tokens: TokenRegistry;
  readonly store: GraphStore;
  readonly throttle: MailboxThrottle;
  readonly counters: { throttled: number };
  readonly latencyMs: () => number;
}

const AUTH_MESSAGES: Readonly<Record<Exclude<TokenCheck, { ok: true }>['reason'], string>> = {
  missing: 'Access token is empty.',
  unknown: 'Access token validation failure.',
  'wrong-audience': 'Access token validation failure. Invalid audience.',
  expired: 'Lifetime validation failed, the token is expired.',
};

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export function graphRoute(deps: ContextDeps, handler: GraphHandler): Handler {
  return async (request) => {
    try {
      const mailbox = authenticate(deps, request);
      const release = admit(deps, mailbox);
      try {
        const latency = deps.latencyMs();
        if (latency > 0) await sleep(latency);
        return await handler(contextOf(request, mailbox));
      } finally {
        release();
      }
    } catch (error) {
      if (error instanceof GraphError) return renderThrown(error);
      throw error;
    }
  };
}

/** Reads a JSON body; malformed JSON is Graph's 400 BadRequest. */
export function readJson(request: SimRequest): unknown {
  try {
    return jsonBody(request);
  } catch {
    throw new GraphError(400, 'BadRequest', MESSAGES.unreadableJson);
  }
}

/** A JSON response carrying Preference-Applied for what it honoured. */
export function ok(ctx: GraphContext, status: number, body: unknown, paged = false): SimResponse {
  const applied = preferenceApplied(ctx.prefs, paged);
  return { status, headers: applied ? { 'preference-applied': applied } : {}, body };
}

function authenticate(deps: ContextDeps, request: SimRequest): MailboxRecord {
  const check = deps.tokens.check(request.headers['authorization'], 'microsoft-graph');
  if (!check.ok) {
    throw new GraphError(401, 'InvalidAuthenticationToken', AUTH_MESSAGES[check.reason], { 'www-authenticate': WWW_AUTHENTICATE });
  }
  checkPermissions(request.method, request.url.pathname, check.grant.scopes);
  const mailbox = deps.store.mailbox(check.grant.account);
  if (!mailbox) {
    throw new GraphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
  }
  return mailbox;
}

function admit(deps: ContextDeps, mailbox: MailboxRecord): () => void {
  try {
    return deps.throttle.acquire(mailbox.upn);
  } catch (error) {
    deps.counters.throttled++;
    throw error;
  }
}

function contextOf(request: SimRequest, mailbox: MailboxRecord): GraphContext {
  const prefs = parsePrefer(request.headers['prefer']);
  const beta = request.url.pathname.startsWith('/beta/');
  return {
    request,
    mailbox,
    prefs,
    query: new Query(request.url),
    beta,
    render: { idForm: prefs.immutableIds ? 'immutable' : 'regular', timeZone: prefs.timeZone, beta },
  };
}
