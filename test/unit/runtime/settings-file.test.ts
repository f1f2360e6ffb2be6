import { describe, expect, it } from 'vitest';
import { exportSettings, parseSettingsFile } from '../../../src/background/runtime/settings-file.ts';
import { DEFAULT_SETTINGS } from '../../../src/background/runtime/settings.ts';
import { withDefaults } from '../../../src/shared/pair.ts';

const pair = withDefaults({ id: 'p1', googleCalendarId: 'ann@example.com', outlookCalendarId: 'AAMk=' });

describe('settings file', () => {
  it('round-trips settings and pairs', () => {
    const json = exportSettings({ ...DEFAULT_SETTINGS, syncIntervalMinutes: 15 }, [pair]);
    expect(parseSettingsFile(json)).toEqual({ settings: { ...DEFAULT_SETTINGS, syncIntervalMinutes: 15 }, pairs: [pair] });
    expect(json).not.toMatch(/token/i);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', JSON.stringify({ format: 'other' }), /not a Tandem settings file/],
    ['a newer version', JSON.stringify({ format: 'tandem-settings', version: 2 }), /version 2/],
    ['bad settings', JSON.stringify({ format: 'tandem-settings', version: 1, settings: { syncIntervalMinutes: 0 }, pairs: [] }), /settings in this file/],
    ['a bad pair', JSON.stringify({ format: 'tandem-settings', version: 1, settings: {}, pairs: [{ ...pair, direction: 'up' }] }), /Pair 1 .*direction/],
    ['a repeated pair', JSON.stringify({ format: 'tandem-settings', version: 1, settings: {}, pairs: [pair, pair] }), /same pair twice/],
  ])('rejects %s with a clear message', (_name, json, message) => {
    const result = parseSettingsFile(json);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(message);
  });
});
