/**
 * Sign-in for the extension (contract: types.ts). The worker passes its dependencies; the browser
 * seam defaults to the real one (src/background/platform/auth.ts), tests pass fakes.
 */
import { ENDPOINTS, IS_SIMULATOR_BUILD } from '../../shared/endpoints.ts';
import { browserAuthPlatform } from '../platform/auth.ts';
import type { AuthPlatform } from './platform.ts';
import { createAuthService } from './service.ts';
import type { AuthDeps, AuthService } from './types.ts';

export type { AuthPlatform } from './platform.ts';

export function createAuth(deps: AuthDeps, platform: AuthPlatform = browserAuthPlatform()): AuthService {
  return createAuthService(deps, platform, { googleApi: ENDPOINTS.googleApi, simulatorBuild: IS_SIMULATOR_BUILD });
}
