/**
 * `npm run sim`: starts every simulator on its loopback port, seeds the demo calendars, prints the
 * addresses, ready-made access tokens and the variables for pointing a build or a client at them,
 * then serves until interrupted.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulators } from '../test/sim/index.ts';
import { seedDemo } from '../test/sim/seed/demo.ts';
import { SIM_CLIENTS } from '../test/sim/defaults.ts';

const DAY_MS = 24 * 3600_000;

const sims = await startSimulators({ ports: 'default' });
const world = seedDemo(sims);
const googleToken = sims.google.issueToken(world.googleUser, DAY_MS);
const graphToken = sims.graph.issueToken(world.msUser, DAY_MS);
const certificateFile = path.join(tmpdir(), 'tandem-simulators.pem');
writeFileSync(certificateFile, sims.tls.cert);

console.log(`Tandem simulators are running (stop with Ctrl-C).

  Google Calendar API      ${sims.endpoints.googleApi}
  Google sign-in           ${sims.endpoints.googleAuth}
  Microsoft Graph          ${sims.endpoints.graphApi}   (self-signed HTTPS)
  Microsoft identity       ${sims.endpoints.msAuthority}   (self-signed HTTPS)
  Simulated web pages      ${sims.endpoints.web}/

Demo accounts: ${world.googleUser} (Google), ${world.msUser} (Microsoft)
  Google calendar   ${world.googleCalendarId}
  Outlook calendar  ${world.outlookCalendarId}
  Web pages         ${world.pages.google}
                    ${world.pages.outlook}
OAuth clients: Google ${SIM_CLIENTS.google}, Microsoft ${SIM_CLIENTS.microsoft}

Access tokens valid for 24 h of simulator time:
  TANDEM_GOOGLE_TOKEN=${googleToken}
  TANDEM_MS_TOKEN=${graphToken}

Point a build or a client at these simulators with:
  TANDEM_GOOGLE_API=${sims.endpoints.googleApi}
  TANDEM_GOOGLE_AUTH=${sims.endpoints.googleAuth}
  TANDEM_GRAPH_API=${sims.endpoints.graphApi}
  TANDEM_MS_AUTHORITY=${sims.endpoints.msAuthority}
Trust the HTTPS simulators' certificate (made at start-up) in other programs with:
  NODE_EXTRA_CA_CERTS=${certificateFile}        curl --cacert ${certificateFile}
`);

const stop = (): void => {
  console.log('\nStopping simulators…');
  void sims.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
