import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { createManifest } from './manifest.config.ts';
import { isSimulatorMode, resolveClientIds, resolveEndpoints } from './endpoints.config.ts';

export default defineConfig(({ mode }) => {
  const endpoints = resolveEndpoints(mode, process.env);
  return {
    plugins: [preact(), crx({ manifest: createManifest(mode, endpoints) })],
    define: {
      // Only these values reach the bundle; other TANDEM_* variables (tokens for the headless
      // runner, say) never do.
      __TANDEM_ENDPOINTS__: JSON.stringify(endpoints),
      __TANDEM_SIMULATOR_BUILD__: JSON.stringify(isSimulatorMode(mode)),
      __TANDEM_CLIENT_IDS__: JSON.stringify(resolveClientIds(mode, process.env)),
    },
    build: {
      target: 'chrome120',
      emptyOutDir: true,
      sourcemap: isSimulatorMode(mode),
      // Pages the manifest does not name must be listed: the MSAL offscreen document.
      rollupOptions: { input: { offscreen: 'src/background/offscreen/offscreen.html' } },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
