/**
 * Outlook on the web (content-dom.md §2): tiles are `[data-calitemid]` (all-day header included),
 * badged on their `role=button`. Items without a usable id fall back to (subject, start) from
 * their label on English pages only, scoped to calendar surfaces so toolbar and navigation
 * buttons never match; the peek card is badged in its heading the same way.
 */
import { canonicalOutlookId } from '../../shared/calendar-ids.ts';
import type { BadgeQuery } from '../../shared/messaging/content-protocol.ts';
import { SAVE_NOTICE, squash, type FoundItem, type Surface } from '../surface.ts';
import { dateOf, isEnglishPage, parseItemLabel, parsePeekTime, type ParsedItem } from './aria.ts';

const TILE = '[data-calitemid]';
const PEEK = '[data-app-section="CalendarItemPeek"]';
const LABELLED = '[role="button"][aria-label], [role="option"][aria-label]';
const SCOPE = '[data-app-section^="calendar-view"], [data-app-section^="Surface_"], [data-app-section="CalendarModuleSurface"], [role="listbox"]';
const GUARD =
  '[role="toolbar"], [role="menubar"], [role="menu"], [role="tablist"], [role="navigation"], [role="banner"], ' +
  '[role="complementary"], [role="search"], [role="dialog"], [role="tree"], [role="columnheader"], [role="rowheader"]';
const MONTH_CELL = /^monthDayCell_(\d{4}-\d{2}-\d{2})T/;

export function outlookSurface(doc: Document, location: () => string, zone: () => string): Surface {
  return {
    app: 'outlook',
    attributes: ['data-calitemid', 'aria-label', 'title'],
    enclosingItem: (node) => node.closest(`${TILE}, ${PEEK}`) ?? node.closest(LABELLED),
    find: (root) => findItems(doc, root, zone()),
    view: () => `${location()}|${firstDay(doc)}`,
    isSaveNotice: (node) => node.matches(SAVE_NOTICE),
  };
}

function* findItems(doc: Document, root: Element | Document, zone: string): Generator<FoundItem> {
  for (const tile of within(root, TILE)) {
    const item = tileItem(tile, zone, doc);
    if (item) yield item;
  }
  if (!isEnglishPage(doc)) return;
  for (const element of within(root, LABELLED)) {
    if (element.closest(TILE) || !element.closest(SCOPE) || element.closest(GUARD)) continue;
    const parsed = parseItemLabel(element.getAttribute('aria-label') ?? '', element.getAttribute('title'), dayOf(element));
    if (parsed) yield fallbackItem(element, element, parsed, zone, fingerprintOf(element));
  }
  for (const peek of within(root, PEEK)) {
    const item = peekItem(peek, zone);
    if (item) yield item;
  }
}

function within(root: Element | Document, selector: string): Element[] {
  const own = root instanceof Element && root.matches(selector) ? [root] : [];
  return [...own, ...root.querySelectorAll(selector)];
}

function tileItem(tile: Element, zone: string, doc: Document): FoundItem | null {
  const target = tile.matches('[role="button"]') ? tile : (tile.querySelector(LABELLED) ?? tile);
  const label = target.getAttribute('aria-label');
  const title = target.getAttribute('title');
  const fingerprint = fingerprintOf(target);
  const id = canonicalOutlookId(tile.getAttribute('data-calitemid') ?? '');
  if (id) {
    const query: BadgeQuery = { by: 'id', id, calendar: null };
    return { element: tile, target, placement: 'corner', key: `o|${id}`, query, fingerprint, changeId: id, calendar: null };
  }
  if (!label || !isEnglishPage(doc)) return null;
  const parsed = parseItemLabel(label, title, dayOf(tile));
  return parsed ? fallbackItem(tile, target, parsed, zone, fingerprint) : null;
}

function fingerprintOf(element: Element): () => string {
  return () => `${squash(element.getAttribute('aria-label'))}|${squash(element.getAttribute('title'))}`;
}

/** `fingerprint` null: not a grid item (the peek card), never counted as an edit. */
function fallbackItem(element: Element, target: Element, parsed: ParsedItem, zone: string, fingerprint: (() => string) | null): FoundItem {
  const query: BadgeQuery = { by: 'subject', subject: parsed.subject, start: parsed.start, zone };
  const placement = fingerprint === null ? 'inline' : 'corner';
  return { element, target, placement, key: `s|${zone}|${parsed.start}|${parsed.subject}`, query, fingerprint, changeId: '', calendar: null };
}

function peekItem(peek: Element, zone: string): FoundItem | null {
  const heading = peek.querySelector('[role="heading"], h1, h2, h3');
  const subject = squash(heading?.textContent, 1024);
  const start = parsePeekTime(peek.querySelector('[aria-label="Time"]')?.textContent ?? '');
  if (!heading || !subject || !start) return null;
  return fallbackItem(peek, heading, { subject, start }, zone, null);
}

/** The day an item sits in: a month cell's id, or a labelled agenda group. */
function dayOf(element: Element): string | null {
  const cell = element.closest('[id^="monthDayCell_"]');
  const fromCell = cell ? MONTH_CELL.exec(cell.id)?.[1] : undefined;
  if (fromCell) return fromCell;
  const group = element.closest('[role="group"][aria-label], [role="listitem"][aria-label]');
  return group ? dateOf(group.getAttribute('aria-label') ?? '') : null;
}

/** The first day on screen, so that moving to another week or month counts as a new view. */
function firstDay(doc: Document): string {
  const cell = doc.querySelector('[id^="monthDayCell_"]');
  if (cell) return cell.id.slice(0, 23);
  return squash(doc.querySelector('[data-app-section="CalendarModuleSurface"] [role="columnheader"]')?.getAttribute('aria-label') ?? '', 80);
}
