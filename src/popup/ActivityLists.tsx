import type { ConflictView, DeletionView } from '../shared/messaging/types.ts';
import { dateTime, eventStart, relativeTime } from '../shared/ui/format.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t, type MessageKey } from '../shared/ui/i18n.ts';
import type { PopupActions } from './model.ts';

const SHOWN = 5;

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

const sideName = (side: 'google' | 'outlook'): string => (side === 'google' ? t('sideGoogle') : t('sideOutlook'));

function When({ at, now }: { readonly at: number; readonly now: number }) {
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

/** Deletions the sync made (a source event was deleted, so its copy was too), with undo. */
export function DeletionList({ deletions, now, onUndo }: { readonly deletions: readonly DeletionView[]; readonly now: number; readonly onUndo: PopupActions['undo'] }) {
  if (deletions.length === 0) return null;
  return (
    <section class="activity" aria-labelledby="deletions-title">
      <h2 id="deletions-title">{t('deletionsTitle')}</h2>
      <ul>
        {deletions.slice(0, SHOWN).map((d) => (
          <DeletionItem key={d.id} deletion={d} now={now} onUndo={onUndo} />
        ))}
      </ul>
      {deletions.length > SHOWN && <p class="muted small">{t('olderNotShown', deletions.length - SHOWN)}</p>}
    </section>
  );
}

function DeletionItem({ deletion, now, onUndo }: { readonly deletion: DeletionView; readonly now: number; readonly onUndo: PopupActions['undo'] }) {
  const undo = useAction(() => onUndo(deletion.pairId, deletion.id));
  const title = deletion.title || t('untitledEvent');
  return (
    <li class="small" data-testid={`deletion-${deletion.id}`}>
      <div class="row">
        <strong class="title spacer">{title}</strong>
        <When at={deletion.at} now={now} />
      </div>
      <div class="row">
        <p class="muted spacer">{t('deletedFrom', sideName(deletion.side), eventStart(deletion.start))}</p>
        {deletion.undone ? (
          <span class="tag ok">{t('undone')}</span>
        ) : (
          <button type="button" class="small" onClick={() => undo.run()} disabled={undo.busy} aria-busy={undo.busy} aria-label={t('undoLabel', title)}>
            {t('undo')}
          </button>
        )}
      </div>
      {deletion.why && <p class="muted">{t('deletedReason', deletion.why)}</p>}
      {undo.error && <p class="error" role="alert">{undo.error}</p>}
    </li>
  );
}
