import type { ConflictView } from '../shared/messaging/types.ts';
import { dateTime, relativeTime } from '../shared/ui/format.ts';
import { t, type MessageKey } from '../shared/ui/i18n.ts';

export const SHOWN = 5;

const FIELDS: Readonly<Record<string, MessageKey>> = {
  title: 'fieldTitle',
  description: 'fieldDescription',
  location: 'fieldLocation',
  start: 'fieldStart',
  end: 'fieldEnd',
  endUnspecified: 'fieldEnd',
  freeBusy: 'fieldFreeBusy',
  privacy: 'fieldPrivacy',
  tentative: 'fieldTentative',
  reminders: 'fieldReminders',
  color: 'fieldColor',
  meetingUrl: 'fieldMeetingUrl',
  recurrence: 'fieldRecurrence',
};

export const sideName = (side: 'google' | 'outlook'): string => (side === 'google' ? t('sideGoogle') : t('sideOutlook'));

export function When({ at, now }: { readonly at: number; readonly now: number }) {
  return (
    <time class="muted" dateTime={new Date(at).toISOString()} title={dateTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}

/** Conflicts the merge resolved: both sides changed a field; the later change won. */
export function ConflictList({ conflicts, now }: { readonly conflicts: readonly ConflictView[]; readonly now: number }) {
  if (conflicts.length === 0) return null;
  return (
    <section class="activity" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflictsTitle')}</h2>
      <ul>
        {conflicts.slice(0, SHOWN).map((c, index) => {
          const field = FIELDS[c.field] ? t(FIELDS[c.field]!) : c.field;
          const loser = c.winner === 'google' ? 'outlook' : 'google';
          return (
            <li key={index} class="small">
              <div class="row">
                <strong class="title spacer">{c.title || t('untitledEvent')}</strong>
                <When at={c.at} now={now} />
              </div>
              <p>{t('conflictKept', field, sideName(c.winner))}</p>
              <p class="muted">
                {t('conflictLost', sideName(loser))} <q class="losing">{c.losingValue}</q>
              </p>
            </li>
          );
        })}
      </ul>
      {conflicts.length > SHOWN && <p class="muted small">{t('olderNotShown', conflicts.length - SHOWN)}</p>}
    </section>
  );
}
