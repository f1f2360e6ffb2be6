import { useEffect, useRef, useState } from 'preact/hooks';
import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { ActionStatus, RadioGroup } from './form.tsx';

export interface RemovePairDialogProps {
  /** The pair as text, e.g. "Personal ⇄ Calendar". */
  readonly label: string;
  readonly onRemove: (mirrors: 'delete' | 'keep') => Promise<unknown>;
  readonly onClose: () => void;
}

/**
 * Asks what happens to the copies a pair made before removing it; nothing is preselected, so the
 * choice is always the user's. A modal dialog: focus stays inside, Escape cancels, and focus
 * returns to the button that opened it.
 */
export function RemovePairDialog({ label, onRemove, onClose }: RemovePairDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [mirrors, setMirrors] = useState<'delete' | 'keep' | null>(null);
  const remove = useAction(async (choice: 'delete' | 'keep') => {
    await onRemove(choice);
    onClose();
  });
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    return () => opener?.focus();
  }, []);
  const cancel = (event: Event): void => {
    event.preventDefault();
    if (!remove.busy) onClose();
  };
  return (
    <dialog ref={dialog} class="remove-dialog" aria-labelledby="remove-title" aria-describedby="remove-text" onCancel={cancel} data-testid="remove-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (mirrors) remove.run(mirrors);
        }}
      >
        <h2 id="remove-title">{t('removeTitle', label)}</h2>
        <p id="remove-text">{t('removeText')}</p>
        <RadioGroup
          name="remove-mirrors"
          legend={t('removeLegend')}
          value={mirrors}
          onChange={setMirrors}
          choices={[
            { value: 'delete', label: t('removeDelete'), hint: t('removeDeleteHint') },
            { value: 'keep', label: t('removeKeep'), hint: t('removeKeepHint') },
          ]}
        />
        <ActionStatus busy={remove.busy} error={remove.error} done={false} busyText={mirrors === 'delete' ? t('removeBusyDelete') : t('removeBusy')} />
        <div class="row dialog-actions">
          <span class="spacer" />
          <button type="button" onClick={onClose} disabled={remove.busy}>
            {t('cancel')}
          </button>
          <button type="submit" class="danger" disabled={mirrors === null || remove.busy} aria-busy={remove.busy}>
            {t('removeConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
