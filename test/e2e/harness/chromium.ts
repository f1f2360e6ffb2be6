/**
 * Finds and launches Debian's Chromium through playwright-core. No browser is ever downloaded:
 * when Chromium is missing the run fails, loudly, with the command that installs it.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_INSTALL_HINT =
  'Chromium was not found. Install Debian\'s package with "sudo apt-get install -y chromium", ' +
  'or point CHROMIUM_PATH at a Chromium (not branded Chrome or Edge: they refuse --load-extension).';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidate = env['CHROMIUM_PATH']?.trim() || '/usr/bin/chromium';
  if (!existsSync(candidate)) throw new Error(`${CHROMIUM_INSTALL_HINT} (looked for ${candidate})`);
  return candidate;
}

/** Flags that keep Chromium quiet on a machine whose only network is loopback. */
const QUIET_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  // The simulators' HTTPS certificate is self-signed and made at start-up.
  '--ignore-certificate-errors',
];

export interface LaunchOptions {
  /** Unpacked extension directory to load (e.g. dist-sim). */
  readonly extensionDir?: string;
  /** Show a window (the demo); tests run headless. */
  readonly headless?: boolean;
  readonly userDataDir?: string;
  readonly viewport?: { width: number; height: number } | null;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const args = [...QUIET_FLAGS];
  if (options.extensionDir) {
    const dir = path.resolve(options.extensionDir);
    if (!existsSync(path.join(dir, 'manifest.json'))) {
      throw new Error(`No built extension in ${dir}. Run "npm run build:sim" first.`);
    }
    args.push(`--disable-extensions-except=${dir}`, `--load-extension=${dir}`);
  }
  return chromium.launchPersistentContext(options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'tandem-chromium-')), {
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args,
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
    ignoreHTTPSErrors: true,
  });
}
