/**
 * What the content script needs from each web app: where the event items are, what each one is
 * called, and where its badge goes. One implementation per app (google/, outlook/); everything
 * else (observing, batching, decorating, nudging) is shared.
 */
import type { BadgeQuery, CalendarApp } from '../shared/messaging/content-protocol.ts';

export interface FoundItem {
  /** The element that carries the item's identity (chip root, tile, dialog). */
  readonly element: Element;
  /** Where the badge host is appended. */
  readonly target: Element;
  /** `corner`: absolutely positioned over a chip; `inline`: in a heading (dialogs, peek cards). */
  readonly placement: 'corner' | 'inline';
  /** Cache key of the question below (same query, same key). */
  readonly key: string;
  readonly query: BadgeQuery;
  /**
   * What the user would see change when the item is edited (its text, time and label), read when
   * edits are looked for (not in the hot path); null for items that are not part of the grid
   * (dialogs), which never count as edits.
   */
  readonly fingerprint: (() => string) | null;
  /** Id reported in a nudge when this item changes ('' when it has none). */
  readonly changeId: string;
  /** Google calendar the item belongs to (for nudges), when known. */
  readonly calendar: string | null;
}

export interface Surface {
  readonly app: CalendarApp;
  /** Attribute names whose change on an element can change what it is or shows. */
  readonly attributes: readonly string[];
  /** The item element enclosing `node` (so a change deep inside a chip re-reads the chip). */
  enclosingItem(node: Element): Element | null;
  /** Every item at or under `root`, found as it is iterated (the controller spreads a scan over frames). */
  find(root: Element | Document): Iterable<FoundItem>;
  /** The view the user is on; items come and go with it without being edits. */
  view(): string;
  /** Whether a mutation of `node` looks like the app announcing a save ("Event saved"). */
  isSaveNotice(node: Element): boolean;
}

/** Whitespace-collapsed text, capped (fingerprints and labels never need more). */
export function squash(text: string | null | undefined, max = 300): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Live regions both apps use for "Event saved" / "Event deleted" notices. */
export const SAVE_NOTICE = '[role="alert"], [role="status"], [aria-live="polite"], [aria-live="assertive"]';
