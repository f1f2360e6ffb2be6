import { describe, expect, it } from 'vitest';
import { AreaStore } from '../../../src/background/runtime/area-store.ts';
import { Lease, LEASE_KEY, LEASE_RENEW_MS, LEASE_TTL_MS } from '../../../src/background/runtime/lease.ts';
import { FakeArea, FakeClock } from './fakes.ts';

describe('sync lease', () => {
  it('lets one worker instance in at a time until the holder releases it', async () => {
    const store = new AreaStore(new FakeArea());
    const clock = new FakeClock();
    const first = new Lease(store, clock, 'worker-1');
    const second = new Lease(store, clock, 'worker-2');
    expect(await first.acquire()).toEqual({ acquired: true });
    expect(await second.acquire()).toEqual({ acquired: false, heldUntil: clock.now() + LEASE_TTL_MS });
    await second.release(); // not the holder: no effect
    expect(await second.acquire()).toMatchObject({ acquired: false });
    await first.release();
    expect(await second.acquire()).toEqual({ acquired: true });
  });

  it('lapses when its holder stops renewing (a killed worker), and renewing keeps it', async () => {
    const store = new AreaStore(new FakeArea());
    const clock = new FakeClock();
    const running = new Lease(store, clock, 'worker-1');
    await running.acquire();
    for (let i = 0; i < 10; i++) {
      clock.time += LEASE_RENEW_MS;
      await running.renew();
    }
    const next = new Lease(store, clock, 'worker-2');
    expect(await next.acquire()).toMatchObject({ acquired: false });
    // worker-1 dies here: no more renewals.
    clock.time += LEASE_TTL_MS + 1;
    expect(await next.acquire()).toEqual({ acquired: true });
    expect((await store.get([LEASE_KEY]))[LEASE_KEY]).toEqual({ owner: 'worker-2', expiresAt: clock.now() + LEASE_TTL_MS });
  });

  it('renews at most every LEASE_RENEW_MS (progress ticks are cheap)', async () => {
    const area = new FakeArea();
    const clock = new FakeClock();
    const lease = new Lease(new AreaStore(area), clock, 'w');
    await lease.acquire();
    const before = area.data.get(LEASE_KEY);
    clock.time += LEASE_RENEW_MS - 1;
    await lease.renew();
    expect(area.data.get(LEASE_KEY)).toEqual(before);
    clock.time += 1;
    await lease.renew();
    expect(area.data.get(LEASE_KEY)).not.toEqual(before);
  });
});
