/**
 * Idempotent decoration: each target remembers (in a WeakMap, nothing on the page's elements) which
 * item and which view its badge shows. Applying the same view again touches nothing; a changed id,
 * a changed state, a badge the app stripped or an element the app replaced gets a fresh badge.
 */
import type { BadgeView } from '../shared/messaging/content-protocol.ts';
import { BADGE_ATTR, createBadge } from './badge.ts';
import { badgeText } from './badge-text.ts';
import type { FoundItem } from './surface.ts';

interface Decoration {
  readonly key: string;
  readonly view: BadgeView;
  readonly host: HTMLElement;
}

export class Decorator {
  private readonly done = new WeakMap<Element, Decoration>();
  /** Badges created so far (for the budget measurements). */
  created = 0;

  constructor(
    private readonly doc: Document,
    private readonly localZone: string,
    private readonly open: (url: string) => void,
  ) {}

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
    const host = createBadge(this.doc, { view, text: badgeText(view, this.localZone), placement: item.placement, open: this.open });
    item.target.append(host);
    this.done.set(item.target, { key: item.key, view, host });
    this.created++;
  }

  /** Removes this target's badge, and any copy of one the app cloned into it. */
  clear(target: Element): void {
    this.done.get(target)?.host.remove();
    this.done.delete(target);
    for (const stray of target.querySelectorAll(`:scope > [${BADGE_ATTR}]`)) stray.remove();
  }

  /** Removes every badge from the page (the extension was reloaded or removed). */
  removeAll(): void {
    for (const host of this.doc.querySelectorAll(`[${BADGE_ATTR}]`)) host.remove();
  }
}
