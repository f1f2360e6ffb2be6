/** Requests and answers as the adapter's HTTP layer (http.ts) and batch codec (batch.ts) see them. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the API base, e.g. `/calendars/primary/events`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Names the call in errors and logs, e.g. `events.patch`. */
  readonly what: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export function isOk(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
