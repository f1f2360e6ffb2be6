/**
 * Live stand-ins for the calendar web apps, for the content script's e2e: pages shaped like
 * calendar.google.com and Outlook on the web (content-dom.md §1.1, §2.2) showing a simulator
 * calendar's events, re-rendered from the simulator every few seconds the way the real apps repaint,
 * and editable "as the user" (a rename, a new event, a deletion) through the simulators' user
 * actions. Every interpolated value is escaped: titles come from whoever sent the invitation.
 */
import type { Event as GraphEvent } from '@microsoft/microsoft-graph-types';
import type { calendar_v3 } from '@googleapis/calendar';
import { escapeHtml as esc } from '../core/web.ts';

export interface LiveItem {
  readonly id: string;
  readonly title: string;
  /** ISO instant (UTC) or YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
}

export function googleItems(events: readonly calendar_v3.Schema$Event[]): LiveItem[] {
  return events
    .filter((e) => e.status !== 'cancelled' && e.id)
    .map((e) => ({ id: e.id!, title: e.summary ?? '(No title)', start: e.start?.dateTime ?? e.start?.date ?? '', end: e.end?.dateTime ?? e.end?.date ?? '' }));
}

export function graphItems(events: readonly GraphEvent[]): LiveItem[] {
  const utc = (value: string | null | undefined): string => (value ? `${value.replace(/\.\d+$/, '')}Z` : '');
  return events
    .filter((e) => !e.isCancelled && e.id)
    .map((e) => ({ id: e.id!, title: e.subject ?? '(No subject)', start: e.isAllDay ? (e.start?.dateTime ?? '').slice(0, 10) : utc(e.start?.dateTime), end: utc(e.end?.dateTime) }));
}

/** Google's shortened calendar key inside `data-eventid` (content-dom.md §1.2). */
function calendarKey(calendarId: string): string {
  return calendarId.toLowerCase().replace(/@gmail\.com$/, '@m').replace(/@group\.calendar\.google\.com$/, '@g');
}

const clock = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' });
const longDate = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });

function when(item: LiveItem): { allDay: boolean; from: string; to: string; date: string; top: number } {
  if (!item.start.includes('T')) return { allDay: true, from: '', to: '', date: longDate.format(Date.parse(`${item.start}T00:00:00Z`)), top: 0 };
  const start = Date.parse(item.start);
  const end = Date.parse(item.end);
  return { allDay: false, from: clock.format(start), to: clock.format(end), date: longDate.format(start), top: (new Date(start).getUTCHours() * 60 + new Date(start).getUTCMinutes()) * 0.8 };
}

export function googleChips(items: readonly LiveItem[], calendarId: string): string {
  return items
    .map((item) => {
      const raw = Buffer.from(`${item.id} ${calendarKey(calendarId)}`).toString('base64').replace(/=+$/, '');
      const t = when(item);
      const sentence = t.allDay ? `All day, ${item.title}, ${t.date}` : `${t.from} to ${t.to}, ${item.title}, ${t.date}`;
      return (
        `<div role="button" data-eventchip="" data-eventid="${esc(raw)}" jslog="35463; 2:[&quot;${esc(item.id)}&quot;,null]" class="GTG3wb" ` +
        `style="top:${t.top}px;height:40px" data-opens-details="true"><div class="XuJrye">${esc(sentence)}</div>` +
        `<div aria-hidden="true"><span class="I0UMhf">${esc(item.title)}</span><div class="lhydbb">${esc(t.allDay ? 'All day' : `${t.from} – ${t.to}`)}</div></div>` +
        `<div aria-hidden="true" class="leOeGd" data-eventid="${esc(raw)}"></div></div>`
      );
    })
    .join('');
}

export function outlookTiles(items: readonly LiveItem[]): string {
  return items
    .map((item) => {
      const t = when(item);
      const label = t.allDay ? `${item.title}, All day event, ${t.date}, Busy` : `${item.title}, ${t.from} to ${t.to}, ${t.date}, Busy`;
      const title = t.allDay ? item.title : `${item.title}\n${t.from} to ${t.to}`;
      return `<div data-calitemid="${esc(item.id)}"><div role="button" tabindex="0" class="tile" aria-label="${esc(label)}" title="${esc(title)}"><span>${esc(item.title)}</span></div></div>`;
    })
    .join('');
}

const STYLE =
  'body{font:13px system-ui,sans-serif;margin:0}[role=main]{position:relative;margin:1rem}' +
  '.GTG3wb{position:relative;margin:2px 0;background:#039be5;color:#fff;border-radius:4px;padding:2px 24px 2px 6px;top:auto!important;height:auto!important}' +
  '.XuJrye{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}' +
  '.tile{position:relative;display:block;background:#cfe4fa;border-left:3px solid #0f6cbd;margin:2px 0;padding:2px 24px 2px 6px}';

/** The page: app chrome around a root the script re-renders from `<page>/items` every few seconds. */
export function livePage(app: 'google' | 'outlook', title: string, itemsHtml: string, refreshMs = 3_000): string {
  const surface =
    app === 'google'
      ? `<div role="main"><div role="grid" aria-label="${esc(title)}"><div data-datekey="28879" data-fixture-root="">${itemsHtml}</div></div></div>`
      : `<div role="main"><div data-app-section="CalendarModuleSurface"><div data-app-section="Surface_Week"><div data-app-section="calendar-view-0" data-fixture-root="">${itemsHtml}</div></div></div></div>`;
  const notice = app === 'google' ? '<div role="status" aria-live="polite"></div>' : '<div role="alert" aria-live="assertive"></div>';
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${esc(title)}</title><style>${STYLE}</style></head>` +
    `<body data-viewkey="WEEK">${surface}${notice}<script>${LIVE_SCRIPT.replace('__REFRESH__', String(refreshMs))}</script></body></html>`
  );
}

/** The page's own script: re-render from the simulator, and the user's edits. */
const LIVE_SCRIPT = `(function () {
  var base = location.pathname.replace(/\\/$/, '');
  var root = document.querySelector('[data-fixture-root]');
  var notice = document.querySelector('[role="status"], [role="alert"]');
  function render() {
    return fetch(base + '/items', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (body) { root.innerHTML = body.html; });
  }
  function send(method, path, body) {
    return fetch(base + '/items' + path, { method: method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { if (!r.ok) throw new Error('edit failed: ' + r.status); return r.json(); })
      .then(function (result) { return render().then(function () { notice.textContent = 'Event saved'; return result; }); });
  }
  window.tandemLive = {
    refresh: render,
    rename: function (id, title) { return send('PATCH', '/' + encodeURIComponent(id), { title: title }); },
    create: function (title, start, end) { return send('POST', '', { title: title, start: start, end: end }); },
    remove: function (id) { return send('DELETE', '/' + encodeURIComponent(id)); },
    pause: function () { clearInterval(timer); },
  };
  var timer = setInterval(render, __REFRESH__);
})();`;
