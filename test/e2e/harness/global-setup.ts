/**
 * Runs once before the e2e suite. Fails the run, with the fix in the message, when Chromium or the
 * simulator build is missing: e2e tests are never skipped silently.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from './chromium.ts';
import { SIM_BUILD_DIR } from './extension.ts';

export default function setup(): void {
  findChromium();
  if (!existsSync(path.join(SIM_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`The simulator build is missing (${SIM_BUILD_DIR}). Run "npm run build:sim" before the e2e tests.`);
  }
}
