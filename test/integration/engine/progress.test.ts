import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../src/background/sync/run.ts';
import { createWorld, gTimed, GOOGLE_USER, MS_USER, oTimed, type World } from './harness.ts';

describe('engine: progress a popup can show', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('reports phases in order, each side’s write total before its first batch, and ends with done', async () => {
    for (let day = 3; day < 8; day++) world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed(`G${day}`, `2026-03-0${day}`, '09:00', '10:00'));
    for (let day = 3; day < 6; day++) world.sims.graph.userCreateEvent(MS_USER, world.outlookCalendar, oTimed(`O${day}`, `2026-03-0${day}`, '12:00', '13:00'));
    const seen: Progress[] = [];
    await world.sync({ onProgress: (p) => seen.push(p) });

    const phases = seen.map((p) => p.phase).filter((phase, i, all) => all[i - 1] !== phase);
    expect(phases).toEqual(['reading-google', 'reading-outlook', 'planning', 'writing-google', 'writing-outlook', 'saving', 'done']);
    // Mirrors of the 3 Outlook events go to Google, of the 5 Google events to Outlook.
    expect(seen.filter((p) => p.phase === 'writing-google').map((p) => [p.done, p.total])).toEqual([[0, 3], [3, 3]]);
    expect(seen.filter((p) => p.phase === 'writing-outlook').map((p) => [p.done, p.total])).toEqual([[0, 5], [5, 5]]);
    expect(seen.every((p) => p.pairId === world.pair.id && p.done <= Math.max(p.total, p.done))).toBe(true);
  });

  it('reports no write phase when there is nothing to write', async () => {
    world.sims.google.userCreateEvent(GOOGLE_USER, GOOGLE_USER, gTimed('Standup', '2026-03-03', '09:00', '09:15'));
    await world.sync();
    const seen: Progress[] = [];
    await world.sync({ onProgress: (p) => seen.push(p) });
    expect(seen.some((p) => p.phase.startsWith('writing'))).toBe(false);
    expect(seen.at(-1)?.phase).toBe('done');
  });
});
