/**
 * colors.get (calendar-apis.md §1.8): Google's fixed palettes. Calendar colours 1–24 and event
 * colours 1–11 with the background/foreground pairs the public API returns.
 */
import type { GColors } from './model.ts';

const CALENDAR_BACKGROUNDS = [
  '#ac725e', '#d06b64', '#f83a22', '#fa573c', '#ff7537', '#ffad46', '#42d692', '#16a765',
  '#7bd148', '#b3dc6c', '#fbe983', '#fad165', '#92e1c0', '#9fe1e7', '#9fc6e7', '#4986e7',
  '#9a9cff', '#b99aff', '#c2c2c2', '#cabdbf', '#cca6ac', '#f691b2', '#cd74e6', '#a47ae2',
] as const;

const EVENT_BACKGROUNDS = [
  '#a4bdfc', '#7ae7bf', '#dbadff', '#ff887c', '#fbd75b', '#ffb878', '#46d6db', '#e1e1e1', '#5484ed', '#51b749', '#dc2127',
] as const;

const FOREGROUND = '#1d1d1d';
/** What calendarList entries report as foregroundColor (the palette's text colour differs). */
export const LIST_FOREGROUND = '#000000';
/** The palette's last update, as colors.get reports it. */
const PALETTE_UPDATED = '2012-02-14T00:00:00.000Z';

function palette(backgrounds: readonly string[]): Record<string, { background: string; foreground: string }> {
  return Object.fromEntries(backgrounds.map((background, i) => [String(i + 1), { background, foreground: FOREGROUND }]));
}

export function colorsResource(): GColors {
  return { kind: 'calendar#colors', updated: PALETTE_UPDATED, calendar: palette(CALENDAR_BACKGROUNDS), event: palette(EVENT_BACKGROUNDS) };
}

export function calendarBackground(colorId: string): string {
  return CALENDAR_BACKGROUNDS[Number(colorId) - 1] ?? CALENDAR_BACKGROUNDS[0];
}

export function isCalendarColorId(colorId: string): boolean {
  return /^\d+$/.test(colorId) && Number(colorId) >= 1 && Number(colorId) <= CALENDAR_BACKGROUNDS.length;
}

export function isEventColorId(colorId: string): boolean {
  return /^\d+$/.test(colorId) && Number(colorId) >= 1 && Number(colorId) <= EVENT_BACKGROUNDS.length;
}

/** Colour for the n-th calendar a user gets, cycling through the palette like the web app does. */
export function colorIdFor(n: number): string {
  return String((n % CALENDAR_BACKGROUNDS.length) + 1);
}
