/**
 * Looking links up in a stored summary's text (link-summary.ts) without splitting all of it.
 * Indexing every entry costs far more than a run with a few changed rows needs (a few searches of
 * one string), so such a run searches; past a budget of searches the caller indexes everything
 * instead (LinkIndex), which is then the cheaper way. Answers are cached: each key or id is
 * searched once.
 */
import { entryOfLine, escapeField, seriesOf, type SummaryEntry } from './link-summary.ts';
import type { Side } from './model.ts';

/** The search budget was spent: the caller must index the summary. */
export const UNKNOWN = Symbol('unknown');

/** Searches per run before indexing is cheaper (each costs about a millisecond per 10 MB). */
const BUDGET = 24;

export class SummaryLookup {
  private searches = 0;
  private readonly entries = new Map<string, SummaryEntry | undefined>();
  private readonly ids: Record<Side, Map<string, string | undefined>> = { google: new Map(), outlook: new Map() };
  private readonly members = new Map<string, string[]>();

  /** `text`: the stored lines, each `key \t Google id \t Outlook id \t flags \t series \n`. */
  constructor(private readonly text: string) {}

  entry(key: string): SummaryEntry | undefined | typeof UNKNOWN {
    if (this.entries.has(key)) return this.entries.get(key);
    if (!this.spend()) return UNKNOWN;
    const prefix = `${escapeField(key)}\t`;
    let start: number | undefined;
    if (this.text.startsWith(prefix)) start = 0;
    else {
      const at = this.text.indexOf(`\n${prefix}`);
      if (at !== -1) start = at + 1;
    }
    const found = start === undefined ? undefined : this.lineAt(start)[1];
    this.entries.set(key, found);
    return found;
  }

  keyOf(side: Side, id: string): string | undefined | typeof UNKNOWN {
    const ids = this.ids[side];
    if (ids.has(id)) return ids.get(id);
    if (!this.spend()) return UNKNOWN;
    const field = side === 'google' ? 1 : 2;
    let found: string | undefined;
    for (const at of this.matches(`\t${escapeField(id)}\t`)) {
      if (this.fieldIndex(at) !== field) continue;
      const [key, entry] = this.lineAt(this.text.lastIndexOf('\n', at) + 1);
      this.entries.set(key, entry);
      found = key;
      break;
    }
    ids.set(id, found);
    return found;
  }

  /** Keys of the links whose series is `seriesKey` (its occurrences). */
  membersOf(seriesKey: string): string[] | typeof UNKNOWN {
    const cached = this.members.get(seriesKey);
    if (cached) return cached;
    // Two searches: keys that start with the series key, and entries that name it.
    if (!this.spend() || !this.spend()) return UNKNOWN;
    const escaped = escapeField(seriesKey);
    const starts = [...this.matches(`\n${escaped}|`)].map((at) => at + 1);
    if (this.text.startsWith(`${escaped}|`)) starts.push(0);
    const named = [...this.matches(`\t${escaped}\n`)].filter((at) => this.fieldIndex(at) === 4);
    const keys: string[] = [];
    for (const at of [...starts, ...named.map((at) => this.text.lastIndexOf('\n', at) + 1)]) {
      const [key, entry] = this.lineAt(at);
      this.entries.set(key, entry);
      if (seriesOf(key, entry) === seriesKey && !keys.includes(key)) keys.push(key);
    }
    this.members.set(seriesKey, keys);
    return keys;
  }

  /** Whether `lookups` more searches fit the budget. */
  affords(lookups: number): boolean {
    return this.searches + lookups <= BUDGET;
  }

  private spend(): boolean {
    return ++this.searches <= BUDGET;
  }

  private *matches(pattern: string): Generator<number> {
    for (let at = this.text.indexOf(pattern); at !== -1; at = this.text.indexOf(pattern, at + 1)) yield at;
  }

  /** Which field of its line the tab at `at` begins (the key is field 0). */
  private fieldIndex(at: number): number {
    let count = 0;
    for (let i = this.text.indexOf('\t', this.text.lastIndexOf('\n', at) + 1); i !== -1 && i <= at; i = this.text.indexOf('\t', i + 1)) count++;
    return count;
  }

  private lineAt(start: number): [string, SummaryEntry] {
    return entryOfLine(this.text.slice(start, this.text.indexOf('\n', start)));
  }
}
