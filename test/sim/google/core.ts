/**
 * State shared by the Google simulator's modules: directory (users, calendars, events), clock,
 * tunable behaviour, counters, the notification and write records, and the secret that signs
 * page and sync tokens.
 */
import { randomBytes } from 'node:crypto';
import type { SimClock } from '../core/clock.ts';
import { mulberry32 } from '../core/faults.ts';
import type { CalendarRecord } from './directory.ts';
import { Directory } from './directory.ts';
import type { StoredEvent } from './model.ts';
import type { Notification, WriteRecord } from './notifications.ts';
import { isOccurrence, parseInstanceId, spanStart, virtualInstance } from './series.ts';

const DAY_MS = 86_400_000;

export interface GoogleSettings {
  /** A sync token not used for this long is refused with 410 (Google: "token expiration"). */
  syncTokenLifetimeMs: number;
  /** Deleted events are purged this long after deletion; older tokens then get 410. */
  deletedEventTtlMs: number;
  /** Series without an end expand this far past now (or past their start, if later). */
  expansionHorizonMs: number;
  /** Safety cap on instances expanded per series per request. */
  maxInstancesPerSeries: number;
  /** Probability that a listing page comes back shorter than maxResults (seeded, reproducible). */
  shortPageProbability: number;
  /** Probability that a page with more to come is empty but carries nextPageToken. */
  emptyPageProbability: number;
}

export const DEFAULT_SETTINGS: GoogleSettings = {
  syncTokenLifetimeMs: 30 * DAY_MS,
  deletedEventTtlMs: 30 * DAY_MS,
  expansionHorizonMs: 730 * DAY_MS,
  maxInstancesPerSeries: 2500,
  shortPageProbability: 0,
  emptyPageProbability: 0,
};

export interface GoogleCounters {
  /** Guest emails the API caused (one per recipient). */
  invitationsSent: number;
  /** Writes made through the API (insert, import, patch, update, delete, including batch parts). */
  writes: number;
  /** Changes made in-process "as the user in the web app". */
  userWrites: number;
  /** events.list pages served without / with a syncToken. */
  fullSyncPages: number;
  incrementalSyncPages: number;
  /** 410 fullSyncRequired answers. */
  syncTokensRejected: number;
  /** 412 conditionNotMet answers. */
  preconditionFailures: number;
  /** Batch requests and the parts they carried. */
  batches: number;
  batchParts: number;
  /** Meet conferences created by writes (conferenceDataVersion=1 + createRequest). */
  conferencesCreated: number;
}

function emptyCounters(): GoogleCounters {
  return {
    invitationsSent: 0, writes: 0, userWrites: 0, fullSyncPages: 0, incrementalSyncPages: 0, syncTokensRejected: 0,
    preconditionFailures: 0, batches: 0, batchParts: 0, conferencesCreated: 0,
  };
}

export class GoogleCore {
  readonly directory: Directory;
  readonly counters = emptyCounters();
  readonly notifications: Notification[] = [];
  readonly writeRecords: WriteRecord[] = [];
  /** Signs page and sync tokens so clients cannot forge or edit them. */
  readonly tokenSecret = randomBytes(32);
  readonly random = mulberry32(20_260_101);

  constructor(
    readonly clock: SimClock,
    readonly settings: GoogleSettings,
  ) {
    this.directory = new Directory(() => clock.now());
  }

  now(): number {
    return this.clock.now();
  }

  /** Where an open-ended series stops expanding: the horizon past now, or past the series start if later. */
  horizonEnd(master: StoredEvent): number {
    const start = spanStart(master.span, master.rule?.zone ?? 'UTC');
    return Math.max(this.now(), start) + this.settings.expansionHorizonMs;
  }

  /** Purges long-deleted events of a calendar (done lazily before every read of it). */
  purge(calendar: CalendarRecord): void {
    calendar.store.purge(this.now(), this.settings.deletedEventTtlMs);
  }

  /** A stored event, or an unmodified instance of a stored series. */
  findEvent(calendar: CalendarRecord, id: string): StoredEvent | undefined {
    const stored = calendar.store.get(id);
    if (stored) return stored;
    const parsed = parseInstanceId(id);
    const master = parsed && calendar.store.get(parsed.masterId);
    if (!parsed || !master?.rule || !isOccurrence(master.rule, parsed.original)) return undefined;
    return virtualInstance(master, parsed.original);
  }
}
