/**
 * Labelled form controls: each input has a visible label, its hint and error tied to it with
 * aria-describedby, and aria-invalid while the error shows — so screen readers read them together.
 */
import type { ComponentChildren } from 'preact';

interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly hint?: ComponentChildren;
  readonly error?: string | null | undefined;
  readonly placeholder?: string;
  readonly inputMode?: 'numeric' | 'text' | 'url';
  readonly monospace?: boolean;
  readonly size?: number;
  readonly disabled?: boolean;
  readonly onBlur?: () => void;
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextField({ id, label, value, onInput, hint, error, placeholder, inputMode, monospace, size, disabled, onBlur }: TextFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        class={monospace ? 'mono' : undefined}
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        size={size}
        disabled={disabled}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={onBlur}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function FieldNotes({ id, hint, error }: { readonly id: string; readonly hint?: ComponentChildren; readonly error?: string | null | undefined }) {
  return (
    <>
      {hint && (
        <div class="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div class="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </>
  );
}

interface CheckProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly hint?: string;
  readonly disabled?: boolean;
}

export function Check({ id, label, checked, onChange, hint, disabled }: CheckProps) {
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span>
        <label for={id}>{label}</label>
        {hint && (
          <span class="hint block" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint?: string;
  readonly disabled?: boolean;
}

interface RadioGroupProps<T extends string> {
  readonly name: string;
  readonly legend: string;
  readonly value: T | null;
  readonly choices: readonly Choice<T>[];
  readonly onChange: (value: T) => void;
  readonly error?: string | null | undefined;
}

export function RadioGroup<T extends string>({ name, legend, value, choices, onChange, error }: RadioGroupProps<T>) {
  return (
    <fieldset class="radio-group" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <Radio key={choice.value} name={name} choice={choice} checked={value === choice.value} onChange={onChange} />
      ))}
      <FieldNotes id={name} error={error} />
    </fieldset>
  );
}

function Radio<T extends string>({ name, choice, checked, onChange }: { readonly name: string; readonly choice: Choice<T>; readonly checked: boolean; readonly onChange: (value: T) => void }) {
  const id = `${name}-${choice.value}`;
  return (
    <div class="check">
      <input id={id} type="radio" name={name} value={choice.value} checked={checked} disabled={choice.disabled} aria-describedby={choice.hint ? `${id}-hint` : undefined} onChange={() => onChange(choice.value)} />
      <span>
        <label for={id}>{choice.label}</label>
        {choice.hint && (
          <span class="hint block" id={`${id}-hint`}>
            {choice.hint}
          </span>
        )}
      </span>
    </div>
  );
}

/** A short status line after an action ("Saved") or its error, announced politely. */
export function ActionStatus({ busy, error, done, busyText, doneText }: { readonly busy: boolean; readonly error: string | null; readonly done: boolean; readonly busyText?: string; readonly doneText?: string }) {
  if (error) return <p class="field-error" role="alert">{error}</p>;
  return (
    <p class="hint action-status" role="status">
      {busy ? (busyText ?? '') : done ? (doneText ?? '') : ''}
    </p>
  );
}
