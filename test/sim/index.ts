/**
 * Starts every simulator on loopback, wired together: one clock, one token registry (tokens the
 * sign-in servers issue are the ones the APIs accept), one certificate, and the extension's OAuth
 * clients registered with both sign-in servers. Used by `npm run sim`, the demo and e2e tests.
 */
import { EXTENSION_ID } from '../../manifest.config.ts';
import { SimClock } from './core/clock.ts';
import { simulatorCertificate, type TlsMaterial } from './core/tls.ts';
import { TokenRegistry } from './core/tokens.ts';
import { trustSimulatorCertificate } from './core/trust.ts';
import { SIM_CLIENTS, SIM_PORTS } from './defaults.ts';
import { GoogleAuthSim } from './google-auth/index.ts';
import { GoogleCalendarSim } from './google/index.ts';
import { GraphSim } from './graph/index.ts';
import { MicrosoftIdentitySim } from './ms-identity/index.ts';
import { WebPagesSim } from './web/index.ts';

export type SimPorts = { readonly [K in keyof typeof SIM_PORTS]: number };

export interface StartOptions {
  /** `default`: the fixed ports the simulator build expects; `random`: free ports (parallel tests). */
  readonly ports?: 'default' | 'random' | Partial<SimPorts>;
  readonly clock?: SimClock;
  /** Make this Node process's fetch trust the simulators' certificate (default true). */
  readonly trustCertificate?: boolean;
}

export interface SimEndpoints {
  readonly googleApi: string;
  readonly googleAuth: string;
  readonly graphApi: string;
  readonly msAuthority: string;
  readonly web: string;
}

export interface Simulators {
  readonly clock: SimClock;
  readonly tokens: TokenRegistry;
  readonly tls: TlsMaterial;
  readonly google: GoogleCalendarSim;
  readonly googleAuth: GoogleAuthSim;
  readonly graph: GraphSim;
  readonly msIdentity: MicrosoftIdentitySim;
  readonly web: WebPagesSim;
  readonly endpoints: SimEndpoints;
  close(): Promise<void>;
}

/** The OAuth redirect URI of the extension (pinned id), registered with both sign-in servers. */
export const EXTENSION_REDIRECT_URI = `https://${EXTENSION_ID}.chromiumapp.org/`;

export async function startSimulators(options: StartOptions = {}): Promise<Simulators> {
  const clock = options.clock ?? new SimClock();
  const tokens = new TokenRegistry(clock);
  const tls = await simulatorCertificate();
  if (options.trustCertificate ?? true) trustSimulatorCertificate(tls);

  const google = new GoogleCalendarSim({ clock, tokens });
  const googleAuth = new GoogleAuthSim({ clock, tokens });
  const graph = new GraphSim({ clock, tokens, tls });
  const msIdentity = new MicrosoftIdentitySim({ clock, tokens, tls });
  const web = new WebPagesSim({ clock, google, graph });
  googleAuth.registerClient({ clientId: SIM_CLIENTS.google, name: 'Tandem', redirectUris: [EXTENSION_REDIRECT_URI] });
  msIdentity.registerClient({ clientId: SIM_CLIENTS.microsoft, platform: 'spa', redirectUris: [EXTENSION_REDIRECT_URI] });

  const ports = resolvePorts(options.ports ?? 'default');
  const servers = [
    google.listen(ports.googleApi),
    googleAuth.listen(ports.googleAuth),
    graph.listen(ports.graph),
    msIdentity.listen(ports.msIdentity),
    web.listen(ports.web),
  ];
  const started = await Promise.allSettled(servers);
  const all = [google, googleAuth, graph, msIdentity, web];
  const close = async (): Promise<void> => {
    await Promise.all(all.map((sim) => sim.close()));
  };
  const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await close();
    throw new Error(`A simulator could not start: ${String(failure.reason)}. Is another "npm run sim" or demo running?`);
  }
  return {
    clock,
    tokens,
    tls,
    google,
    googleAuth,
    graph,
    msIdentity,
    web,
    endpoints: {
      googleApi: google.apiBase,
      googleAuth: `${googleAuth.url}/o/oauth2/v2/auth`,
      graphApi: `${graph.url}/v1.0`,
      msAuthority: msIdentity.authority,
      web: web.url,
    },
    close,
  };
}

function resolvePorts(ports: NonNullable<StartOptions['ports']>): SimPorts {
  if (ports === 'default') return SIM_PORTS;
  if (ports === 'random') return { googleApi: 0, googleAuth: 0, graph: 0, msIdentity: 0, web: 0 };
  return { ...SIM_PORTS, ...ports };
}
