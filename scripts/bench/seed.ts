/**
 * Puts a generated calendar into the simulators "as the user" (in process, not logged as API
 * requests): Google events with RRULEs and instance patches/deletions, Outlook events with
 * patterned recurrence and occurrence updates/deletions.
 */
import { type Temporal } from 'temporal-polyfill';
import type { Simulators } from '../../test/sim/index.ts';
import { localStart, occurrenceStart, type ItemSpec } from './mix.ts';

export interface Account {
  readonly googleUser: string;
  readonly googleCalendar: string;
  readonly msUser: string;
  readonly outlookCalendar: string;
}

export function addAccount(sims: Simulators, tag: string): Account {
  const googleUser = `bench-${tag}@example.com`;
  const msUser = `bench-${tag}@contoso.com`;
  sims.google.addUser(googleUser, { name: 'Bench', timeZone: 'Europe/Berlin' });
  const { defaultCalendarId } = sims.graph.addMailbox(msUser, { displayName: 'Bench', timeZone: 'W. Europe Standard Time' });
  return { googleUser, googleCalendar: googleUser, msUser, outlookCalendar: defaultCalendarId };
}

/** Creates the items on Google; returns their ids, in item order. */
export function seedGoogle(sims: Simulators, account: Account, items: readonly ItemSpec[]): string[] {
  const { googleUser: user, googleCalendar: calendar } = account;
  return items.map((item) => {
    const created = sims.google.userCreateEvent(user, calendar, googleBody(item));
    const series = item.series;
    if (!created.id) throw new Error(`Google kept no id for ${item.title}`);
    if (!series) return created.id;
    if (series.moved !== null) {
      const original = occurrenceStart(item, series.moved);
      sims.google.userPatchEvent(user, calendar, `${created.id}_${stamp(original)}`, googleTimes(item, original.add({ hours: 1 })));
    }
    if (series.cancelled !== null) sims.google.userDeleteEvent(user, calendar, `${created.id}_${stamp(occurrenceStart(item, series.cancelled))}`);
    return created.id;
  });
}

/** Creates the items in Outlook; returns their ids, in item order. */
export function seedOutlook(sims: Simulators, account: Account, items: readonly ItemSpec[]): string[] {
  return items.map((item) => {
    const created = sims.graph.userCreateEvent(account.msUser, account.outlookCalendar, outlookBody(item));
    const series = item.series;
    if (!created.id) throw new Error(`Outlook kept no id for ${item.title}`);
    if (!series) return created.id;
    if (series.moved !== null) {
      const original = occurrenceStart(item, series.moved);
      sims.graph.userUpdateOccurrence(created.id, original.toString(), outlookTimes(item, original.add({ hours: 1 })));
    }
    if (series.cancelled !== null) sims.graph.userDeleteOccurrence(created.id, occurrenceStart(item, series.cancelled).toString());
    return created.id;
  });
}

function googleBody(item: ItemSpec): Record<string, unknown> {
  const series = item.series;
  const rule = series ? [`RRULE:FREQ=${series.freq}${series.count === null ? '' : `;COUNT=${series.count}`}`] : undefined;
  return {
    summary: item.title,
    ...(item.location ? { location: item.location } : {}),
    ...(item.description ? { description: item.description } : {}),
    ...(item.time === null
      ? { start: { date: item.date.toString() }, end: { date: item.date.add({ days: item.length }).toString() } }
      : googleTimes(item, localStart(item))),
    ...(rule ? { recurrence: rule } : {}),
  };
}

export function googleTimes(item: ItemSpec, start: Temporal.Instant): Record<string, unknown> {
  const local = (at: Temporal.Instant): string => at.toZonedDateTimeISO(item.zone.iana).toPlainDateTime().toString({ smallestUnit: 'second' });
  return { start: { dateTime: local(start), timeZone: item.zone.iana }, end: { dateTime: local(start.add({ minutes: item.length })), timeZone: item.zone.iana } };
}

function outlookBody(item: ItemSpec): Record<string, unknown> {
  const series = item.series;
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const recurrence = series && {
    pattern: series.freq === 'DAILY'
      ? { type: 'daily', interval: 1 }
      : { type: 'weekly', interval: 1, daysOfWeek: [days[item.date.dayOfWeek - 1]], firstDayOfWeek: 'sunday' },
    range: series.count === null
      ? { type: 'noEnd', startDate: item.date.toString() }
      : { type: 'numbered', startDate: item.date.toString(), numberOfOccurrences: series.count },
  };
  return {
    subject: item.title,
    ...(item.location ? { location: { displayName: item.location } } : {}),
    ...(item.description ? { body: { contentType: 'text', content: item.description } } : {}),
    ...(item.time === null
      ? {
          isAllDay: true,
          start: { dateTime: `${item.date.toString()}T00:00:00`, timeZone: item.zone.windows },
          end: { dateTime: `${item.date.add({ days: item.length }).toString()}T00:00:00`, timeZone: item.zone.windows },
        }
      : outlookTimes(item, localStart(item))),
    ...(recurrence ? { recurrence } : {}),
  };
}

export function outlookTimes(item: ItemSpec, start: Temporal.Instant): Record<string, unknown> {
  const local = (at: Temporal.Instant): string => at.toZonedDateTimeISO(item.zone.iana).toPlainDateTime().toString({ smallestUnit: 'second' });
  return { start: { dateTime: local(start), timeZone: item.zone.windows }, end: { dateTime: local(start.add({ minutes: item.length })), timeZone: item.zone.windows } };
}

/** Google's instance-id suffix: the original start in UTC, basic format. */
function stamp(instant: Temporal.Instant): string {
  return instant.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '');
}
