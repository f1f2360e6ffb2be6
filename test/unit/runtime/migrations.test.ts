import { describe, expect, it } from 'vitest';
import { AreaStore } from '../../../src/background/runtime/area-store.ts';
import { migrate, NewerSchemaError, SCHEMA_KEY, type Migration } from '../../../src/background/runtime/migrations.ts';
import { MemoryStore } from '../../../src/background/sync/memory-store.ts';
import { FakeArea } from './fakes.ts';

describe('storage migrations', () => {
  it('starts a fresh install at the current schema', async () => {
    const area = new FakeArea();
    expect(await migrate(new AreaStore(area), new MemoryStore(), [], 1)).toBe(1);
    expect(area.data.get(SCHEMA_KEY)).toBe(1);
  });

  it('runs the missing migrations in order, recording each step', async () => {
    const area = new FakeArea();
    area.data.set(SCHEMA_KEY, 1);
    area.data.set('config/pairs', [{ id: 'p' }]);
    const ran: number[] = [];
    const step = (to: number): Migration => ({
      to,
      describe: `to ${to}`,
      run: async (local) => {
        ran.push(to);
        await local.set({ [`step${to}`]: true });
      },
    });
    expect(await migrate(new AreaStore(area), new MemoryStore(), [step(2), step(3)], 3)).toBe(3);
    expect(ran).toEqual([2, 3]);
    expect(area.data.get(SCHEMA_KEY)).toBe(3);
    // Already current: nothing runs again.
    expect(await migrate(new AreaStore(area), new MemoryStore(), [step(2), step(3)], 3)).toBe(3);
    expect(ran).toEqual([2, 3]);
  });

  it('refuses state written by a newer version instead of misreading it', async () => {
    const area = new FakeArea();
    area.data.set(SCHEMA_KEY, 9);
    await expect(migrate(new AreaStore(area), new MemoryStore(), [], 1)).rejects.toBeInstanceOf(NewerSchemaError);
  });

  it('leaves the version where a failing migration stopped, so the next wake retries it', async () => {
    const area = new FakeArea();
    area.data.set(SCHEMA_KEY, 1);
    const failing: Migration = { to: 2, describe: 'fails', run: () => Promise.reject(new Error('disk')) };
    await expect(migrate(new AreaStore(area), new MemoryStore(), [failing], 2)).rejects.toThrow('disk');
    expect(area.data.get(SCHEMA_KEY)).toBe(1);
  });
});
