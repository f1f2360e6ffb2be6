import { describe, expect, it } from 'vitest';
import { merge, type MergeInput } from '../../../src/background/sync/merge.ts';
import { mirrorPolicy, projectToMirror } from '../../../src/background/sync/mirror.ts';
import type { CanonicalEvent } from '../../../src/background/sync/model.ts';
import type { PairConfig } from '../../../src/background/sync/pair.ts';
import { event, pair } from './fixtures.ts';

const T0 = '2026-03-01T08:00:00Z';
const T1 = '2026-03-01T09:00:00Z';
const T2 = '2026-03-01T10:00:00Z';

/** A linked pair in sync: the mirror is the projection of the source. */
function synced(source: CanonicalEvent, config: PairConfig = pair()) {
  const policy = mirrorPolicy(config, source, true);
  const mirror = projectToMirror(source, config, policy, 'outlook');
  return { config, policy, source, mirror };
}

function input(base: ReturnType<typeof synced>, now: { source?: CanonicalEvent; mirror?: CanonicalEvent; sourceAt?: string; mirrorAt?: string }): MergeInput {
  return {
    pair: base.config,
    policy: base.policy,
    sourceSide: 'google',
    source: { snapshot: base.source, current: now.source ?? base.source, modifiedAt: now.sourceAt ?? T0 },
    mirror: { snapshot: base.mirror, current: now.mirror ?? base.mirror, modifiedAt: now.mirrorAt ?? T0 },
  };
}

describe('merge', () => {
  it('writes nothing when neither side changed', () => {
    const result = merge(input(synced(event()), {}));
    expect(result).toEqual({ writeSource: null, writeMirror: null, conflicts: [], overwritten: [] });
  });

  it('carries a source edit to the mirror, only the changed field', () => {
    const base = synced(event());
    const result = merge(input(base, { source: event({ title: 'Planning (moved)' }) }));
    expect(result.writeMirror?.changed).toEqual(['title']);
    expect(result.writeMirror?.event.title).toBe('Planning (moved)');
    expect(result.writeSource).toBeNull();
  });

  it('carries a mirror edit back to the source in a two-way pair', () => {
    const base = synced(event());
    const moved = { start: { instant: '2026-03-02T11:00:00Z', zone: 'Europe/Berlin' }, end: { instant: '2026-03-02T12:00:00Z', zone: 'Europe/Berlin' } };
    const result = merge(input(base, { mirror: { ...base.mirror, ...moved } }));
    expect(result.writeSource?.changed).toEqual(['start', 'end']);
    expect(result.writeSource?.event.start).toEqual(moved.start);
    expect(result.writeMirror).toBeNull();
  });

  it('lets different fields changed on each side both survive', () => {
    const base = synced(event());
    const result = merge(input(base, { source: event({ title: 'New title' }), mirror: { ...base.mirror, location: 'Room 2' } }));
    expect(result.writeMirror?.changed).toEqual(['title']);
    expect(result.writeSource?.changed).toEqual(['location']);
    expect(result.conflicts).toEqual([]);
  });

  it('resolves a field changed on both sides in favour of the later change, keeping the loser', () => {
    const base = synced(event());
    const laterMirror = merge(input(base, { source: event({ location: 'A' }), mirror: { ...base.mirror, location: 'B' }, sourceAt: T1, mirrorAt: T2 }));
    expect(laterMirror.writeSource?.event.location).toBe('B');
    expect(laterMirror.writeMirror).toBeNull();
    expect(laterMirror.conflicts).toEqual([{ field: 'location', winner: 'outlook', losingValue: 'A' }]);

    const laterSource = merge(input(base, { source: event({ location: 'A' }), mirror: { ...base.mirror, location: 'B' }, sourceAt: T2, mirrorAt: T1 }));
    expect(laterSource.writeMirror?.event.location).toBe('A');
    expect(laterSource.conflicts).toEqual([{ field: 'location', winner: 'google', losingValue: 'B' }]);
  });

  it('treats equal edits on both sides as no conflict and no write', () => {
    const base = synced(event());
    const result = merge(input(base, { source: event({ title: 'Same' }), mirror: { ...base.mirror, title: 'Same' } }));
    expect(result.conflicts).toEqual([]);
    expect(result.writeMirror).toBeNull();
    expect(result.writeSource).toBeNull();
  });

  it('overwrites mirror edits in a one-way pair, and reports them', () => {
    const base = synced(event(), pair({ direction: 'google-to-outlook' }));
    const result = merge(input(base, { mirror: { ...base.mirror, title: 'Edited mirror' } }));
    expect(result.writeSource).toBeNull();
    expect(result.writeMirror?.event.title).toBe('Planning');
    expect(result.overwritten).toEqual(['title']);
  });

  it('never lets a recurrence edit on the mirror reach the source', () => {
    const weekly = event({ recurrence: { freq: 'WEEKLY', interval: 1 } });
    const base = synced(weekly);
    const result = merge(input(base, { mirror: { ...base.mirror, recurrence: { freq: 'WEEKLY', interval: 2 } } }));
    expect(result.writeSource).toBeNull();
    expect(result.writeMirror?.event.recurrence).toEqual({ freq: 'WEEKLY', interval: 1 });
    expect(result.overwritten).toEqual(['recurrence']);
  });

  it("keeps a series' timing with its source: a mirror's series time edit is undone, not pushed back", () => {
    const weekly = event({ recurrence: { freq: 'WEEKLY', interval: 1 } });
    const base = synced(weekly);
    const later = { instant: '2026-03-02T11:00:00Z', zone: 'Europe/Berlin' };
    const result = merge(input(base, { mirror: { ...base.mirror, start: later } }));
    expect(result.writeSource).toBeNull();
    expect(result.writeMirror?.event.start).toEqual(weekly.start);
    expect(result.overwritten).toEqual(['start']);
  });

  it('does not ping-pong a lossy value: each side is compared with its own snapshot', () => {
    // Outlook's "out of office" reads back from Google as plain busy.
    const source = event({ freeBusy: 'oof' });
    const base = synced(source);
    const mirrorAsRead = { ...base.mirror, freeBusy: 'busy' as const };
    const result = merge({ ...input(base, {}), mirror: { snapshot: mirrorAsRead, current: mirrorAsRead, modifiedAt: T0 } });
    expect(result.writeMirror).toBeNull();
    expect(result.writeSource).toBeNull();
  });

  it('strips the title prefix and the join line when mirror edits flow back', () => {
    const config = pair({ marking: { titlePrefix: '[G] ', outlookCategory: null, googleColor: null } });
    const source = event({ meetingUrl: 'https://meet.example/abc' });
    const base = synced(source, config);
    expect(base.mirror.title).toBe('[G] Planning');
    expect(base.mirror.description).toBe('Agenda\n\nJoin: https://meet.example/abc');
    const edited = { ...base.mirror, title: '[G] Planning v2', description: 'New agenda\n\nJoin: https://meet.example/abc' };
    const result = merge(input(base, { mirror: edited }));
    expect(result.writeSource?.event.title).toBe('Planning v2');
    expect(result.writeSource?.event.description).toBe('New agenda');
  });
});
