/**
 * The simulated web apps: read-only pages showing what calendar.google.com and Outlook on the web
 * would show for the simulators' calendars, refreshed every few seconds so the demo can watch a
 * sync land. (The pixel-faithful DOM fixtures for the content scripts live with those tests.)
 */
import type { SimClock } from '../core/clock.ts';
import { FaultInjector } from '../core/faults.ts';
import { Router, type SimResponse } from '../core/http.ts';
import { RequestLog } from '../core/request-log.ts';
import { SimServer } from '../core/server.ts';
import { escapeHtml } from '../core/web.ts';
import type { GoogleCalendarSim } from '../google/index.ts';
import type { GraphSim } from '../graph/index.ts';
import { eventTable, googleRow, graphRow, PAGE_STYLE } from './render.ts';
import { addStandInRoutes } from './stand-ins.ts';

export interface ShownCalendar {
  readonly app: 'google' | 'outlook';
  readonly calendarId: string;
  readonly title: string;
  /** The account that owns it, which the live pages edit as (default: the calendar id). */
  readonly owner?: string;
}

export interface WebPagesSimOptions {
  readonly clock: SimClock;
  readonly google: GoogleCalendarSim;
  readonly graph: GraphSim;
}

export class WebPagesSim {
  readonly server: SimServer;
  private readonly calendars: ShownCalendar[] = [];

  constructor(private readonly options: WebPagesSimOptions) {
    const router = new Router()
      .on('GET', '/', () => this.indexPage())
      .on('GET', '/:app/calendar/:index', (request) => this.calendarPage(request.params['app'], Number(request.params['index'])));
    addStandInRoutes(router, {
      google: options.google,
      graph: options.graph,
      calendar: (index) => {
        const shown = this.calendars[index];
        return shown && { app: shown.app, calendarId: shown.calendarId, title: shown.title, owner: shown.owner ?? shown.calendarId };
      },
    });
    this.server = new SimServer({
      name: 'web',
      router,
      clock: options.clock,
      log: new RequestLog(),
      faults: new FaultInjector(),
      renderError: (status, _reason, message) => page(status, 'Not found', `<p>${escapeHtml(message)}</p>`, ''),
    });
  }

  listen(port = 0): Promise<string> {
    return this.server.listen(port);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  get url(): string {
    return this.server.url;
  }

  /** Adds a calendar to the pages; returns the URL of its page. */
  show(calendar: ShownCalendar): string {
    this.calendars.push(calendar);
    return `${this.url}/${calendar.app}/calendar/${this.calendars.length - 1}`;
  }

  /**
   * Adds a calendar and returns the URL of its live page standing in for the web app at `host`
   * (the simulator build's content script runs there as on the real host).
   */
  showLive(calendar: ShownCalendar, host = calendar.app === 'google' ? 'calendar.google.com' : 'outlook.office.com'): string {
    this.calendars.push(calendar);
    return `${this.url}/_host/${host}/live/${this.calendars.length - 1}`;
  }

  /** URL of a DOM fixture of test/fixtures/content, served as if from `host`. */
  fixtureUrl(name: string, host = name.startsWith('gcal-') ? 'calendar.google.com' : 'outlook.office.com'): string {
    return `${this.url}/_host/${host}/fixture/${name}`;
  }

  private indexPage(): SimResponse {
    const items = this.calendars
      .map((c, i) => `<li><a href="/${c.app}/calendar/${i}">${escapeHtml(c.title)}</a> (${c.app === 'google' ? 'Google Calendar' : 'Outlook'})</li>`)
      .join('');
    return page(200, 'Simulated calendars', `<h1>Simulated calendars</h1><ul>${items || '<li>None yet.</li>'}</ul>`, '');
  }

  private calendarPage(app: string | undefined, index: number): SimResponse {
    const calendar = this.calendars[index];
    if (!calendar || calendar.app !== app) return page(404, 'Not found', '<p>No such calendar.</p>', '');
    const rows =
      calendar.app === 'google'
        ? this.options.google.listStoredEvents(calendar.calendarId).map(googleRow)
        : this.options.graph.listStoredEvents(calendar.calendarId).map(graphRow);
    const appName = calendar.app === 'google' ? 'Google Calendar (simulated)' : 'Outlook on the web (simulated)';
    const body = `<h1>${escapeHtml(calendar.title)}</h1><p>${appName} · ${rows.length} stored events · as of ${escapeHtml(this.options.clock.nowIso())}</p>${eventTable(rows)}`;
    return page(200, `${calendar.title} – ${appName}`, body, calendar.app, 5);
  }
}

function page(status: number, title: string, body: string, bodyClass: string, refreshSeconds?: number): SimResponse {
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">${refresh}<title>${escapeHtml(title)}</title>` +
    `<style>${PAGE_STYLE}</style></head><body class="${bodyClass}"><main>${body}</main></body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: html };
}
