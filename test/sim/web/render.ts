/**
 * Plain renderings of what a user would see in each web app: one row per stored event (series
 * shown once, with their rule). Every value is escaped: event text comes from whoever sent the
 * invitation.
 */
import type { Event as GraphEvent } from '@microsoft/microsoft-graph-types';
import type { calendar_v3 } from '@googleapis/calendar';
import { escapeHtml } from '../core/web.ts';

export interface EventRow {
  readonly id: string;
  readonly title: string;
  readonly when: string;
  readonly repeats: string;
  readonly state: string;
}

export function googleRow(event: calendar_v3.Schema$Event): EventRow {
  const start = event.start?.date ?? `${event.start?.dateTime ?? '?'} ${event.start?.timeZone ?? ''}`.trim();
  const end = event.end?.date ?? event.end?.dateTime ?? '?';
  return {
    id: event.id ?? '',
    title: event.summary ?? '(no title)',
    when: `${start} → ${end}${event.start?.date ? ' (all day)' : ''}`,
    repeats: [event.recurrence?.join(' ') ?? '', event.recurringEventId ? `exception of ${event.recurringEventId}` : ''].join(' ').trim(),
    state: event.status ?? '',
  };
}

export function graphRow(event: GraphEvent): EventRow {
  const zone = event.start?.timeZone ?? '';
  const pattern = event.recurrence?.pattern;
  return {
    id: event.id ?? '',
    title: event.subject ?? '(no title)',
    when: `${event.start?.dateTime ?? '?'} → ${event.end?.dateTime ?? '?'} ${zone}${event.isAllDay ? ' (all day)' : ''}`,
    repeats: pattern ? `${pattern.type ?? ''} every ${pattern.interval ?? 1} ${(pattern.daysOfWeek ?? []).join(',')}`.trim() : '',
    state: event.isCancelled ? 'cancelled' : (event.type ?? ''),
  };
}

export function eventTable(rows: readonly EventRow[]): string {
  if (rows.length === 0) return '<p>No events.</p>';
  const body = rows
    .map(
      (row) =>
        `<tr data-event-id="${escapeHtml(row.id)}"><td>${escapeHtml(row.title)}</td><td>${escapeHtml(row.when)}</td>` +
        `<td>${escapeHtml(row.repeats)}</td><td>${escapeHtml(row.state)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Title</th><th>When</th><th>Repeats</th><th>State</th></tr></thead><tbody>${body}</tbody></table>`;
}

export const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.4}table{border-collapse:collapse;width:100%}' +
  'th,td{border-bottom:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}' +
  'th{background:#f0f0f0}.google h1{color:#1a73e8}.outlook h1{color:#0f6cbd}';
