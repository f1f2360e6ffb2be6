import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { PRODUCTION_ENDPOINTS } from './endpoints.config.ts';

// Unit, simulator and integration tests. Kept apart from vite.config.ts so the crx plugin's file
// writer never runs under vitest; e2e tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [preact()],
  define: {
    __TANDEM_ENDPOINTS__: JSON.stringify(PRODUCTION_ENDPOINTS),
    __TANDEM_SIMULATOR_BUILD__: 'false',
    __TANDEM_CLIENT_IDS__: JSON.stringify({ google: '', microsoft: '' }),
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
