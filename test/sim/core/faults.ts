/**
 * Fault injection shared by every simulator. A rule matches requests (method, path, batch part or
 * not) and fires a bounded number of times, or with a probability from a seeded generator so soak
 * runs are reproducible. Status faults are rendered in each service's own error format by the
 * simulator that owns the server.
 */
export type FaultAction =
  /** Answer with this status instead of serving the request (e.g. 429 with Retry-After, 503). */
  | { readonly kind: 'status'; readonly status: number; readonly reason?: string; readonly message?: string; readonly retryAfterSeconds?: number }
  /** Wait, then serve the request normally. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Close the connection without answering (a network error for the client). */
  | { readonly kind: 'reset' }
  /** Never answer; the client's own timeout has to fire. The socket is closed when the server stops. */
  | { readonly kind: 'hang' }
  /** Answer 200 with a body that is not what the API promises. */
  | { readonly kind: 'malformed'; readonly body?: string };

export interface FaultMatch {
  readonly method?: string;
  /** A RegExp tested against the path, or a string the path must start with. */
  readonly path?: RegExp | string;
  /** Restrict to batch parts (true) or to whole HTTP requests (false); both when absent. */
  readonly inBatch?: boolean;
}

export interface FaultRule {
  readonly match?: FaultMatch;
  readonly action: FaultAction;
  /** How many requests the rule hits before it is spent (default 1; Infinity = until cleared). */
  readonly times?: number;
  /** Fire only with this probability per matching request (seeded; default 1). */
  readonly probability?: number;
  /** Free text for logs and reports. */
  readonly label?: string;
}

export interface FiredFault {
  readonly action: FaultAction;
  readonly label: string;
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: () => number;
  /** Faults that fired, in order (for reports and assertions). */
  readonly fired: FiredFault[] = [];

  constructor(seed = 1) {
    this.random = mulberry32(seed);
  }

  /** Adds a rule; returns a function that removes it. */
  inject(rule: FaultRule): () => void {
    const active: ActiveRule = { rule, remaining: rule.times ?? 1 };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter((r) => r !== active);
    };
  }

  clear(): void {
    this.rules = [];
  }

  reseed(seed: number): void {
    this.random = mulberry32(seed);
  }

  get pending(): number {
    return this.rules.length;
  }

  /** Consumes and returns the first rule that applies to this request, if any. */
  take(method: string, path: string, inBatch: boolean): FaultAction | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (!matches(rule.match, method, path, inBatch)) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      active.remaining -= 1;
      if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
      this.fired.push({ action: rule.action, label: rule.label ?? describe(rule.action) });
      return rule.action;
    }
    return undefined;
  }
}

function matches(match: FaultMatch | undefined, method: string, path: string, inBatch: boolean): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.inBatch !== undefined && match.inBatch !== inBatch) return false;
  if (match.path instanceof RegExp) return match.path.test(path);
  if (typeof match.path === 'string') return path.startsWith(match.path);
  return true;
}

function describe(action: FaultAction): string {
  switch (action.kind) {
    case 'status':
      return `${action.status}${action.reason ? ` ${action.reason}` : ''}`;
    case 'delay':
      return `delay ${action.ms}ms`;
    case 'reset':
    case 'hang':
    case 'malformed':
      return action.kind;
  }
}

/** Small, fast, seedable PRNG (public-domain mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
