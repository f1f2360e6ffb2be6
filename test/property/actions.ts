/**
 * The vocabulary of the whole-sync property: what a user does on either side, when a sync runs,
 * and what goes wrong around it. Actions refer to events by *pick* (an index into what the side
 * currently shows, taken modulo its length when the action runs), so any action list is valid in
 * any state and fast-check can shrink a failing list freely.
 */
export type Side = 'google' | 'outlook';

/**
 * Zones events are scheduled in: IANA for Google; for Outlook events the Windows name, or the
 * IANA one (Graph accepts both); `windows` is the mailbox setting, which must be a Windows name.
 */
export const ZONES = [
  { label: 'Berlin', iana: 'Europe/Berlin', outlook: 'W. Europe Standard Time', windows: 'W. Europe Standard Time' },
  { label: 'NewYork', iana: 'America/New_York', outlook: 'Eastern Standard Time', windows: 'Eastern Standard Time' },
  { label: 'Tokyo', iana: 'Asia/Tokyo', outlook: 'Tokyo Standard Time', windows: 'Tokyo Standard Time' },
  // A half-hour offset, named the IANA way in Outlook events.
  { label: 'Kolkata', iana: 'Asia/Kolkata', outlook: 'Asia/Kolkata', windows: 'India Standard Time' },
  { label: 'UTC', iana: 'UTC', outlook: 'UTC', windows: 'UTC' },
] as const;

export type ZoneIndex = 0 | 1 | 2 | 3 | 4;

/** Days are counted from the case's start date (2026-03-02); minutes are local wall time. */
export type Timing =
  | { readonly kind: 'timed'; readonly day: number; readonly minute: number; readonly duration: number; readonly zone: ZoneIndex }
  | { readonly kind: 'allDay'; readonly day: number; readonly days: number };

export interface Repeat {
  readonly freq: 'daily' | 'weekly';
  readonly count: number;
}

export type EditChange =
  | { readonly field: 'title' | 'location' | 'description' }
  /** Singles move anywhere in the window; a series keeps its days and changes its time of day. */
  | { readonly field: 'move'; readonly day: number; readonly minute: number };

export type OccurrenceChange = { readonly field: 'title' | 'location' } | { readonly field: 'shift'; readonly minutes: number };

/** `timeout`: the service never answers and the adapter's own timeout fires (soak only: it costs real time). */
export type HttpFaultKind = '5xx' | '429' | 'reset' | 'timeout';

export type SyncFault =
  | { readonly kind: 'none' }
  /** Every request to `side` fails this way with `probability` (seeded), for this sync only. */
  | { readonly kind: 'http'; readonly side: Side | 'both'; readonly error: HttpFaultKind; readonly probability: number; readonly status: number; readonly retryAfter: number }
  /** The worker dies at its `at`-th port call (store or provider), before it or after it took effect. */
  | { readonly kind: 'crash'; readonly at: number; readonly after: boolean };

export type Action =
  | { readonly kind: 'create'; readonly side: Side; readonly timing: Timing; readonly repeat: Repeat | null; readonly details: boolean }
  | { readonly kind: 'edit'; readonly side: Side; readonly pick: number; readonly change: EditChange }
  | { readonly kind: 'delete'; readonly side: Side; readonly pick: number }
  /** Several single events at once (a day apart): what makes a later bulk deletion a mass deletion. */
  | { readonly kind: 'createMany'; readonly side: Side; readonly count: number; readonly timing: Timing }
  /** Many deletions before one sync: what the deletion guard pauses for. */
  | { readonly kind: 'deleteMany'; readonly side: Side; readonly count: number }
  | { readonly kind: 'editOccurrence'; readonly side: Side; readonly pick: number; readonly occurrence: number; readonly change: OccurrenceChange }
  | { readonly kind: 'cancelOccurrence'; readonly side: Side; readonly pick: number; readonly occurrence: number }
  | { readonly kind: 'sync'; readonly fault: SyncFault; readonly confirm: boolean }
  /** Time passes (hours): access tokens expire and must be renewed silently. */
  | { readonly kind: 'expireTokens'; readonly hours: number }
  | { readonly kind: 'invalidateCursors'; readonly side: Side | 'both' }
  /** Local state is lost (reinstall, cleared storage). */
  | { readonly kind: 'loseState' };

export interface CaseSpec {
  /** Seeds the fault injectors' probabilistic rules, so a case replays exactly. */
  readonly seed: number;
  readonly googleZone: ZoneIndex;
  readonly outlookZone: ZoneIndex;
  readonly actions: readonly Action[];
}

export function describeAction(action: Action): string {
  switch (action.kind) {
    case 'create':
      return `create on ${action.side}: ${describeTiming(action.timing)}${action.repeat ? ` ${action.repeat.freq}×${action.repeat.count}` : ''}${action.details ? ' +location/description' : ''}`;
    case 'edit':
      return `edit ${action.side}#${action.pick}: ${action.change.field === 'move' ? `move to day ${action.change.day} ${hhmm(action.change.minute)}` : action.change.field}`;
    case 'delete':
      return `delete ${action.side}#${action.pick}`;
    case 'createMany':
      return `create ${action.count} on ${action.side}, a day apart from ${describeTiming(action.timing)}`;
    case 'deleteMany':
      return `delete ${action.count} on ${action.side}`;
    case 'editOccurrence':
      return `edit occurrence ${action.occurrence} of ${action.side}#${action.pick}: ${action.change.field === 'shift' ? `shift ${action.change.minutes} min` : action.change.field}`;
    case 'cancelOccurrence':
      return `cancel occurrence ${action.occurrence} of ${action.side}#${action.pick}`;
    case 'sync':
      return `sync${action.confirm ? ' (confirm deletions if paused)' : ''}${describeFault(action.fault)}`;
    case 'expireTokens':
      return `${action.hours} h pass (tokens expire)`;
    case 'invalidateCursors':
      return `invalidate cursors: ${action.side}`;
    case 'loseState':
      return 'lose local state';
  }
}

export function describeCase(spec: CaseSpec): string {
  const zones = `Google zone ${ZONES[spec.googleZone].label}, Outlook zone ${ZONES[spec.outlookZone].label}`;
  return [`seed ${spec.seed}; ${zones}`, ...spec.actions.map((a, i) => `  ${i + 1}. ${describeAction(a)}`)].join('\n');
}

function describeTiming(timing: Timing): string {
  if (timing.kind === 'allDay') return `all-day day ${timing.day}${timing.days > 1 ? ` for ${timing.days} days` : ''}`;
  return `day ${timing.day} ${hhmm(timing.minute)} +${timing.duration}m ${ZONES[timing.zone].label}`;
}

function describeFault(fault: SyncFault): string {
  switch (fault.kind) {
    case 'none':
      return '';
    case 'http':
      return ` [${fault.error === '5xx' ? fault.status : fault.error} on ${fault.side}, p=${fault.probability}]`;
    case 'crash':
      return ` [worker killed at port call ${fault.at}, ${fault.after ? 'after' : 'before'} it]`;
  }
}

export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
