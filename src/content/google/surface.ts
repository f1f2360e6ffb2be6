/**
 * Google Calendar (content-dom.md §1): chips are `[role="main"] [data-eventchip]` in every view;
 * the badge goes on the chip's button (the chip itself in week/day view, its
 * `[data-stacked-layout-chip]` child for all-day and month chips); the event dialog is badged in
 * its heading. Obfuscated class names are never used.
 */
import { SAVE_NOTICE, squash, type FoundItem, type Surface } from '../surface.ts';
import { decodeChip } from './decode.ts';

const CHIP = '[data-eventchip]';
const DIALOG = '#xDetDlg[data-eventid], [role="dialog"][data-eventid]';
const ITEM = `${CHIP}, ${DIALOG}`;

export function googleSurface(doc: Document, location: () => string): Surface {
  return {
    app: 'google',
    attributes: ['data-eventid', 'jslog', 'style', 'data-eventchip'],
    enclosingItem: (node) => node.closest(ITEM),
    find: (root) => findItems(doc, root),
    // Editing pages (`/r/eventedit/…`, `/r/event…`) belong to the view they return to.
    view: () => location().replace(/\/r\/event[^/]*(\/.*)?$/, '/r') + '|' + (doc.body.getAttribute('data-viewkey') ?? ''),
    isSaveNotice: (node) => node.matches(SAVE_NOTICE),
  };
}

function* findItems(doc: Document, root: Element | Document): Generator<FoundItem> {
  const main = doc.querySelector('[role="main"]');
  const candidates: Element[] = root instanceof Element && root.matches(ITEM) ? [root] : [];
  candidates.push(...root.querySelectorAll(ITEM));
  for (const element of candidates) {
    const dialog = !element.hasAttribute('data-eventchip');
    // Scope chips to the main grid: the side rail's mini calendar is another grid.
    if (!dialog && main && !main.contains(element)) continue;
    const item = itemFor(element, dialog);
    if (item) yield item;
  }
}

function itemFor(element: Element, dialog: boolean): FoundItem | null {
  const raw = element.getAttribute('data-eventid');
  if (!raw) return null;
  const key = decodeChip(raw, element.getAttribute('jslog'));
  if (key.kind !== 'event') return null;
  const target = dialog ? (element.querySelector('[role="heading"], h1, h2') ?? element) : badgeTarget(element);
  return {
    element,
    target,
    placement: dialog ? 'inline' : 'corner',
    key: `g|${key.calendar ?? ''}|${key.eventId}`,
    query: { by: 'id', id: key.eventId, calendar: key.calendar },
    fingerprint: dialog ? null : () => `${squash(element.textContent)}|${key.calendar ?? ''}`,
    changeId: key.eventId,
    calendar: key.calendar,
  };
}

function badgeTarget(chip: Element): Element {
  if (chip.getAttribute('role') === 'button') return chip;
  return chip.querySelector('[role="button"][data-stacked-layout-chip]') ?? chip.querySelector('[role="button"]') ?? chip;
}
