import { useEffect, useState } from 'preact/hooks';
import type { CalendarSummary, PairResult, Provider } from '../shared/messaging/types.ts';
import type { PairConfig } from '../shared/pair.ts';
import { indexCalendars } from '../shared/ui/calendar-cache.ts';
import { dateTime, relativeTime } from '../shared/ui/format.ts';
import { t, type MessageKey } from '../shared/ui/i18n.ts';
import { PairCalendars, pairLabel } from '../shared/ui/PairCalendars.tsx';
import type { CalendarList, OptionsActions } from './model.ts';
import { draftFromPair, newDraft, type PairDraft, type SideCalendars } from './pair-draft.ts';
import { PairEditor } from './PairEditor.tsx';
import { RemovePairDialog } from './RemovePairDialog.tsx';

export interface PairsSectionProps {
  readonly pairs: readonly PairConfig[];
  readonly results: Readonly<Record<string, PairResult>>;
  readonly calendars: Readonly<Record<Provider, CalendarList>>;
  /** Both accounts are connected (a pair needs a calendar from each). */
  readonly ready: boolean;
  /** A pair to open in the editor (from a link in the popup), or null. */
  readonly focusPair: string | null;
  readonly now: number;
  readonly actions: Pick<OptionsActions, 'savePair' | 'removePair'>;
  /** Makes ids for new pairs (a prop so tests get stable ids). */
  readonly newId?: () => string;
}

const PRIVACY_SUMMARY: Readonly<Record<PairConfig['privacy'], MessageKey>> = { full: 'privacyFull', busy: 'privacyBusy', title: 'privacyTitle' };

const listOf = (list: CalendarList): readonly CalendarSummary[] => (list.state === 'ready' ? list.value : []);

export function PairsSection({ pairs, results, calendars, ready, focusPair, now, actions, newId = () => crypto.randomUUID() }: PairsSectionProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState<PairDraft | null>(null);
  const [removing, setRemoving] = useState<PairConfig | null>(null);
  const side: SideCalendars = { google: listOf(calendars.google), outlook: listOf(calendars.microsoft) };
  const names = { google: indexCalendars(side.google), microsoft: indexCalendars(side.outlook) };
  useEffect(() => {
    if (focusPair && pairs.some((p) => p.id === focusPair)) {
      setEditing(focusPair);
      setTimeout(() => document.querySelector<HTMLElement>('.editor-title')?.focus(), 0);
    }
  }, [focusPair, pairs.length > 0]);
  const editor = (initial: PairDraft, close: () => void) => (
    <PairEditor key={initial.id} initial={initial} calendars={side} pairs={pairs} onSave={actions.savePair} onClose={close} />
  );
  return (
    <section id="pairs" class="section" aria-labelledby="pairs-title">
      <h2 id="pairs-title">{t('pairsTitle')}</h2>
      <p class="muted">{t('pairsIntro')}</p>
      {pairs.length === 0 && !creating && <p class="empty">{t('pairsEmpty')}</p>}
      <ul class="pair-list">
        {pairs.map((pair) => (
          <li key={pair.id} id={`pair-${pair.id}`} class="card pair-row" data-testid={`pair-row-${pair.id}`}>
            <div class="row wrap">
              <PairCalendars pair={pair} calendars={names} showAccess />
              <span class="spacer" />
              <button type="button" class="small" aria-expanded={editing === pair.id} onClick={() => setEditing(editing === pair.id ? null : pair.id)} aria-label={t('pairEditLabel', pairLabel(pair, names))}>
                {t('pairEdit')}
              </button>
              <button type="button" class="small" onClick={() => setRemoving(pair)} aria-label={t('pairRemoveLabel', pairLabel(pair, names))}>
                {t('pairRemove')}
              </button>
            </div>
            <p class="hint pair-summary">
              {t(PRIVACY_SUMMARY[pair.privacy])} · {t('pairWindow', pair.pastDays, pair.futureDays)} · <LastResult result={results[pair.id]} now={now} />
            </p>
            {editing === pair.id && editor(draftFromPair(pair), () => setEditing(null))}
          </li>
        ))}
      </ul>
      {creating ? (
        editor(creating, () => setCreating(null))
      ) : (
        <div class="row">
          <button type="button" class="primary" disabled={!ready} aria-describedby={ready ? undefined : 'pairs-need-accounts'} onClick={() => setCreating(newDraft(newId(), side))}>
            {t('pairAdd')}
          </button>
          {!ready && (
            <span class="hint" id="pairs-need-accounts">
              {t('pairsNeedAccounts')}
            </span>
          )}
        </div>
      )}
      {removing && <RemovePairDialog label={pairLabel(removing, names)} onRemove={(mirrors) => actions.removePair(removing.id, mirrors)} onClose={() => setRemoving(null)} />}
    </section>
  );
}

function LastResult({ result, now }: { readonly result: PairResult | undefined; readonly now: number }) {
  if (!result) return <span>{t('pairNeverSynced')}</span>;
  const when = relativeTime(result.finishedAt, now);
  if (result.paused) return <span class="warn-text">{t('pairPaused')}</span>;
  return (
    <span class={result.ok ? 'status-ok' : 'error'} title={dateTime(result.finishedAt)}>
      {result.ok ? t('pairSynced', when) : t('pairProblems', when)}
    </span>
  );
}
