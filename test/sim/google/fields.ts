/**
 * Partial responses (`fields=items(id,etag,status),nextPageToken,nextSyncToken`), the standard
 * Google API parameter clients use to cut response size: a comma-separated selection where
 * `a/b` walks into objects, `a(b,c)` selects several sub-fields, and `*` keeps everything.
 * Arrays apply the selection to each element. A malformed selection is 400 invalid.
 */
import { invalidParam } from './errors.ts';

type Selection = Map<string, Selection | true>;

export function applyFields(body: unknown, fields: string): unknown {
  return select(body, parseSelection(fields));
}

function select(value: unknown, selection: Selection | true): unknown {
  if (selection === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => select(v, selection));
  if (selection.has('*')) return value;
  // The resource's own field order, as Google keeps it.
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const sub = selection.get(key);
    if (sub !== undefined) out[key] = select(child, sub);
  }
  return out;
}

function parseSelection(text: string): Selection {
  const parser = { text, pos: 0 };
  const selection = parseList(parser);
  if (parser.pos !== text.length) throw badFields();
  return selection;
}

function parseList(p: { text: string; pos: number }): Selection {
  const selection: Selection = new Map();
  for (;;) {
    const path = parsePath(p);
    let sub: Selection | true = true;
    if (p.text[p.pos] === '(') {
      p.pos++;
      sub = parseList(p);
      if (p.text[p.pos] !== ')') throw badFields();
      p.pos++;
    }
    merge(selection, path, sub);
    if (p.text[p.pos] !== ',') return selection;
    p.pos++;
  }
}

function parsePath(p: { text: string; pos: number }): string[] {
  const m = /^[A-Za-z0-9_*@.-]+(?:\/[A-Za-z0-9_*@.-]+)*/.exec(p.text.slice(p.pos));
  if (!m) throw badFields();
  p.pos += m[0].length;
  return m[0].split('/');
}

/** Adds `path` (with its sub-selection) to a selection, joining paths that share a prefix. */
function merge(selection: Selection, path: readonly string[], sub: Selection | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const existing = selection.get(head);
  if (rest.length === 0) {
    if (existing === true || sub === true) selection.set(head, true);
    else selection.set(head, existing ? joinSelections(existing, sub) : sub);
    return;
  }
  if (existing === true) return;
  const next: Selection = existing ?? new Map<string, Selection | true>();
  selection.set(head, next);
  merge(next, rest, sub);
}

function joinSelections(a: Selection, b: Selection): Selection {
  const joined: Selection = new Map<string, Selection | true>(a);
  for (const [key, sub] of b) merge(joined, [key], sub);
  return joined;
}

function badFields() {
  return invalidParam('fields', 'Invalid field selection');
}
