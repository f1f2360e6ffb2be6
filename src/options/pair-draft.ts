/**
 * The pair editor's working copy: text as typed, turned into a PairConfig only when every field is
 * valid. Pure, so the rules — read-only calendars are sources only, no pair twice — are tested
 * without a page.
 */
import type { CalendarSummary } from '../shared/messaging/types.ts';
import { DEFAULT_PAIR, type Direction, type OptionalField, type PairConfig, type PairFilters, type PrivacyMode } from '../shared/pair.ts';
import { pairProblems } from '../shared/pair-validation.ts';
import { t } from '../shared/ui/i18n.ts';
import { lengthProblem, regexProblem, windowDaysProblem } from './validation.ts';

export interface PairDraft {
  readonly id: string;
  readonly isNew: boolean;
  readonly googleCalendarId: string;
  readonly outlookCalendarId: string;
  readonly direction: Direction;
  readonly pastDays: string;
  readonly futureDays: string;
  readonly privacy: PrivacyMode;
  readonly busyTitle: string;
  readonly fields: readonly OptionalField[];
  readonly filters: Omit<PairFilters, 'titleExclude'> & { readonly titleExclude: string };
  readonly titlePrefix: string;
  readonly outlookCategory: string;
  readonly googleColor: string;
}

export type DraftField = 'googleCalendarId' | 'outlookCalendarId' | 'direction' | 'pastDays' | 'futureDays' | 'busyTitle' | 'titleExclude' | 'titlePrefix' | 'outlookCategory';
export type DraftProblems = Partial<Record<DraftField, string>>;

export interface SideCalendars {
  readonly google: readonly CalendarSummary[];
  readonly outlook: readonly CalendarSummary[];
}

export function draftFromPair(pair: PairConfig): PairDraft {
  return {
    id: pair.id,
    isNew: false,
    googleCalendarId: pair.googleCalendarId,
    outlookCalendarId: pair.outlookCalendarId,
    direction: pair.direction,
    pastDays: String(pair.pastDays),
    futureDays: String(pair.futureDays),
    privacy: pair.privacy,
    busyTitle: pair.busyTitle,
    fields: pair.fields,
    filters: { ...pair.filters, titleExclude: pair.filters.titleExclude ?? '' },
    titlePrefix: pair.marking.titlePrefix,
    outlookCategory: pair.marking.outlookCategory ?? '',
    googleColor: pair.marking.googleColor ?? '',
  };
}

/** A new pair with the defaults, preselecting each side's primary (writable) calendar. */
export function newDraft(id: string, calendars: SideCalendars): PairDraft {
  const pick = (list: readonly CalendarSummary[]): string => (list.find((c) => c.primary && !c.readOnly) ?? list.find((c) => !c.readOnly))?.id ?? '';
  const draft = draftFromPair({ ...DEFAULT_PAIR, id, googleCalendarId: pick(calendars.google), outlookCalendarId: pick(calendars.outlook) });
  return { ...draft, isNew: true };
}

/** The directions the calendars allow: a read-only calendar can only be a source. */
export function allowedDirections(draft: Pick<PairDraft, 'googleCalendarId' | 'outlookCalendarId'>, calendars: SideCalendars): readonly Direction[] {
  const googleReadOnly = calendars.google.find((c) => c.id === draft.googleCalendarId)?.readOnly ?? false;
  const outlookReadOnly = calendars.outlook.find((c) => c.id === draft.outlookCalendarId)?.readOnly ?? false;
  if (googleReadOnly && outlookReadOnly) return [];
  if (googleReadOnly) return ['google-to-outlook'];
  if (outlookReadOnly) return ['outlook-to-google'];
  return ['both', 'google-to-outlook', 'outlook-to-google'];
}

/** After a calendar changed: if the direction is no longer possible, take the one that is. */
export function withCalendar(draft: PairDraft, patch: Partial<Pick<PairDraft, 'googleCalendarId' | 'outlookCalendarId'>>, calendars: SideCalendars): PairDraft {
  const next = { ...draft, ...patch };
  const allowed = allowedDirections(next, calendars);
  return allowed.length === 1 && !allowed.includes(next.direction) ? { ...next, direction: allowed[0]! } : next;
}

export function draftProblems(draft: PairDraft, calendars: SideCalendars, others: readonly PairConfig[]): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.googleCalendarId) problems.googleCalendarId = t('errorPickGoogleCalendar');
  if (!draft.outlookCalendarId) problems.outlookCalendarId = t('errorPickOutlookCalendar');
  const allowed = allowedDirections(draft, calendars);
  if (draft.googleCalendarId && draft.outlookCalendarId) {
    if (allowed.length === 0) problems.direction = t('errorBothReadOnly');
    else if (!allowed.includes(draft.direction)) problems.direction = allowed[0] === 'google-to-outlook' ? t('errorGoogleReadOnly') : t('errorOutlookReadOnly');
    if (others.some((p) => p.id !== draft.id && p.googleCalendarId === draft.googleCalendarId && p.outlookCalendarId === draft.outlookCalendarId)) {
      problems.outlookCalendarId = t('errorAlreadyPaired');
    }
  }
  const checks: [DraftField, string | null][] = [
    ['pastDays', windowDaysProblem(draft.pastDays)],
    ['futureDays', windowDaysProblem(draft.futureDays)],
    ['busyTitle', draft.privacy === 'busy' && draft.busyTitle.trim() === '' ? t('errorBusyTitle') : lengthProblem(draft.busyTitle, 255)],
    ['titleExclude', regexProblem(draft.filters.titleExclude)],
    ['titlePrefix', lengthProblem(draft.titlePrefix, 40)],
    ['outlookCategory', lengthProblem(draft.outlookCategory.trim(), 255)],
  ];
  for (const [field, problem] of checks) if (problem) problems[field] = problem;
  return problems;
}

/** The pair the draft describes, or the problems that stop it from being saved. */
export function pairFromDraft(draft: PairDraft, calendars: SideCalendars, others: readonly PairConfig[]): { readonly pair: PairConfig } | { readonly problems: DraftProblems } {
  const problems = draftProblems(draft, calendars, others);
  if (Object.keys(problems).length > 0) return { problems };
  const pair: PairConfig = {
    id: draft.id,
    googleCalendarId: draft.googleCalendarId,
    outlookCalendarId: draft.outlookCalendarId,
    direction: draft.direction,
    pastDays: Number(draft.pastDays.trim()),
    futureDays: Number(draft.futureDays.trim()),
    privacy: draft.privacy,
    busyTitle: draft.busyTitle.trim(),
    fields: draft.fields,
    filters: { ...draft.filters, titleExclude: draft.filters.titleExclude === '' ? null : draft.filters.titleExclude },
    marking: {
      titlePrefix: draft.titlePrefix,
      outlookCategory: draft.outlookCategory.trim() === '' ? null : draft.outlookCategory.trim(),
      googleColor: draft.googleColor === '' ? null : draft.googleColor,
    },
  };
  // The background's own check, so a mistake here can never produce a pair it would refuse.
  const remaining = pairProblems(pair);
  return remaining.length === 0 ? { pair } : { problems: { direction: remaining.join('; ') } };
}
