/**
 * The items on the page and the badges still to draw for them. Drawing is queued and done against
 * a time budget per frame, so a view of hundreds of chips (or a wholesale re-render of one) never
 * holds the page's main thread for long: what does not fit waits for the next frame.
 */
import type { BadgeView } from '../shared/messaging/content-protocol.ts';
import type { Decorator } from './decorate.ts';
import type { FoundItem } from './surface.ts';

export class Tracker {
  readonly items = new Map<Element, FoundItem>();
  private readonly queue = new Set<FoundItem>();

  constructor(
    private readonly decorator: Decorator,
    private readonly viewOf: (key: string) => BadgeView | null | undefined,
  ) {}

  get pending(): boolean {
    return this.queue.size > 0;
  }

  track(item: FoundItem): void {
    const previous = this.items.get(item.element);
    if (previous && previous.target !== item.target) this.decorator.clear(previous.target);
    if (previous) this.queue.delete(previous);
    this.items.set(item.element, item);
    this.queue.add(item);
  }

  /** An element that was an item and is no longer one (its id became a task's, say). */
  forget(element: Element): void {
    const previous = this.items.get(element);
    if (!previous) return;
    this.items.delete(element);
    this.queue.delete(previous);
    this.decorator.clear(previous.target);
  }

  /** Drops items the page removed. */
  prune(): void {
    for (const [element, item] of this.items) {
      if (element.isConnected) continue;
      this.items.delete(element);
      this.queue.delete(item);
    }
  }

  /** These keys have new views: draw their badges again. */
  redraw(keys: ReadonlySet<string>): void {
    for (const item of this.items.values()) if (keys.has(item.key)) this.queue.add(item);
  }

  /** Draws queued badges until `deadline` (checked every few items); the rest stay queued. */
  drain(deadline: number, now: () => number): void {
    let n = 0;
    for (const item of this.queue) {
      this.queue.delete(item);
      if (item.element.isConnected) this.decorator.apply(item, this.viewOf(item.key));
      if (++n % 16 === 0 && now() >= deadline) return;
    }
  }
}
