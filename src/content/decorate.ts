/**
 * Idempotent decoration: each target remembers (in a WeakMap, nothing on the page's elements) which
 * item and which view its badge shows. Applying the same view again touches nothing; a changed id,
 * a changed state, a badge the app stripped or an element the app replaced gets a fresh badge.
 */
import type { BadgeView } from '../shared/messaging/content-protocol.ts';
import { BadgeEvents } from './badge-events.ts';
import { BADGE_ATTR, createBadge } from './badge.ts';
import type { FoundItem } from './surface.ts';

interface Decoration {
  readonly key: string;
  readonly view: BadgeView;
  readonly host: HTMLElement;
}

export class Decorator {
  private readonly done = new WeakMap<Element, Decoration>();
  private readonly events: BadgeEvents;
  /** Badges created so far (for the budget measurements). */
  created = 0;

  constructor(
    private readonly doc: Document,
    localZone: string,
    open: (url: string) => void,
  ) {
    this.events = new BadgeEvents(doc, localZone, open);
  }

  /**
   * `view` undefined: not known yet (a lookup is on its way) — a badge for another item goes, a
   * badge for this one stays. null: Tandem knows nothing about it — no badge.
   */
  apply(item: FoundItem, view: BadgeView | null | undefined): void {
    const current = this.done.get(item.target);
    if (view === undefined) {
      if (current && current.key !== item.key) this.clear(item.target);
      return;
    }
    if (view === null) {
      if (current) this.clear(item.target);
      return;
    }
    if (current && current.key === item.key && current.view === view && current.host.parentNode === item.target) return;
    this.clear(item.target);
    const badge = createBadge(this.doc, view, item.placement);
    this.events.register(badge, view);
    item.target.append(badge.host);
    this.done.set(item.target, { key: item.key, view, host: badge.host });
    this.created++;
  }

  /** Removes this target's badge, and any copy of one the app cloned into it. */
  clear(target: Element): void {
    this.done.get(target)?.host.remove();
    this.done.delete(target);
    for (const stray of target.querySelectorAll(`:scope > [${BADGE_ATTR}]`)) stray.remove();
  }

  /** Removes every badge from the page and stops listening (the extension went away). */
  removeAll(): void {
    this.events.stop();
    for (const host of this.doc.querySelectorAll(`[${BADGE_ATTR}]`)) host.remove();
  }
}
