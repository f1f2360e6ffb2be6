/**
 * The mailbox facts (zone, calendar rights and owner) kept between adapters: in the extension an
 * adapter lives for one worker, and without them every run costs two requests more than its read.
 */
import { describe, expect, it } from 'vitest';
import { FACTS_TTL_MS, type MailboxFactsCache, type StoredMailboxFacts } from '../../../../src/background/providers/graph/mailbox.ts';
import { mailboxFactsCache } from '../../../../src/background/runtime/mailbox-facts.ts';
import { MemoryStore } from '../../../../src/background/sync/memory-store.ts';
import type { WriteOp } from '../../../../src/background/sync/ports.ts';
import { EVENT, sharedFixture, signal, timed, UPN, WINDOW } from './fixture.ts';

const fx = sharedFixture();

const mirror = (key: string, day: string): WriteOp => ({
  op: 'create',
  ref: key,
  key,
  marker: null,
  event: { ...EVENT, title: key, start: { instant: `${day}T08:00:00Z`, zone: 'Europe/Berlin' }, end: { instant: `${day}T09:00:00Z`, zone: 'Europe/Berlin' } },
});

class Box implements MailboxFactsCache {
  facts: StoredMailboxFacts | null = null;
  writes = 0;
  read(): Promise<StoredMailboxFacts | null> {
    return Promise.resolve(this.facts);
  }
  write(facts: StoredMailboxFacts): Promise<void> {
    this.facts = facts;
    this.writes++;
    return Promise.resolve();
  }
}

const factPaths = (paths: readonly string[]): string[] => paths.filter((p) => p.endsWith('/mailboxSettings') || /\/me\/calendars\/[^/]+$/.test(p));

describe('mailbox facts kept between adapters', () => {
  it('a later adapter with the same cache reads only its delta; after the TTL the facts are read again', async () => {
    const { sim, simClock, adapter, newCalendar } = fx();
    const cal = newCalendar();
    sim.userCreateEvent(UPN, cal, timed('Single', '2026-03-10T09:00:00', '2026-03-10T10:00:00'));
    const box = new Box();
    const paths = (mark: number): string[] => sim.log.since(mark).map((e) => e.path);

    let mark = sim.log.mark();
    const first = await adapter({ mailboxFacts: box }).readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    expect(factPaths(paths(mark)).length).toBeGreaterThanOrEqual(1);
    expect(box.facts?.zone?.value).toEqual({ iana: 'Europe/Berlin', graphName: 'W. Europe Standard Time' });

    // A write needs the calendar's facts too; a new adapter (a new worker) asks for none of them.
    await adapter({ mailboxFacts: box }).write(cal, [mirror('k-facts-1', '2026-03-11')], signal);
    expect(box.facts?.calendars?.[cal]?.value).toMatchObject({ readOnly: false });
    mark = sim.log.mark();
    const later = adapter({ mailboxFacts: box });
    await later.readChanges({ calendarId: cal, cursor: first.cursor, window: WINDOW, signal });
    await later.write(cal, [mirror('k-facts-2', '2026-03-12')], signal);
    expect(factPaths(paths(mark))).toEqual([]);

    simClock.advance(FACTS_TTL_MS + 1);
    mark = sim.log.mark();
    await adapter({ mailboxFacts: box }).readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal });
    expect(factPaths(paths(mark))).toContain('/v1.0/me/mailboxSettings');
  });

  it('keeps what a calendar listing said of every calendar, so a later adapter asks about none of them', async () => {
    const { sim, adapter } = fx();
    const others = [sim.addCalendar(UPN, { name: 'Team' }), sim.addCalendar(UPN, { name: 'Family' }), sim.addCalendar(UPN, { name: 'Trips' })];
    const box = new Box();
    await adapter({ mailboxFacts: box }).listCalendars(signal);
    // What a listing learns is stored in the background, as it comes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Object.keys(box.facts?.calendars ?? {})).toEqual(expect.arrayContaining(others));
    const mark = sim.log.mark();
    const later = adapter({ mailboxFacts: box });
    for (const [i, cal] of others.entries()) await later.write(cal, [mirror(`k-list-${i}`, '2026-03-13')], signal);
    expect(sim.log.since(mark).map((e) => e.path).filter((p) => /\/me\/calendars\/[^/]+$/.test(p))).toEqual([]);
  });

  it('a cache that fails or holds damaged facts only costs the requests', async () => {
    const { adapter, newCalendar } = fx();
    const cal = newCalendar();
    const broken: MailboxFactsCache = { read: () => Promise.reject(new Error('disk')), write: () => Promise.reject(new Error('disk')) };
    await expect(adapter({ mailboxFacts: broken }).readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal })).resolves.toMatchObject({ full: true });
    const store = new MemoryStore();
    await store.set({ 'tandem/graph-facts/ann@contoso.com': { zone: { at: 'yesterday', value: 7 } } });
    const cache = mailboxFactsCache(store, () => Promise.resolve('Ann@Contoso.com'));
    expect(await cache.read()).toBeNull();
    await expect(adapter({ mailboxFacts: cache }).readChanges({ calendarId: cal, cursor: null, window: WINDOW, signal })).resolves.toMatchObject({ full: true });
    expect(await cache.read()).toMatchObject({ zone: { value: { iana: 'Europe/Berlin' } } });
  });

  it('keeps each mailbox apart, and keeps nothing while no one is signed in', async () => {
    const store = new MemoryStore();
    let who: string | null = 'ann@contoso.com';
    const cache = mailboxFactsCache(store, () => Promise.resolve(who));
    await cache.write({ zone: { at: 1, value: { iana: 'Asia/Tokyo', graphName: 'Tokyo Standard Time' } } });
    who = 'bob@contoso.com';
    expect(await cache.read()).toBeNull();
    who = null;
    await cache.write({ zone: { at: 1, value: { iana: 'UTC', graphName: 'UTC' } } });
    expect(Object.keys(await store.scan('tandem/graph-facts/'))).toEqual(['tandem/graph-facts/ann@contoso.com']);
  });
});
