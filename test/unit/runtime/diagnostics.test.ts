import { describe, expect, it } from 'vitest';
import { DiagnosticsLog, redact } from '../../../src/background/runtime/diagnostics.ts';
import { silentLogger } from '../../../src/shared/logger.ts';

const JWT = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbm4ifQ.sig';

describe('diagnostics log', () => {
  it('redacts secrets by key and by shape, and event text by key', () => {
    expect(
      redact({ accessToken: 'abc', headers: { Authorization: 'Bearer xyz' }, note: `got ${JWT} back`, summary: 'Salary talk', nested: [{ subject: 'Divorce lawyer', count: 3 }] }),
    ).toEqual({ accessToken: '[redacted]', headers: { Authorization: '[redacted]' }, note: 'got [redacted] back', summary: '[text]', nested: [{ subject: '[text]', count: 3 }] });
    expect(redact('header Bearer abc.def')).toBe('header [redacted]');
  });

  it('keeps the newest entries up to its capacity and exports JSON lines', () => {
    const log = new DiagnosticsLog(3, () => Date.parse('2026-03-02T08:00:00Z'));
    const logger = log.wrap(silentLogger);
    for (let i = 1; i <= 5; i++) logger.info?.(`run ${i}`, { token: 'secret-value' });
    const lines = log.export({ version: '1.0' }).split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toEqual({ version: '1.0' });
    expect(lines.slice(1).map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(['run 3', 'run 4', 'run 5']);
    expect(lines.join('\n')).not.toContain('secret-value');
  });
});
