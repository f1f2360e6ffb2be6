/**
 * Levelled logger. Levels that are off are `undefined`, so call sites write `log.debug?.(…)` and
 * pay nothing when debugging is off. The only module allowed to touch `console`.
 *
 * Never pass tokens or event bodies: logs may end up in a diagnostics download.
 */
export type LogFn = (message: string, details?: Readonly<Record<string, unknown>>) => void;

export interface Logger {
  readonly error?: LogFn;
  readonly warn?: LogFn;
  readonly info?: LogFn;
  readonly debug?: LogFn;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'silent';

const ORDER: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

export function createConsoleLogger(prefix: string, level: LogLevel): Logger {
  const enabled = (l: LogLevel): boolean => level !== 'silent' && ORDER.indexOf(l) <= ORDER.indexOf(level);
  const make = (l: Exclude<LogLevel, 'silent'>): LogFn | undefined => {
    if (!enabled(l)) return undefined;
    return (message, details) => {
      console[l](`[${prefix}] ${message}`, ...(details ? [details] : []));
    };
  };
  return { error: make('error'), warn: make('warn'), info: make('info'), debug: make('debug') } as Logger;
}

export const silentLogger: Logger = {};
