import { describe, expect, it, vi } from 'vitest';
import type * as WindowsIana from 'windows-iana';

// Counts the table scans behind each lookup.
const scans = vi.hoisted(() => ({ iana: 0, windows: 0 }));
vi.mock('windows-iana', async (importOriginal) => {
  const real = await importOriginal<typeof WindowsIana>();
  return {
    ...real,
    findIana: (...args: Parameters<typeof real.findIana>) => (scans.iana++, real.findIana(...args)),
    findWindows: (...args: Parameters<typeof real.findWindows>) => (scans.windows++, real.findWindows(...args)),
  };
});

const { isWindowsZone, toIana, toWindows } = await import('../../../src/background/providers/graph/zones.ts');

describe('Graph zone names', () => {
  it('maps Windows and IANA names both ways, unknown names to the fallback', () => {
    expect(toIana('W. Europe Standard Time', 'UTC')).toBe('Europe/Berlin');
    expect(toIana('Asia/Tokyo', 'UTC')).toBe('Asia/Tokyo');
    expect(toIana('Nowhere Standard Time', 'Europe/Paris')).toBe('Europe/Paris');
    expect(toWindows('America/New_York')).toBe('Eastern Standard Time');
    expect(toWindows('Mars/Olympus_Mons')).toBeUndefined();
    expect(isWindowsZone('Tokyo Standard Time')).toBe(true);
    expect(isWindowsZone('Asia/Tokyo')).toBe(false);
  });

  it('scans the CLDR tables once per name, however many events ask (each scan costs ~0.1 ms)', () => {
    const before = { ...scans };
    for (let i = 0; i < 1000; i++) {
      toIana('India Standard Time', 'UTC');
      isWindowsZone('India Standard Time');
      toWindows('Asia/Kolkata');
    }
    expect(scans.iana - before.iana).toBeLessThanOrEqual(1);
    expect(scans.windows - before.windows).toBeLessThanOrEqual(1);
  });
});
