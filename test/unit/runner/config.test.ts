import { describe, expect, it } from 'vitest';
import { ConfigError, parsePairs, readConfig } from '../../../src/runner/config.ts';

const env = {
  TANDEM_GOOGLE_TOKEN: 'g-token',
  TANDEM_MS_TOKEN: 'm-token',
  TANDEM_PAIRS: '[{"google":"primary","outlook":"AAMk1"}]',
};

describe('runner configuration (the documented contract)', () => {
  it('applies the documented defaults', () => {
    const config = readConfig(env);
    expect(config.googleApi).toBe('https://www.googleapis.com/calendar/v3');
    expect(config.graphApi).toBe('https://graph.microsoft.com/v1.0');
    expect(config.stateDir).toBe('.tandem-state');
    expect(config.pairs[0]).toMatchObject({ googleCalendarId: 'primary', outlookCalendarId: 'AAMk1', direction: 'both', privacy: 'full', pastDays: 30, futureDays: 365 });
  });

  it('gives each pair a stable id derived from its calendars', () => {
    const [a] = parsePairs('[{"google":"g","outlook":"o"}]');
    const [b] = parsePairs('[{"google":"g","outlook":"o","direction":"google-to-outlook"}]');
    const [c] = parsePairs('[{"google":"g","outlook":"other"}]');
    expect(a!.id).toBe(b!.id);
    expect(a!.id).not.toBe(c!.id);
  });

  it.each([
    [{ ...env, TANDEM_GOOGLE_TOKEN: '' }, /TANDEM_GOOGLE_TOKEN is not set/],
    [{ ...env, TANDEM_PAIRS: 'nope' }, /TANDEM_PAIRS is not valid JSON/],
    [{ ...env, TANDEM_PAIRS: '[]' }, /non-empty JSON array/],
    [{ ...env, TANDEM_PAIRS: '[{"google":"g"}]' }, /TANDEM_PAIRS\[0\]\.outlook is required/],
    [{ ...env, TANDEM_PAIRS: '[{"google":"g","outlook":"o","direction":"sideways"}]' }, /direction must be one of/],
    [{ ...env, TANDEM_PAIRS: '[{"google":"g","outlook":"o","pastDays":-1}]' }, /pastDays must be a whole number/],
    [{ ...env, TANDEM_GRAPH_API: 'graph.local' }, /TANDEM_GRAPH_API must be an http\(s\) URL/],
  ])('rejects bad input with a message naming the variable (%#)', (bad, message) => {
    expect(() => readConfig(bad)).toThrow(ConfigError);
    expect(() => readConfig(bad)).toThrow(message);
  });
});
