import { describe, expect, it } from 'vitest';
import { hostPermissionFor, PRODUCTION_ENDPOINTS, resolveEndpoints } from '../../../endpoints.config.ts';
import { SIM_ENDPOINTS } from '../../sim/defaults.ts';

describe('build-time endpoint resolution', () => {
  it('uses production endpoints in a production build', () => {
    expect(resolveEndpoints('production', {})).toEqual(PRODUCTION_ENDPOINTS);
  });

  it('uses the loopback simulators in the simulator build', () => {
    expect(resolveEndpoints('sim', {})).toEqual(SIM_ENDPOINTS);
  });

  it('lets every TANDEM_* variable point anywhere, http or https, any port', () => {
    const endpoints = resolveEndpoints('production', {
      TANDEM_GOOGLE_API: 'http://10.0.0.5:9000/calendar/v3/',
      TANDEM_GOOGLE_AUTH: 'https://auth.example/o/oauth2/v2/auth',
      TANDEM_GRAPH_API: 'https://graph.microsoft.us/v1.0',
      TANDEM_MS_AUTHORITY: 'https://login.microsoftonline.us/contoso.onmicrosoft.com',
    });
    expect(endpoints).toEqual({
      googleApi: 'http://10.0.0.5:9000/calendar/v3',
      googleAuth: 'https://auth.example/o/oauth2/v2/auth',
      graphApi: 'https://graph.microsoft.us/v1.0',
      msAuthority: 'https://login.microsoftonline.us/contoso.onmicrosoft.com',
    });
  });

  it('rejects a value that is not an http(s) URL, naming the variable', () => {
    expect(() => resolveEndpoints('sim', { TANDEM_GRAPH_API: 'graph.local' })).toThrow(/TANDEM_GRAPH_API/);
    expect(() => resolveEndpoints('sim', { TANDEM_GRAPH_API: 'ftp://graph.local' })).toThrow(/http or https/);
  });

  it('grants host access to an endpoint origin on any port', () => {
    expect(hostPermissionFor('https://graph.microsoft.us/v1.0')).toBe('https://graph.microsoft.us/*');
    expect(hostPermissionFor('http://127.0.0.1:27801/calendar/v3')).toBe('http://127.0.0.1/*');
  });
});
