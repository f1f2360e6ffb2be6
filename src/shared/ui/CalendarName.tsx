import type { CalendarSummary } from '../messaging/types.ts';
import { safeColor } from './format.ts';
import { t } from './i18n.ts';

export interface CalendarNameProps {
  readonly calendar: CalendarSummary | undefined;
  /** Shown while the calendar's name is unknown (not listed yet, or the account is signed out). */
  readonly fallback: string;
  /** Adds the "read-only" tag for calendars that can only be a source. */
  readonly showAccess?: boolean;
}

/** A calendar's colour dot and name (as text: names come from the services). */
export function CalendarName({ calendar, fallback, showAccess = false }: CalendarNameProps) {
  const color = safeColor(calendar?.color);
  return (
    <span class="calendar">
      <span class="swatch" aria-hidden="true" style={color ? { background: color } : undefined} />
      <span class="name" title={calendar?.name ?? fallback}>
        {calendar?.name ?? fallback}
      </span>
      {showAccess && calendar?.readOnly && <span class="tag warn">{t('calendarReadOnly')}</span>}
    </span>
  );
}
