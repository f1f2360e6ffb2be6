/**
 * What a mirror should look like, given its source and the pair's choices — and the way back:
 * which mirror edits may flow to the source, undoing what the projection added (title prefix,
 * the "Join:" line carrying a meeting link).
 */
import type { CanonicalEvent, Side, SyncedField } from './model.ts';
import type { PairConfig } from './pair.ts';

/** How one source event is mirrored: which fields it carries, which come back, in which mode. */
export interface MirrorPolicy {
  /** Fields whose mirror value derives from the source. */
  readonly forward: ReadonlySet<SyncedField>;
  /** Mirror edits of these fields flow back to the source. */
  readonly backward: ReadonlySet<SyncedField>;
  /** The source is private and the pair mirrors private events as busy placeholders. */
  readonly placeholder: boolean;
}

const ALWAYS: readonly SyncedField[] = ['title', 'start', 'end', 'endUnspecified', 'recurrence'];

const SERIES_TIMING: ReadonlySet<SyncedField> = new Set(['start', 'end', 'endUnspecified']);

export function mirrorPolicy(pair: PairConfig, source: CanonicalEvent, sourceEditable: boolean): MirrorPolicy {
  const placeholder = pair.privacy === 'busy' || source.privacy === 'private' || source.privacy === 'confidential';
  const optional = new Set<SyncedField>(pair.fields);
  const carried = new Set<SyncedField>(ALWAYS);
  if (placeholder) {
    carried.add('freeBusy');
  } else if (pair.privacy === 'title') {
    carried.add('freeBusy');
  } else {
    for (const field of optional) carried.add(field);
  }
  const twoWay = pair.direction === 'both' && sourceEditable;
  const backward = new Set<SyncedField>();
  if (twoWay) {
    for (const field of carried) {
      // A placeholder's title is ours. A series' rule and timing belong to the side that created it:
      // Outlook discards every exception of a series whose time changes, so a mirror must never
      // cause that on the user's own series.
      if (placeholder && field === 'title') continue;
      if (field === 'recurrence' || (source.recurrence !== null && SERIES_TIMING.has(field))) continue;
      backward.add(field);
    }
  }
  return { forward: carried, backward, placeholder };
}

/** The mirror as it should be for this source. Fields the policy does not carry get neutral values. */
export function projectToMirror(source: CanonicalEvent, pair: PairConfig, policy: MirrorPolicy, target: Side): CanonicalEvent {
  const carries = (field: SyncedField): boolean => policy.forward.has(field);
  const title = policy.placeholder ? pair.busyTitle : `${pair.marking.titlePrefix}${source.title}`;
  const meetingLine = carries('meetingUrl') && source.meetingUrl ? joinLine(source.meetingUrl) : '';
  const description = carries('description') ? appendLine(source.description, meetingLine) : meetingLine;
  const markingColor = target === 'google' ? pair.marking.googleColor : pair.marking.outlookCategory;
  return {
    title,
    description: policy.placeholder ? '' : description,
    location: carries('location') ? source.location : '',
    start: source.start,
    end: source.end,
    endUnspecified: source.endUnspecified,
    freeBusy: carries('freeBusy') ? source.freeBusy : 'busy',
    privacy: carries('privacy') ? source.privacy : policy.placeholder ? 'private' : 'default',
    tentative: carries('freeBusy') ? source.tentative : false,
    reminders: carries('reminders') ? source.reminders : [],
    color: carries('color') ? source.color : markingColor,
    // Conferences are never created on mirrors; the link travels as text in the description.
    meetingUrl: null,
    recurrence: source.recurrence,
  };
}

/** The source value a mirror edit of `field` stands for, or undefined when it cannot flow back. */
export function projectToSource(field: SyncedField, mirror: CanonicalEvent, source: CanonicalEvent, pair: PairConfig, policy: MirrorPolicy): unknown {
  if (!policy.backward.has(field)) return undefined;
  switch (field) {
    case 'title':
      return stripPrefix(mirror.title, pair.marking.titlePrefix);
    case 'description':
      return source.meetingUrl ? removeLine(mirror.description, joinLine(source.meetingUrl)) : mirror.description;
    case 'meetingUrl':
      return undefined;
    default:
      return mirror[field];
  }
}

export function joinLine(url: string): string {
  return `Join: ${url}`;
}

function appendLine(text: string, line: string): string {
  if (!line || text.includes(line)) return text;
  return text ? `${text}\n\n${line}` : line;
}

function removeLine(text: string, line: string): string {
  if (!text.endsWith(line)) return text;
  return text.slice(0, -line.length).replace(/\n+$/, '');
}

function stripPrefix(title: string, prefix: string): string {
  return prefix && title.startsWith(prefix) ? title.slice(prefix.length) : title;
}
