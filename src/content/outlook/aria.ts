/**
 * The (subject, start) fallback for Outlook items without a usable id (content-dom.md §2.4): parsed
 * from the tile's `aria-label`, cross-checked with its `title`, English pages only. Every
 * disagreement (title vs label, weekday vs date) fails closed: no badge rather than a wrong one.
 */
export interface ParsedItem {
  readonly subject: string;
  /** Wall time shown: `YYYY-MM-DD` (all-day) or `YYYY-MM-DDTHH:MM`. */
  readonly start: string;
}

const TIME = String.raw`(\d{1,2}:\d{2}(?:\s?[AP]M)?)`;
const RANGE = new RegExp(`${TIME}\\s+to\\s+${TIME}`, 'i');
const RANGE_AT = new RegExp(`, ${TIME}\\s+to\\s+`, 'i');
/** Agenda rows show only the start: `1:1 with Sam, 2:00 PM`. */
const SINGLE_AT = new RegExp(`, ${TIME}(?=,|$)`, 'i');
const ALL_DAY = /, All[- ]day event/i;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const LONG_DATE = /\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day, ([A-Z][a-z]+) (\d{1,2}), (\d{4})\b/;
const PREFIXES = /^(?:Meeting icon, |Recurring event, )+/;
const SKIPPED = /^(?:Canceled|Cancelled|Declined): /;

/** English UI only: the label grammar is localised (content-dom.md §2.4 step 5). */
export function isEnglishPage(doc: Document): boolean {
  const lang = doc.documentElement.getAttribute('lang') ?? (typeof navigator === 'undefined' ? '' : navigator.language);
  return /^en(?:-|$)/i.test(lang);
}

/**
 * Parses an item's label. `fallbackDate` (YYYY-MM-DD) is the day the item sits in, for labels
 * without a date (month cells, agenda groups).
 */
export function parseItemLabel(label: string, title: string | null, fallbackDate: string | null): ParsedItem | null {
  const text = label.replace(PREFIXES, '');
  if (SKIPPED.test(text)) return null;
  const subject = subjectOf(text, title);
  if (!subject) return null;
  const rest = text.slice(subject.length);
  const labelRange = RANGE.exec(rest);
  const titleRange = title ? RANGE.exec(title) : null;
  if (labelRange && titleRange && (clock(labelRange[1]) !== clock(titleRange[1]) || clock(labelRange[2]) !== clock(titleRange[2]))) return null;
  const date = dateOf(text) ?? fallbackDate;
  if (!date) return null;
  const startText = labelRange?.[1] ?? SINGLE_AT.exec(rest)?.[1];
  if (startText) {
    const start = clock(startText);
    return start ? { subject, start: `${date}T${start}` } : null;
  }
  return ALL_DAY.test(text) ? { subject, start: date } : null;
}

function subjectOf(text: string, title: string | null): string | null {
  const fromTitle = title?.split('\n')[0]?.trim();
  if (fromTitle) {
    // The title isolates subjects with commas in them; the label must agree.
    return text.startsWith(`${fromTitle}, `) ? fromTitle : null;
  }
  const cut = [RANGE_AT.exec(text)?.index, ALL_DAY.exec(text)?.index, SINGLE_AT.exec(text)?.index].filter((i): i is number => i !== undefined);
  if (cut.length === 0) return null;
  const subject = text.slice(0, Math.min(...cut)).trim();
  return subject.length > 0 ? subject : null;
}

/** `Thursday, September 17, 2026` → `2026-09-17`, checking the weekday. */
export function dateOf(text: string): string | null {
  const m = LONG_DATE.exec(text);
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return null;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  if (month < 0) return null;
  return checkedDate(Number(m[4]), month + 1, Number(m[3]), `${m[1].toLowerCase()}day`);
}

/** Peek cards: `Thu 9/17/2026 4:00 PM - 4:30 PM` (US order; the weekday must agree). */
export function parsePeekTime(text: string): string | null {
  const m = /^\s*(Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*\.?\s+(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}:\d{2}(?:\s?[AP]M)?))?/i.exec(text.replace(/[\u202f\u00a0]/g, ' '));
  if (!m?.[1] || !m[2] || !m[3] || !m[4]) return null;
  const weekday = WEEKDAYS.find((day) => day.startsWith(m[1]!.toLowerCase()));
  const date = weekday ? checkedDate(Number(m[4]), Number(m[2]), Number(m[3]), weekday) : null;
  if (!date) return null;
  if (!m[5]) return date;
  const start = clock(m[5]);
  return start ? `${date}T${start}` : null;
}

function checkedDate(year: number, month: number, day: number, weekday: string): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || WEEKDAYS[d.getUTCDay()] !== weekday) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `4:00 PM` / `15:30` → `16:00` / `15:30`; null when it is not a time. */
export function clock(text: string | undefined): string | null {
  const m = /^(\d{1,2}):(\d{2})(?:\s?([AP])M)?$/i.exec((text ?? '').trim());
  if (!m?.[1] || !m[2]) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const half = m[3]?.toUpperCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'P' ? 12 : 0);
  }
  return hour < 24 && minute < 60 ? `${pad(hour)}:${pad(minute)}` : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
