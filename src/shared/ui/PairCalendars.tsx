import type { Provider } from '../messaging/types.ts';
import type { Direction, PairConfig } from '../pair.ts';
import type { CalendarIndex } from './calendar-cache.ts';
import { CalendarName } from './CalendarName.tsx';
import { t, type MessageKey } from './i18n.ts';

const ARROWS: Readonly<Record<Direction, string>> = { both: '⇄', 'google-to-outlook': '→', 'outlook-to-google': '←' };
export const DIRECTION_LABELS: Readonly<Record<Direction, MessageKey>> = {
  both: 'directionBoth',
  'google-to-outlook': 'directionGoogleToOutlook',
  'outlook-to-google': 'directionOutlookToGoogle',
};

export interface PairCalendarsProps {
  readonly pair: PairConfig;
  readonly calendars: Readonly<Record<Provider, CalendarIndex>>;
  readonly showAccess?: boolean;
}

/** "● Personal ⇄ ● Calendar": the Google calendar, the direction, the Outlook calendar. */
export function PairCalendars({ pair, calendars, showAccess = false }: PairCalendarsProps) {
  const direction = t(DIRECTION_LABELS[pair.direction]);
  return (
    <span class="pair-calendars">
      <CalendarName calendar={calendars.google[pair.googleCalendarId]} fallback={pair.googleCalendarId} showAccess={showAccess} />
      <span class="direction" role="img" aria-label={direction} title={direction}>
        {ARROWS[pair.direction]}
      </span>
      <CalendarName calendar={calendars.microsoft[pair.outlookCalendarId]} fallback={t('outlookCalendarFallback')} showAccess={showAccess} />
    </span>
  );
}

/** The pair as plain text, for headings and labels: "Personal ⇄ Calendar". */
export function pairLabel(pair: PairConfig, calendars: Readonly<Record<Provider, CalendarIndex>>): string {
  const google = calendars.google[pair.googleCalendarId]?.name ?? pair.googleCalendarId;
  const outlook = calendars.microsoft[pair.outlookCalendarId]?.name ?? t('outlookCalendarFallback');
  return `${google} ${ARROWS[pair.direction]} ${outlook}`;
}
