/**
 * The baselines' own minimal HTTP code: what a script or a desktop syncer does against the two
 * APIs — read the whole window, one request per write, no batching, no incremental feed. Reads
 * use the largest pages each endpoint allows (Google 2500, Graph calendarView $top=1000), so the
 * baselines are not handicapped by small pages.
 *
 * Items are occurrences as the calendar shows them (Google singleEvents=true, Graph
 * calendarView): scripts built on CalendarApp.getEvents or calendarView mirror each occurrence
 * of a series as a single event.
 */
export type SideName = 'google' | 'outlook';

export interface Item {
  readonly id: string;
  readonly title: string;
  /** Epoch ms for timed events, "YYYY-MM-DD" for all-day ones. */
  readonly start: number | string;
  readonly end: number | string;
  readonly location: string;
  readonly text: string;
  readonly updated: string;
}

export interface Fields {
  readonly title: string;
  readonly start: number | string;
  readonly end: number | string;
  readonly location: string;
  readonly text: string;
}

export interface BaselineClient {
  readonly side: SideName;
  list(): Promise<Item[]>;
  create(fields: Fields): Promise<Item>;
  update(id: string, fields: Fields): Promise<Item>;
  remove(id: string): Promise<void>;
}

export interface ClientConfig {
  readonly baseUrl: string;
  readonly token: string;
  readonly calendarId: string;
  readonly window: { readonly start: string; readonly end: string };
}

async function call(url: string, token: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok && !(method === 'DELETE' && (response.status === 404 || response.status === 410))) {
    throw new Error(`${method} ${url} → ${response.status}: ${text.slice(0, 200)}`);
  }
  return text ? (JSON.parse(text) as unknown) : null;
}

type GTime = { dateTime?: string; date?: string };
type GEvent = { id: string; summary?: string; start: GTime; end: GTime; location?: string; description?: string; updated: string };

export function googleClient(config: ClientConfig): BaselineClient {
  const events = `${config.baseUrl}/calendars/${encodeURIComponent(config.calendarId)}/events`;
  const toItem = (e: GEvent): Item => ({
    id: e.id,
    title: e.summary ?? '',
    start: e.start.date ?? Date.parse(e.start.dateTime ?? ''),
    end: e.end.date ?? Date.parse(e.end.dateTime ?? ''),
    location: e.location ?? '',
    text: e.description ?? '',
    updated: e.updated,
  });
  const time = (t: number | string): GTime => (typeof t === 'string' ? { date: t } : { dateTime: new Date(t).toISOString() });
  const body = (f: Fields) => ({ summary: f.title, location: f.location, description: f.text, start: time(f.start), end: time(f.end) });
  return {
    side: 'google',
    async list() {
      const items: Item[] = [];
      let pageToken: string | undefined;
      do {
        const query = new URLSearchParams({ singleEvents: 'true', timeMin: config.window.start, timeMax: config.window.end, maxResults: '2500', ...(pageToken ? { pageToken } : {}) });
        const page = (await call(`${events}?${query.toString()}`, config.token, 'GET')) as { items: GEvent[]; nextPageToken?: string };
        items.push(...page.items.map(toItem));
        pageToken = page.nextPageToken;
      } while (pageToken);
      return items;
    },
    create: async (f) => toItem((await call(`${events}?sendUpdates=none`, config.token, 'POST', body(f))) as GEvent),
    update: async (id, f) => toItem((await call(`${events}/${encodeURIComponent(id)}?sendUpdates=none`, config.token, 'PATCH', body(f))) as GEvent),
    remove: async (id) => void (await call(`${events}/${encodeURIComponent(id)}?sendUpdates=none`, config.token, 'DELETE')),
  };
}

type OTime = { dateTime: string; timeZone: string };
type OEvent = { id: string; subject?: string; start: OTime; end: OTime; isAllDay?: boolean; location?: { displayName?: string }; body?: { content?: string }; lastModifiedDateTime: string };
const PREFER = { Prefer: 'outlook.timezone="UTC", IdType="ImmutableId"' };

export function graphClient(config: ClientConfig): BaselineClient {
  const toItem = (e: OEvent): Item => {
    const at = (t: OTime): number | string => (e.isAllDay ? t.dateTime.slice(0, 10) : Date.parse(`${t.dateTime.replace(/Z$/, '')}Z`));
    return { id: e.id, title: e.subject ?? '', start: at(e.start), end: at(e.end), location: e.location?.displayName ?? '', text: e.body?.content ?? '', updated: e.lastModifiedDateTime };
  };
  const time = (t: number | string): OTime => ({ dateTime: typeof t === 'string' ? `${t}T00:00:00` : new Date(t).toISOString().slice(0, 19), timeZone: 'UTC' });
  const body = (f: Fields) => ({
    subject: f.title,
    location: { displayName: f.location },
    body: { contentType: 'text', content: f.text },
    isAllDay: typeof f.start === 'string',
    start: time(f.start),
    end: time(f.end),
  });
  const event = (id: string): string => `${config.baseUrl}/me/events/${encodeURIComponent(id)}`;
  return {
    side: 'outlook',
    async list() {
      const items: Item[] = [];
      const query = new URLSearchParams({ startDateTime: config.window.start, endDateTime: config.window.end, $top: '1000' });
      let url: string | undefined = `${config.baseUrl}/me/calendars/${encodeURIComponent(config.calendarId)}/calendarView?${query.toString()}`;
      while (url) {
        const page = (await call(url, config.token, 'GET', undefined, PREFER)) as { value: OEvent[]; '@odata.nextLink'?: string };
        items.push(...page.value.map(toItem));
        url = page['@odata.nextLink'];
      }
      return items;
    },
    create: async (f) => toItem((await call(`${config.baseUrl}/me/calendars/${encodeURIComponent(config.calendarId)}/events`, config.token, 'POST', body(f), PREFER)) as OEvent),
    update: async (id, f) => toItem((await call(event(id), config.token, 'PATCH', body(f), PREFER)) as OEvent),
    remove: async (id) => void (await call(event(id), config.token, 'DELETE', undefined, PREFER)),
  };
}
