/**
 * Loads a content fixture page (test/fixtures/content) into the happy-dom document of a test, and
 * gives tests the re-render driver the e2e pages use, a manual frame clock and a scriptable
 * background.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import type { BadgeQuery, BadgeView, ContentReplies } from '../../../src/shared/messaging/content-protocol.ts';
import type { ContentTransport } from '../../../src/content/controller.ts';
import { driverScript } from '../../fixtures/content/driver.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/content');

export interface FixtureDriver {
  rerender(): void;
  cloneRerender(): void;
  rewriteStyles(): void;
  stripBadges(): void;
  changeId(id: string, next: string): void;
  editTitle(id: string, title: string): void;
  remove(id: string): void;
  addChip(id: string, title: string, calendar?: string): string;
  bulk(n: number, prefix?: string): string[];
  navigate(path?: string): void;
  announce(text: string): void;
}

/** Replaces the test document with a fixture (scripts are not run; the driver is loaded apart). */
export function loadFixture(name: string): FixtureDriver {
  const html = readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const attr of [...document.documentElement.attributes]) document.documentElement.removeAttribute(attr.name);
  for (const attr of [...parsed.documentElement.attributes]) document.documentElement.setAttribute(attr.name, attr.value);
  document.head.innerHTML = parsed.head.innerHTML;
  for (const attr of [...document.body.attributes]) document.body.removeAttribute(attr.name);
  for (const attr of [...parsed.body.attributes]) document.body.setAttribute(attr.name, attr.value);
  for (const script of parsed.body.querySelectorAll('script')) script.remove();
  document.body.innerHTML = parsed.body.innerHTML;
  const fixturePath = document.querySelector('meta[name="tandem-fixture-path"]')?.getAttribute('content') ?? '/';
  history.replaceState(null, '', fixturePath);
  // happy-dom runs no page scripts; the driver runs here against the test's window and document.
  runInThisContext(driverScript(), { filename: 'rerender.js' });
  return (window as unknown as { tandemFixture: FixtureDriver }).tandemFixture;
}

/** requestAnimationFrame under the test's control: `run()` flushes what is scheduled. */
export class Frames {
  private queue: (() => void)[] = [];
  readonly frame = (callback: () => void): void => void this.queue.push(callback);
  run(): void {
    const queue = this.queue;
    this.queue = [];
    for (const callback of queue) callback();
  }
  get pending(): number {
    return this.queue.length;
  }
}

/** A background that answers lookups from a table (by query key) and records everything it is sent. */
export class FakeBackground implements ContentTransport {
  readonly lookups: (readonly BadgeQuery[])[] = [];
  readonly nudges: { reason: string; calendars: readonly string[]; ids: readonly string[] }[] = [];
  /** ageMs of each nudge, in order. */
  readonly ages: number[] = [];
  readonly views = new Map<string, BadgeView>();
  private listeners: (() => void)[] = [];
  version = 1;
  /** When set, lookups wait until release() is called. */
  hold = false;
  private held: (() => void)[] = [];

  readonly lookup = async (queries: readonly BadgeQuery[]): Promise<ContentReplies['badges/lookup'] | null> => {
    this.lookups.push(queries);
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    return { version: this.version, views: queries.map((q) => this.views.get(queryKey(q)) ?? null) };
  };

  readonly nudge = (reason: 'chips' | 'save', calendars: readonly string[], ids: readonly string[], ageMs: number): Promise<void> => {
    this.nudges.push({ reason, calendars, ids });
    this.ages.push(ageMs);
    return Promise.resolve();
  };

  onChanged(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  release(): void {
    const held = this.held;
    this.held = [];
    for (const resolve of held) resolve();
  }

  get queried(): BadgeQuery[] {
    return this.lookups.flat();
  }
}

export function queryKey(query: BadgeQuery): string {
  return query.by === 'id' ? `id|${query.id}` : `subject|${query.subject}|${query.start}`;
}

export function view(state: BadgeView['state'], overrides: Partial<BadgeView> = {}): BadgeView {
  return {
    state,
    role: 'source',
    counterpart: { app: 'outlook', calendar: '', url: 'https://outlook.office.com/calendar/item/AAk' },
    syncedAt: Date.UTC(2026, 5, 15, 12),
    source: { zone: 'Europe/Berlin', start: '2026-06-15T07:00:00Z' },
    detail: null,
    ...overrides,
  };
}

/** Lets pending promise callbacks (lookups, replies) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** setTimeout and a clock under the test's control. */
export class ManualTimers {
  private time = 1_000_000;
  private nextHandle = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();
  readonly now = (): number => this.time;
  readonly setTimeout = (callback: () => void, ms: number): unknown => {
    const handle = this.nextHandle++;
    this.due.set(handle, { at: this.time + Math.max(0, ms), callback });
    return handle;
  };
  readonly clearTimeout = (handle: unknown): void => void this.due.delete(handle as number);

  /** Moves time forward, running what falls due in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.due) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.due.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
    }
    this.time = end;
  }
}
