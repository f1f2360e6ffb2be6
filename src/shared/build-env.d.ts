/** Injected by Vite's `define` at build time (see vite.config.ts and endpoints.config.ts). */
declare const __TANDEM_ENDPOINTS__: {
  readonly googleApi: string;
  readonly googleAuth: string;
  readonly graphApi: string;
  readonly msAuthority: string;
};
/** True in the simulator build (`vite build --mode sim`). */
declare const __TANDEM_SIMULATOR_BUILD__: boolean;
/** Default OAuth client ids of this build (endpoints.config.ts resolveClientIds). */
declare const __TANDEM_CLIENT_IDS__: { readonly google: string; readonly microsoft: string };
