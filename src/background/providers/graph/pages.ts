/**
 * Paged reads: follow `@odata.nextLink` to the end of a collection (calendar-apis.md §2.1), or of a
 * delta round, whose last page carries `@odata.deltaLink` instead (§2.3). Links are used verbatim
 * and only when they point into the configured API base.
 */
import { MalformedResponseError } from '../../sync/errors.ts';
import { assertPage } from './guards.ts';
import { errorFor } from './http-errors.ts';
import type { GraphTransport } from './transport.ts';

export interface PagedRead {
  readonly path: string;
  readonly what: string;
  readonly pageSize: number;
  readonly signal: AbortSignal;
  readonly onPage?: ((rowsSoFar: number) => void) | undefined;
  /** Validates one row (throws MalformedResponseError); runs inside the request's retries. */
  readonly row?: (row: unknown, index: number) => void;
}

export interface PagedResult {
  readonly rows: unknown[];
  readonly deltaLink: string | undefined;
}

export async function readAllPages(transport: GraphTransport, read: PagedRead): Promise<PagedResult> {
  const rows: unknown[] = [];
  for (let path: string | undefined = read.path; path !== undefined; ) {
    const offset = rows.length;
    const result = await transport.request({ method: 'GET', path, what: read.what, pageSize: read.pageSize }, read.signal, (answer) =>
      checkPage(transport, read, answer.body, offset),
    );
    if (result.status >= 300) throw errorFor(result, read.what, transport.clock.now());
    const page: unknown = result.body;
    assertPage(page, read.what);
    rows.push(...page.value);
    read.onPage?.(rows.length);
    const next = page['@odata.nextLink'] ?? undefined;
    if (next === undefined) return { rows, deltaLink: page['@odata.deltaLink'] ?? undefined };
    path = next;
  }
  return { rows, deltaLink: undefined };
}

function checkPage(transport: GraphTransport, read: PagedRead, body: unknown, offset: number): void {
  assertPage(body, read.what);
  for (const link of [body['@odata.nextLink'], body['@odata.deltaLink']]) {
    if (link && !transport.owns(link)) throw new MalformedResponseError(`Outlook's ${read.what} links outside the configured Graph base URL.`);
  }
  if (read.row) body.value.forEach((row, i) => read.row!(row, offset + i));
}
