import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { fastInstant, UTC_ZONES } from '../../../src/background/providers/instants.ts';

const two = (n: number): string => String(n).padStart(2, '0');
const stamp = fc
  .record({
    year: fc.integer({ min: 900, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom('', '.0000000', '.5', '.999999999', '.123'),
    zone: fc.oneof(fc.constantFrom('', 'Z', 'z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([s, h, m]) => `${s}${two(h)}:${two(m)}`)),
  })
  .map((p) => `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${p.fraction}${p.zone}`);

/** What Temporal makes of the text, or undefined when it refuses it. */
function temporal(text: string, form: 'offset' | 'wall'): string | undefined {
  try {
    const instant = form === 'offset' ? Temporal.Instant.from(text) : Temporal.PlainDateTime.from(text).toZonedDateTime('UTC').toInstant();
    return instant.toString({ smallestUnit: 'second' });
  } catch {
    return undefined;
  }
}

describe('fastInstant', () => {
  it('answers exactly as Temporal whenever it answers (else the caller asks Temporal)', () => {
    fc.assert(
      fc.property(stamp, (text) => {
        for (const form of ['offset', 'wall'] as const) {
          const fast = fastInstant(text, form);
          if (fast !== undefined) expect(fast).toBe(temporal(text, form));
        }
        const either = fastInstant(text, 'either');
        if (either !== undefined) expect(either).toBe(temporal(text, /[zZ]$|[+-]\d\d:\d\d$/.test(text) ? 'offset' : 'wall'));
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the fast path for what Google and Graph send', () => {
    expect(fastInstant('2026-03-03T08:30:00+01:00', 'offset')).toBe('2026-03-03T07:30:00Z');
    expect(fastInstant('2026-03-29T02:30:00-04:00', 'offset')).toBe('2026-03-29T06:30:00Z');
    expect(fastInstant('2026-03-03T07:30:00Z', 'offset')).toBe('2026-03-03T07:30:00Z');
    expect(fastInstant('2026-03-03T07:30:00.0000000', 'wall')).toBe('2026-03-03T07:30:00Z');
    expect(fastInstant('2026-03-03T07:30:00', 'offset')).toBeUndefined();
    expect(fastInstant('2026-02-30T07:30:00Z', 'either')).toBeUndefined();
    expect(UTC_ZONES.has('Etc/UTC')).toBe(true);
  });
});
