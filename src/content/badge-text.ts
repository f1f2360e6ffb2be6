/**
 * What a badge says: a one-character mark, a short label (its accessible name) and a tooltip with
 * the counterpart calendar, the last sync and, for timed events, the source's zone and time next
 * to the local time. Pure: the strings are later set through textContent and setAttribute only.
 * The mark and label are made with the badge; the tooltip (time formatting) only on hover.
 */
import type { BadgeState, BadgeView, CalendarApp } from '../shared/messaging/content-protocol.ts';

export interface BadgeText {
  readonly mark: string;
  readonly label: string;
  readonly tooltip: string;
}

const MARKS: Readonly<Record<BadgeState, string>> = { synced: '⇄', pending: '…', conflict: '!', excluded: '⊘', error: '×' };
const APP_NAMES: Readonly<Record<CalendarApp, string>> = { google: 'Google Calendar', outlook: 'Outlook' };

export function badgeText(view: BadgeView, localZone: string, locale?: string): BadgeText {
  return { mark: badgeMark(view), label: badgeLabel(view), tooltip: badgeTooltip(view, localZone, locale) };
}

export function badgeMark(view: BadgeView): string {
  return MARKS[view.state];
}

export function badgeLabel(view: BadgeView): string {
  const app = APP_NAMES[view.counterpart.app];
  return headline(view, app, view.counterpart.calendar ? `${app} (${view.counterpart.calendar})` : app);
}

export function badgeTooltip(view: BadgeView, localZone: string, locale?: string): string {
  const app = APP_NAMES[view.counterpart.app];
  const lines = [badgeLabel(view)];
  if (view.detail && view.state !== 'synced') lines.push(view.detail);
  if (view.syncedAt !== null) lines.push(`Last synced ${formatInstant(view.syncedAt, localZone, locale)}`);
  const source = view.source ? sourceLine(view.source, localZone, locale) : null;
  if (source) lines.push(source);
  if (view.counterpart.url) lines.push(`Click to open it in ${app}.`);
  return lines.join('\n');
}

function headline(view: BadgeView, app: string, where: string): string {
  switch (view.state) {
    case 'synced':
      return view.role === 'mirror' ? `Tandem: copy of an event in ${where}` : `Tandem: synced to ${where}`;
    case 'pending':
      return `Tandem: waiting to sync with ${where}`;
    case 'conflict':
      return `Tandem: synced with ${where} after a conflict`;
    case 'excluded':
      return `Tandem: not synced to ${app} (excluded by a filter)`;
    case 'error':
      return `Tandem: could not sync with ${where}`;
  }
}

function sourceLine(source: NonNullable<BadgeView['source']>, localZone: string, locale?: string): string | null {
  const instant = Date.parse(source.start);
  if (Number.isNaN(instant)) return null;
  const there = formatClock(instant, source.zone, locale);
  if (!there) return null;
  if (source.zone === localZone) return `Scheduled for ${there} ${source.zone} (your time zone)`;
  return `Scheduled for ${there} ${source.zone} · ${formatClock(instant, localZone, locale) ?? '?'} your time`;
}

function formatClock(instant: number, zone: string, locale?: string): string | null {
  return formatter('clock', zone, locale)?.format(instant) ?? null;
}

function formatInstant(instant: number, zone: string, locale?: string): string {
  return formatter('instant', zone, locale)?.format(instant) ?? new Date(instant).toISOString();
}

/** Building a formatter costs far more than using one: one per (kind, zone, locale). */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(kind: 'clock' | 'instant', zone: string, locale?: string): Intl.DateTimeFormat | null {
  const key = `${kind}|${zone}|${locale ?? ''}`;
  if (!formatters.has(key)) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'clock' ? { timeZone: zone, hour: 'numeric', minute: '2-digit' } : { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' };
    try {
      formatters.set(key, new Intl.DateTimeFormat(locale, options));
    } catch {
      // An unknown zone name: that line is left out rather than guessed.
      formatters.set(key, null);
    }
  }
  return formatters.get(key) ?? null;
}
