/**
 * The recent log for "download diagnostics": a ring buffer in the worker's memory, redacted as
 * entries arrive — no token, no authorization header, no event text (titles come from whoever
 * sent an invitation and are nobody else's business).
 */
import type { Logger, LogLevel } from '../../shared/logger.ts';

export interface LogEntry {
  readonly at: string;
  readonly level: Exclude<LogLevel, 'silent'>;
  readonly message: string;
  readonly data?: unknown;
}

const SECRET_KEY = /token|authorization|secret|password|code_verifier|assertion|cookie/i;
const TEXT_KEY = /^(title|summary|subject|description|body|location|attendees|losingValue|displayName)$/i;
/** JWTs, bearer values and long opaque strings that may be tokens. */
const SECRET_VALUE = /(eyJ[\w-]+\.[\w-]+\.[\w-]*)|(Bearer\s+\S+)|([A-Za-z0-9+/_-]{80,}={0,2})/g;

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(SECRET_VALUE, '[redacted]');
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : TEXT_KEY.test(key) ? '[text]' : redact(field, depth + 1);
  }
  return out;
}

export class DiagnosticsLog {
  private readonly entries: LogEntry[] = [];

  constructor(
    private readonly capacity = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** A logger that records into this buffer and passes everything on to `inner`. */
  wrap(inner: Logger): Logger {
    const make = (level: LogEntry['level']) => (message: string, data?: Readonly<Record<string, unknown>>) => {
      this.record(level, message, data);
      inner[level]?.(message, data);
    };
    // Debug output stays off the buffer (and costs nothing when the console level hides it).
    return { error: make('error'), warn: make('warn'), info: make('info'), ...(inner.debug ? { debug: inner.debug } : {}) };
  }

  record(level: LogEntry['level'], message: string, data?: unknown): void {
    const entry: LogEntry = { at: new Date(this.now()).toISOString(), level, message: redact(message) as string, ...(data === undefined ? {} : { data: redact(data) }) };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** One JSON object per line, oldest first. */
  export(header: Record<string, unknown>): string {
    return [JSON.stringify(redact(header)), ...this.entries.map((entry) => JSON.stringify(entry))].join('\n');
  }
}
