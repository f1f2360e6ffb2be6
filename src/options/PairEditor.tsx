import { useRef, useState } from 'preact/hooks';
import type { CalendarSummary } from '../shared/messaging/types.ts';
import type { Direction, PairConfig } from '../shared/pair.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { DIRECTION_LABELS } from '../shared/ui/PairCalendars.tsx';
import { FieldsSection, FiltersSection, MarkingSection, PrivacySection } from './editor-sections.tsx';
import { ActionStatus, FieldNotes, RadioGroup, TextField, describedBy } from './form.tsx';
import { allowedDirections, draftProblems, pairFromDraft, withCalendar, type DraftProblems, type PairDraft, type SideCalendars } from './pair-draft.ts';

export interface PairEditorProps {
  readonly initial: PairDraft;
  readonly calendars: SideCalendars;
  /** The other pairs (a pair of the same two calendars is refused). */
  readonly pairs: readonly PairConfig[];
  readonly onSave: (pair: PairConfig) => Promise<unknown>;
  readonly onClose: () => void;
}

export type Patch = (patch: Partial<PairDraft>) => void;

/** Creates or edits a pair: which calendars, which way, which events, and how copies look. */
export function PairEditor({ initial, calendars, pairs, onSave, onClose }: PairEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const save = useAction(async (pair: PairConfig) => {
    await onSave(pair);
    onClose();
  });
  const patch: Patch = (p) => setDraft((d) => ({ ...d, ...p }));
  const all = draftProblems(draft, calendars, pairs);
  // Missing choices are pointed out once the user tries to save; wrong input at once.
  const problems: DraftProblems = submitted ? all : withoutChoices(all);
  const submit = (event: Event): void => {
    event.preventDefault();
    setSubmitted(true);
    const outcome = pairFromDraft(draft, calendars, pairs);
    if ('pair' in outcome) save.run(outcome.pair);
    else setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby] input:not(:disabled)')?.focus(), 0);
  };
  const title = draft.isNew ? t('editorNewTitle') : t('editorEditTitle');
  return (
    <form ref={form} class="card editor" aria-label={title} onSubmit={submit} noValidate data-testid="pair-editor">
      <h3 tabIndex={-1} class="editor-title">
        {title}
      </h3>
      <div class="columns">
        <CalendarSelect id="pair-google" label={t('editorGoogleCalendar')} calendars={calendars.google} value={draft.googleCalendarId} error={problems.googleCalendarId} onChange={(id) => setDraft((d) => withCalendar(d, { googleCalendarId: id }, calendars))} />
        <CalendarSelect id="pair-outlook" label={t('editorOutlookCalendar')} calendars={calendars.outlook} value={draft.outlookCalendarId} error={problems.outlookCalendarId} onChange={(id) => setDraft((d) => withCalendar(d, { outlookCalendarId: id }, calendars))} />
      </div>
      <DirectionField draft={draft} calendars={calendars} error={problems.direction} onChange={(direction) => patch({ direction })} />
      <fieldset>
        <legend>{t('editorWindow')}</legend>
        <p class="hint">{t('editorWindowHint')}</p>
        <div class="columns">
          <TextField id="pair-past" label={t('editorPastDays')} value={draft.pastDays} inputMode="numeric" size={6} error={problems.pastDays} onInput={(pastDays) => patch({ pastDays })} />
          <TextField id="pair-future" label={t('editorFutureDays')} value={draft.futureDays} inputMode="numeric" size={6} error={problems.futureDays} onInput={(futureDays) => patch({ futureDays })} />
        </div>
      </fieldset>
      <PrivacySection draft={draft} problems={problems} patch={patch} />
      <FieldsSection draft={draft} patch={patch} />
      <FiltersSection draft={draft} problems={problems} patch={patch} />
      <MarkingSection draft={draft} problems={problems} patch={patch} />
      <div class="row editor-actions">
        <button type="submit" class="primary" disabled={save.busy} aria-busy={save.busy}>
          {draft.isNew ? t('editorCreate') : t('editorSave')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
      <ActionStatus busy={save.busy} error={save.error} done={false} busyText={t('saving')} />
    </form>
  );
}

function withoutChoices(problems: DraftProblems): DraftProblems {
  const { googleCalendarId: _g, outlookCalendarId: _o, direction: _d, ...rest } = problems;
  return rest;
}

interface CalendarSelectProps {
  readonly id: string;
  readonly label: string;
  readonly calendars: readonly CalendarSummary[];
  readonly value: string;
  readonly error: string | undefined;
  readonly onChange: (id: string) => void;
}

function CalendarSelect({ id, label, calendars, value, error, onChange }: CalendarSelectProps) {
  const empty = calendars.length === 0;
  const hint = empty ? t('editorNoCalendars') : null;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} disabled={empty} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, hint, error)} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('editorChooseCalendar')}</option>
        {calendars.map((c) => (
          <option key={c.id} value={c.id}>
            {c.readOnly ? t('editorCalendarReadOnly', c.name) : c.name}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

function DirectionField({ draft, calendars, error, onChange }: { readonly draft: PairDraft; readonly calendars: SideCalendars; readonly error: string | undefined; readonly onChange: (d: Direction) => void }) {
  const allowed = allowedDirections(draft, calendars);
  const choice = (value: Direction, hint: string) => ({ value, label: t(DIRECTION_LABELS[value]), hint: allowed.includes(value) ? hint : t('editorDirectionReadOnly'), disabled: !allowed.includes(value) });
  return (
    <RadioGroup
      name="pair-direction"
      legend={t('editorDirection')}
      value={draft.direction}
      error={error}
      onChange={onChange}
      choices={[choice('both', t('editorDirectionBothHint')), choice('google-to-outlook', t('editorDirectionOneWayHint')), choice('outlook-to-google', t('editorDirectionOneWayHint'))]}
    />
  );
}
