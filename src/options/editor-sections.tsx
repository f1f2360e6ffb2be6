/** The pair editor's optional parts: privacy, carried fields, filters, and how copies are marked. */
import { OPTIONAL_FIELDS, type OptionalField, type PairFilters, type PrivacyMode } from '../shared/pair.ts';
import { t, type MessageKey } from '../shared/ui/i18n.ts';
import { Check, FieldNotes, RadioGroup, TextField } from './form.tsx';
import type { DraftProblems, PairDraft } from './pair-draft.ts';
import type { Patch } from './PairEditor.tsx';

interface SectionProps {
  readonly draft: PairDraft;
  readonly problems: DraftProblems;
  readonly patch: Patch;
}

export function PrivacySection({ draft, problems, patch }: SectionProps) {
  const choices: { value: PrivacyMode; label: string; hint: string }[] = [
    { value: 'full', label: t('privacyFull'), hint: t('privacyFullHint') },
    { value: 'busy', label: t('privacyBusy'), hint: t('privacyBusyHint') },
    { value: 'title', label: t('privacyTitle'), hint: t('privacyTitleHint') },
  ];
  return (
    <>
      <RadioGroup name="pair-privacy" legend={t('editorPrivacy')} value={draft.privacy} choices={choices} onChange={(privacy) => patch({ privacy })} />
      {draft.privacy === 'busy' && (
        <TextField id="pair-busy-title" label={t('editorBusyTitle')} value={draft.busyTitle} hint={t('editorBusyTitleHint')} error={problems.busyTitle} onInput={(busyTitle) => patch({ busyTitle })} />
      )}
    </>
  );
}

const FIELD_LABELS: Readonly<Record<OptionalField, MessageKey>> = {
  description: 'optionalDescription',
  location: 'optionalLocation',
  freeBusy: 'optionalFreeBusy',
  privacy: 'optionalPrivacy',
  reminders: 'optionalReminders',
  meetingUrl: 'optionalMeetingUrl',
  color: 'optionalColor',
};

export function FieldsSection({ draft, patch }: Pick<SectionProps, 'draft' | 'patch'>) {
  const full = draft.privacy === 'full';
  const toggle = (field: OptionalField, on: boolean): void => patch({ fields: OPTIONAL_FIELDS.filter((f) => (f === field ? on : draft.fields.includes(f))) });
  return (
    <fieldset disabled={!full} aria-describedby="pair-fields-hint">
      <legend>{t('editorFields')}</legend>
      <p class="hint" id="pair-fields-hint">
        {full ? t('editorFieldsHint') : t('editorFieldsPrivacyHint')}
      </p>
      <div class="check-grid">
        {OPTIONAL_FIELDS.map((field) => (
          <Check key={field} id={`pair-field-${field}`} label={t(FIELD_LABELS[field])} checked={draft.fields.includes(field)} onChange={(on) => toggle(field, on)} />
        ))}
      </div>
    </fieldset>
  );
}

const FILTERS: readonly [Exclude<keyof PairFilters, 'titleExclude'>, MessageKey][] = [
  ['skipFree', 'filterSkipFree'],
  ['skipTentative', 'filterSkipTentative'],
  ['skipDeclined', 'filterSkipDeclined'],
  ['skipPrivate', 'filterSkipPrivate'],
  ['skipAllDay', 'filterSkipAllDay'],
];

export function FiltersSection({ draft, problems, patch }: SectionProps) {
  return (
    <fieldset>
      <legend>{t('editorFilters')}</legend>
      <p class="hint">{t('editorFiltersHint')}</p>
      <div class="check-grid">
        {FILTERS.map(([key, label]) => (
          <Check key={key} id={`pair-${key}`} label={t(label)} checked={draft.filters[key]} onChange={(on) => patch({ filters: { ...draft.filters, [key]: on } })} />
        ))}
      </div>
      <TextField
        id="pair-title-exclude"
        label={t('filterTitleExclude')}
        value={draft.filters.titleExclude}
        monospace
        placeholder={t('filterTitleExcludePlaceholder')}
        hint={t('filterTitleExcludeHint')}
        error={problems.titleExclude}
        onInput={(titleExclude) => patch({ filters: { ...draft.filters, titleExclude } })}
      />
    </fieldset>
  );
}

/** Google's event colour palette: colorId → name key and the colour Google shows. */
const GOOGLE_COLORS: readonly [string, MessageKey, string][] = [
  ['1', 'colorLavender', '#7986cb'],
  ['2', 'colorSage', '#33b679'],
  ['3', 'colorGrape', '#8e24aa'],
  ['4', 'colorFlamingo', '#e67c73'],
  ['5', 'colorBanana', '#f6bf26'],
  ['6', 'colorTangerine', '#f4511e'],
  ['7', 'colorPeacock', '#039be5'],
  ['8', 'colorGraphite', '#616161'],
  ['9', 'colorBlueberry', '#3f51b5'],
  ['10', 'colorBasil', '#0b8043'],
  ['11', 'colorTomato', '#d50000'],
];

export function MarkingSection({ draft, problems, patch }: SectionProps) {
  const swatch = GOOGLE_COLORS.find(([id]) => id === draft.googleColor)?.[2];
  return (
    <fieldset>
      <legend>{t('editorMarking')}</legend>
      <p class="hint">{t('editorMarkingHint')}</p>
      <div class="columns">
        <TextField id="pair-prefix" label={t('markingPrefix')} value={draft.titlePrefix} placeholder="[Work] " hint={t('markingPrefixHint')} error={problems.titlePrefix} onInput={(titlePrefix) => patch({ titlePrefix })} />
        <TextField id="pair-category" label={t('markingCategory')} value={draft.outlookCategory} hint={t('markingCategoryHint')} error={problems.outlookCategory} onInput={(outlookCategory) => patch({ outlookCategory })} />
      </div>
      <div class="field">
        <label for="pair-color">{t('markingColor')}</label>
        <div class="row">
          <select id="pair-color" value={draft.googleColor} aria-describedby="pair-color-hint" onChange={(event) => patch({ googleColor: event.currentTarget.value })}>
            <option value="">{t('markingColorNone')}</option>
            {GOOGLE_COLORS.map(([id, name]) => (
              <option key={id} value={id}>
                {t(name)}
              </option>
            ))}
          </select>
          {swatch && <span class="swatch large" aria-hidden="true" style={{ background: swatch }} />}
        </div>
        <FieldNotes id="pair-color" hint={t('markingColorHint')} />
      </div>
    </fieldset>
  );
}
