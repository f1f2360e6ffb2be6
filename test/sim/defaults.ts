/**
 * Loopback addresses the simulators listen on by default (`npm run sim`, `npm run demo`, e2e), and
 * therefore the endpoints a simulator build of the extension uses unless TANDEM_* variables say
 * otherwise. The ports sit below Linux's ephemeral range (32768–60999): a fixed port inside it can
be held, now and then, by the local end of some outgoing connection, and the simulator would then
fail to start. Graph and the Microsoft identity platform are HTTPS because the Graph client only
 * sends tokens to https hosts and MSAL refuses an http authority.
 */
export const SIM_PORTS = {
  googleApi: 27801,
  googleAuth: 27802,
  graph: 27803,
  msIdentity: 27804,
  web: 27805,
} as const;

export const SIM_HOST = '127.0.0.1';

export const SIM_ENDPOINTS = {
  googleApi: `http://${SIM_HOST}:${SIM_PORTS.googleApi}/calendar/v3`,
  googleAuth: `http://${SIM_HOST}:${SIM_PORTS.googleAuth}/o/oauth2/v2/auth`,
  graphApi: `https://${SIM_HOST}:${SIM_PORTS.graph}/v1.0`,
  msAuthority: `https://${SIM_HOST}:${SIM_PORTS.msIdentity}/common`,
} as const;

/**
 * OAuth clients the simulators know, with the extension's redirect URI registered: the simulator
 * build of the extension uses these ids unless the user enters others.
 */
export const SIM_CLIENTS = {
  google: 'tandem-sim-0000000000.apps.googleusercontent.com',
  microsoft: '7c3e6b1f-5d0a-4b8e-9a61-2f4d8c9e0b17',
} as const;
