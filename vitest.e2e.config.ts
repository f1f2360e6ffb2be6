import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (dist-sim) in real Chromium against the simulators.
// One file at a time: the simulators listen on fixed loopback ports and the machine has 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['test/e2e/harness/global-setup.ts'],
  },
});
