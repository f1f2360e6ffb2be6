/** Every request a simulator served, for tests, benchmarks and the demo summary. */
export interface LoggedRequest {
  readonly seq: number;
  /** Simulator clock time the request arrived (epoch ms). */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly durationMs: number;
  /** A part of a batch request (the batch itself is logged too). */
  readonly inBatch: boolean;
  /** Label of the injected fault that answered instead of the service, if any. */
  readonly fault?: string;
  /** Account the bearer token belonged to, when the request carried a valid one. */
  readonly account?: string;
}

export type RequestFilter = (entry: LoggedRequest) => boolean;

export class RequestLog {
  private seq = 0;
  private readonly entries: LoggedRequest[] = [];

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    const logged = { ...entry, seq: ++this.seq };
    this.entries.push(logged);
    return logged;
  }

  all(filter?: RequestFilter): readonly LoggedRequest[] {
    return filter ? this.entries.filter(filter) : this.entries;
  }

  /** HTTP requests as a client counts them: batch parts are not separate requests. */
  count(filter: RequestFilter = () => true): number {
    return this.entries.filter((e) => !e.inBatch && filter(e)).length;
  }

  bytes(filter: RequestFilter = () => true): { readonly in: number; readonly out: number } {
    let bytesIn = 0;
    let bytesOut = 0;
    for (const e of this.entries) {
      if (e.inBatch || !filter(e)) continue;
      bytesIn += e.requestBytes;
      bytesOut += e.responseBytes;
    }
    return { in: bytesIn, out: bytesOut };
  }

  /** Marks a point; `since(mark)` returns what came after it. */
  mark(): number {
    return this.seq;
  }

  since(mark: number): readonly LoggedRequest[] {
    return this.entries.filter((e) => e.seq > mark);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
