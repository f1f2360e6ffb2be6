import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../manifest.config.ts';
import { SIM_ENDPOINTS } from '../sim/defaults.ts';
import { startSimulators, type Simulators } from '../sim/index.ts';
import { seedDemo, type DemoWorld } from '../sim/seed/demo.ts';
import { launchExtension, type ExtensionSession } from './harness/extension.ts';

describe('smoke: the simulator build in real Chromium', () => {
  let session: ExtensionSession;
  let sims: Simulators;
  let world: DemoWorld;

  beforeAll(async () => {
    sims = await startSimulators({ ports: 'default' });
    world = seedDemo(sims);
    session = await launchExtension();
  });

  afterAll(async () => {
    await session.close();
    await sims.close();
  });

  it('loads with the pinned extension id and runs its service worker', async () => {
    expect(session.extensionId).toBe(EXTENSION_ID);
    expect(session.worker.url()).toBe(`chrome-extension://${EXTENSION_ID}/service-worker-loader.js`);
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['alarms', 'storage', 'identity', 'offscreen', 'notifications', 'scripting']);
  });

  it('renders the popup, which leads to the settings page', async () => {
    const popup = await session.openPopup();
    await expect.poll(() => popup.getByRole('heading', { name: 'Welcome to Tandem' }).isVisible()).toBe(true);
    expect(await popup.getByText('simulator build').isVisible()).toBe(true);
    const [options] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Set up Tandem' }).click(),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${EXTENSION_ID}/src/options/index.html#accounts`);
  });

  it('renders the options page with the redirect URI and the simulator endpoints', async () => {
    const options = await session.openOptions();
    const redirect = options.getByTestId('redirect-uri');
    await expect.poll(() => redirect.textContent()).toBe(`https://${EXTENSION_ID}.chromiumapp.org/`);
    expect(await options.getByText(SIM_ENDPOINTS.graphApi).isVisible()).toBe(true);
    expect(await options.getByText(SIM_ENDPOINTS.googleApi).isVisible()).toBe(true);
  });

  it('opens the simulated calendar web apps served by the simulators', async () => {
    const google = await session.open(world.pages.google);
    expect(await google.getByRole('cell', { name: 'Dentist' }).isVisible()).toBe(true);
    const outlook = await session.open(world.pages.outlook);
    expect(await outlook.getByRole('cell', { name: 'Team stand-up' }).isVisible()).toBe(true);
  });

  it('produced no console error in any page or the worker', () => {
    expect(session.problems).toEqual([]);
  });
});
