import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { CALENDAR_PAGE_MATCHES, createManifest, EXTENSION_ID } from '../../../manifest.config.ts';
import { resolveEndpoints } from '../../../endpoints.config.ts';
import pkg from '../../../package.json' with { type: 'json' };
import messages from '../../../public/_locales/en/messages.json' with { type: 'json' };

interface ManifestShape {
  name: string;
  description: string;
  default_locale: string;
  key: string;
  permissions: string[];
  host_permissions: string[];
  content_scripts: { matches: string[] }[];
}

async function manifestFor(mode: string, env: Record<string, string> = {}): Promise<ManifestShape> {
  const exported: ManifestV3Export = createManifest(mode, resolveEndpoints(mode, env));
  const value = typeof exported === 'function' ? await exported({ command: 'build', mode }) : await exported;
  return value as unknown as ManifestShape;
}

describe('manifest', () => {
  it('asks for exactly the minimal permissions and only the API and calendar hosts in production', async () => {
    const manifest = await manifestFor('production');
    expect(manifest.permissions).toEqual(['alarms', 'storage', 'identity', 'offscreen', 'notifications', 'scripting']);
    expect(manifest.host_permissions).toEqual([
      'https://www.googleapis.com/*',
      'https://graph.microsoft.com/*',
      'https://login.microsoftonline.com/*',
      ...CALENDAR_PAGE_MATCHES,
    ]);
    expect(manifest.content_scripts[0]!.matches).toEqual([...CALENDAR_PAGE_MATCHES]);
  });

  it('matches the five calendar hosts, outlook.cloud.microsoft included, and nothing else', () => {
    expect([...CALENDAR_PAGE_MATCHES].sort()).toEqual([
      'https://calendar.google.com/*',
      'https://outlook.cloud.microsoft/*',
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
    ]);
  });

  it('grants host access to exactly the pages the content script runs in (install-time injection)', async () => {
    for (const mode of ['production', 'sim']) {
      const manifest = await manifestFor(mode);
      for (const match of manifest.content_scripts[0]!.matches) expect(manifest.host_permissions).toContain(match);
    }
  });

  it('adds loopback hosts only in the simulator build', async () => {
    const production = await manifestFor('production');
    const sim = await manifestFor('sim');
    expect(production.host_permissions.some((h) => h.includes('127.0.0.1'))).toBe(false);
    expect(sim.host_permissions).toContain('https://127.0.0.1/*');
    expect(sim.content_scripts[0]!.matches).toContain('http://127.0.0.1/*');
  });

  it('follows an endpoint moved to a national cloud', async () => {
    const manifest = await manifestFor('production', { TANDEM_GRAPH_API: 'https://graph.microsoft.us/v1.0' });
    expect(manifest.host_permissions).toContain('https://graph.microsoft.us/*');
    expect(manifest.host_permissions).not.toContain('https://graph.microsoft.com/*');
  });

  it('takes its name and description from _locales/en, the source of all UI text', async () => {
    const manifest = await manifestFor('production');
    expect([manifest.name, manifest.description, manifest.default_locale]).toEqual(['__MSG_extName__', '__MSG_extDescription__', 'en']);
    expect(messages.extName.message).toMatch(/^Tandem/);
    expect(messages.extDescription.message).toBe(pkg.description);
    expect((await manifestFor('sim')).name).toBe('Tandem (simulator build)');
  });

  it('pins the extension id with its key', async () => {
    const { key } = await manifestFor('production');
    const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
    const id = [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
    expect(id).toBe(EXTENSION_ID);
  });
});
