/** Where this build talks to Google and Microsoft; fixed at build time (endpoints.config.ts). */
export interface Endpoints {
  readonly googleApi: string;
  readonly googleAuth: string;
  readonly graphApi: string;
  readonly msAuthority: string;
}

export const ENDPOINTS: Endpoints = __TANDEM_ENDPOINTS__;

export const IS_SIMULATOR_BUILD: boolean = __TANDEM_SIMULATOR_BUILD__;

/** OAuth client ids used until the user enters their own (empty in a production build by default). */
export const DEFAULT_CLIENT_IDS: { readonly google: string; readonly microsoft: string } = __TANDEM_CLIENT_IDS__;
