import type { DeletionView } from '../shared/messaging/types.ts';
import { eventStart } from '../shared/ui/format.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { SHOWN, When, sideName } from './ActivityLists.tsx';
import type { PopupActions } from './model.ts';

export interface DeletionListProps {
  readonly deletions: readonly DeletionView[];
  readonly now: number;
  readonly onUndo: PopupActions['undo'];
}

/**
 * Deletions the sync made (a source event was deleted, so its copy was too), with undo. One run's
 * deletions for one reason form a group — a confirmed bulk deletion is one line, not sixty.
 */
export function DeletionList({ deletions, now, onUndo }: DeletionListProps) {
  if (deletions.length === 0) return null;
  const groups = groupDeletions(deletions);
  return (
    <section class="activity" aria-labelledby="deletions-title">
      <h2 id="deletions-title">{t('deletionsTitle')}</h2>
      <ul>
        {groups.slice(0, SHOWN).map((group) =>
          group.length === 1 ? (
            <DeletionItem key={group[0]!.id} deletion={group[0]!} now={now} onUndo={onUndo} withReason />
          ) : (
            <DeletionGroup key={group[0]!.id} group={group} now={now} onUndo={onUndo} />
          ),
        )}
      </ul>
      {groups.length > SHOWN && <p class="muted small">{t('olderNotShown', groups.length - SHOWN)}</p>}
    </section>
  );
}

/** Consecutive deletions (newest first) of one pair, run, side and reason. */
export function groupDeletions(deletions: readonly DeletionView[]): DeletionView[][] {
  const groups: DeletionView[][] = [];
  for (const d of deletions) {
    const last = groups.at(-1)?.[0];
    if (last && last.pairId === d.pairId && last.at === d.at && last.side === d.side && last.why === d.why) groups.at(-1)!.push(d);
    else groups.push([d]);
  }
  return groups;
}

function DeletionGroup({ group, now, onUndo }: { readonly group: readonly DeletionView[]; readonly now: number; readonly onUndo: PopupActions['undo'] }) {
  const first = group[0]!;
  return (
    <li class="small deletion-group" data-testid={`deletion-group-${first.id}`}>
      <div class="row">
        <strong class="spacer">{t('deletionGroup', group.length, sideName(first.side))}</strong>
        <When at={first.at} now={now} />
      </div>
      {first.why && <p class="muted">{t('deletedReason', first.why)}</p>}
      <details>
        <summary>{t('deletionGroupShow')}</summary>
        <ul>
          {group.map((d) => (
            <DeletionItem key={d.id} deletion={d} now={now} onUndo={onUndo} withReason={false} />
          ))}
        </ul>
      </details>
    </li>
  );
}

interface ItemProps {
  readonly deletion: DeletionView;
  readonly now: number;
  readonly onUndo: PopupActions['undo'];
  readonly withReason: boolean;
}

function DeletionItem({ deletion, now, onUndo, withReason }: ItemProps) {
  const undo = useAction(() => onUndo(deletion.pairId, deletion.id));
  const title = deletion.title || t('untitledEvent');
  return (
    <li class="small" data-testid={`deletion-${deletion.id}`}>
      <div class="row">
        <strong class="title spacer">{title}</strong>
        {deletion.undone ? (
          <span class="tag ok">{t('undone')}</span>
        ) : (
          <button type="button" class="small" onClick={() => undo.run()} disabled={undo.busy} aria-busy={undo.busy} aria-label={t('undoLabel', title)}>
            {t('undo')}
          </button>
        )}
      </div>
      <p class="muted">
        {eventStart(deletion.start)}
        {withReason && (
          <>
            {' · '}
            {t('deletedFrom', sideName(deletion.side))} <When at={deletion.at} now={now} />
          </>
        )}
      </p>
      {withReason && deletion.why && <p class="muted">{t('deletedReason', deletion.why)}</p>}
      {undo.error && <p class="error" role="alert">{undo.error}</p>}
    </li>
  );
}
