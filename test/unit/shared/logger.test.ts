import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsoleLogger } from '../../../src/shared/logger.ts';

describe('createConsoleLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('leaves levels above the threshold undefined so disabled calls cost nothing', () => {
    const log = createConsoleLogger('t', 'warn');
    expect(log.error).toBeTypeOf('function');
    expect(log.warn).toBeTypeOf('function');
    expect(log.info).toBeUndefined();
    expect(log.debug).toBeUndefined();
    expect(createConsoleLogger('t', 'silent').error).toBeUndefined();
  });

  it('prefixes messages and passes details through', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createConsoleLogger('tandem', 'debug').warn?.('slow', { ms: 5 });
    expect(spy).toHaveBeenCalledWith('[tandem] slow', { ms: 5 });
  });
});
