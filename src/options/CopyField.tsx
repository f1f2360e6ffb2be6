import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';

export interface CopyFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onCopy: (text: string) => Promise<unknown>;
}

/** A value to paste elsewhere (the redirect URI): shown in full, with a Copy button. */
export function CopyField({ id, label, value, onCopy }: CopyFieldProps) {
  const copy = useAction(() => onCopy(value));
  return (
    <div class="field copy-field">
      <span class="label" id={`${id}-label`}>
        {label}
      </span>
      <div class="row">
        <code id={id} data-testid={id} aria-labelledby={`${id}-label`}>
          {value}
        </code>
        <button type="button" class="small" onClick={() => copy.run()} aria-label={t('copyLabel', label)}>
          {t('copy')}
        </button>
        <span class="hint" role="status">
          {copy.done ? t('copied') : ''}
        </span>
      </div>
      {copy.error && (
        <p class="field-error" role="alert">
          {t('copyFailed')}
        </p>
      )}
    </div>
  );
}
