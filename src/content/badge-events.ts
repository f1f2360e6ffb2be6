/**
 * Pointer handling for every badge of a page through four listeners on the document (capture
 * phase, so they run before the page's own handlers on the chip below): a click on a badge with a
 * counterpart opens it and goes no further (the chip would open its own dialog or start a drag);
 * the first hover writes the tooltip. Events arrive retargeted to the badge's host.
 */
import type { BadgeView } from '../shared/messaging/content-protocol.ts';
import { badgeTooltip } from './badge-text.ts';
import type { Badge } from './badge.ts';

interface Entry {
  readonly view: BadgeView;
  readonly mark: HTMLElement;
  titled: boolean;
}

export class BadgeEvents {
  private readonly badges = new WeakMap<EventTarget, Entry>();
  private readonly listeners: readonly (readonly [string, (event: Event) => void])[];

  constructor(
    private readonly doc: Document,
    private readonly localZone: string,
    private readonly open: (url: string) => void,
  ) {
    const swallow = (event: Event): void => {
      if (this.linked(event)) event.stopPropagation();
    };
    this.listeners = [
      ['click', (event) => this.click(event)],
      ['mousedown', swallow],
      ['pointerdown', swallow],
      ['pointerover', (event) => this.hover(event)],
    ];
    for (const [type, listener] of this.listeners) doc.addEventListener(type, listener, true);
  }

  register(badge: Badge, view: BadgeView): void {
    this.badges.set(badge.host, { view, mark: badge.mark, titled: false });
  }

  stop(): void {
    for (const [type, listener] of this.listeners) this.doc.removeEventListener(type, listener, true);
  }

  private linked(event: Event): string | null {
    return (event.target && this.badges.get(event.target)?.view.counterpart.url) ?? null;
  }

  private click(event: Event): void {
    const url = this.linked(event);
    if (!url) return;
    event.stopPropagation();
    event.preventDefault();
    this.open(url);
  }

  private hover(event: Event): void {
    const entry = event.target ? this.badges.get(event.target) : undefined;
    if (!entry || entry.titled) return;
    entry.titled = true;
    entry.mark.setAttribute('title', badgeTooltip(entry.view, this.localZone));
  }
}
