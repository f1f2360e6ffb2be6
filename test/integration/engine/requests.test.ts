/**
 * How many requests series cost: new mirror series are aligned with their sources through batched
 * listings (never one series at a time), an Outlook series a full read listed is not listed again,
 * and the run after one that made Outlook series checks them against its own delta rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markerProperties } from '../../../src/background/providers/graph/markers.ts';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, totalWrites, type World } from './harness.ts';

const instances = (path: string): boolean => path.endsWith('/instances');

describe('engine: requests for series', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  function seed(count: number): void {
    for (let n = 0; n < count; n++) {
      const day = `2026-03-0${3 + (n % 5)}`;
      const google = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, { ...gTimed(`G${n}`, day, '07:00', '07:15'), recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'] });
      if (n === 0) world.sims.google.userPatchEvent(GOOGLE_USER, GOOGLE_USER, `${google.id}_${day.replace(/-/g, '')}T060000Z`, { summary: 'G0 moved' });
      world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, {
        ...oTimed(`O${n}`, day, '12:00', '12:30'),
        recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'numbered', numberOfOccurrences: 3, startDate: day } },
      });
    }
  }

  it('lists the occurrences of new mirror series in batches, and never an Outlook series its full read listed', async () => {
    seed(25);
    const outlookSource = world.outlookEvents().find((e) => e.subject === 'O1')!;
    world.sims.graph.userDeleteOccurrence(outlookSource.id!, '2026-03-05T11:00:00Z');
    const google = world.sims.google.log.mark();
    const graph = world.sims.graph.log.mark();
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    const googleLog = world.sims.google.log.since(google);
    const graphLog = world.sims.graph.log.since(graph);
    // 50 Google series listed as batch parts (25 sources, 25 mirrors); Outlook: only the 25 mirrors.
    expect(googleLog.filter((r) => !r.inBatch && instances(r.path))).toEqual([]);
    expect(graphLog.filter((r) => !r.inBatch && instances(r.path))).toEqual([]);
    expect(googleLog.filter((r) => r.inBatch && instances(r.path))).toHaveLength(50);
    expect(graphLog.filter((r) => r.inBatch && instances(r.path))).toHaveLength(25);
    // What alignment is for still happens: the moved and the cancelled occurrence are carried over.
    expect(report.updated.outlook).toBe(1); // G0's edited occurrence
    const mirror = world.googleEvents().find((e) => e.summary === 'O1')!;
    expect(world.sims.google.getEvent(GOOGLE_USER, `${mirror.id}_20260305T110000Z`)?.status).toBe('cancelled');
    expect(totalWrites(await world.sync())).toBe(0);
    expect(totalWrites(await world.sync())).toBe(0);
  });

  it('checks the Outlook mirrors made by the run before against its delta rows, without listing them', async () => {
    seed(3);
    await world.sync();
    const graph = world.sims.graph.log.mark();
    const echo = await world.sync();
    expect(totalWrites(echo)).toBe(0);
    expect(world.sims.graph.log.since(graph).filter((r) => instances(r.path))).toEqual([]);
  });

  it("reads no Outlook event again for its marker after searching for mirrors, and still never mirrors another pair's", async () => {
    for (const n of [1, 2, 3]) world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed(`Own ${n}`, '2026-03-03', '09:00', '09:30'));
    const marker = { pair: 'other-pair', sourceSide: 'google', sourceCalendar: 'bob@example.com', sourceId: 'g1' } as const;
    world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, { ...oTimed('Copy by another pair', '2026-03-04', '09:00', '09:30'), singleValueExtendedProperties: markerProperties(marker) });
    const graph = world.sims.graph.log.mark();
    const report = await world.sync();
    expect(report.errors).toEqual([]);
    // Reads: the delta and the mirror search; no GET of an event by id.
    expect(world.sims.graph.log.since(graph).filter((r) => r.method === 'GET' && /\/events\/[^/]+$/.test(r.path))).toEqual([]);
    expect(world.googleEvents().map((e) => e.summary).sort()).toEqual(['Own 1', 'Own 2', 'Own 3']);
    expect(report.skipped.map((item) => item.reason)).toEqual(['mirror-of-another-pair']);
  });

  it('asks nothing about an Outlook removal no link knows: a mirror it deleted itself', async () => {
    const source = world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Standup', '2026-03-03', '09:00', '09:15'));
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Lunch', '2026-03-03', '12:00', '13:00')); // links remain
    await world.sync();
    await world.sync();
    world.sims.google.userDeleteEvent(GOOGLE_USER, GOOGLE_USER, source.id!);
    expect((await world.sync()).deleted.outlook).toBe(1);
    const graph = world.sims.graph.log.mark();
    const after = await world.sync(); // the delta reports the mirror @removed
    expect(totalWrites(after)).toBe(0);
    expect(world.sims.graph.log.since(graph).map((r) => r.path)).toEqual([expect.stringMatching(/calendarView\/delta$/)]);
  });
});

