import { useState } from 'preact/hooks';
import type { Settings } from '../shared/messaging/types.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { ActionStatus, TextField } from './form.tsx';
import type { OptionsActions } from './model.ts';
import { wholeNumberProblem } from './validation.ts';

export interface SyncSectionProps {
  readonly settings: Settings;
  readonly onSave: OptionsActions['saveSettings'];
}

/** How often the background syncs every pair (1–60 minutes). */
export function SyncSection({ settings, onSave }: SyncSectionProps) {
  const [minutes, setMinutes] = useState(String(settings.syncIntervalMinutes));
  const problem = wholeNumberProblem(minutes, 1, 60);
  const save = useAction(() => onSave({ syncIntervalMinutes: Number(minutes.trim()) }));
  return (
    <section id="sync" class="section" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      <form
        class="card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem) save.run();
        }}
      >
        <TextField id="sync-interval" label={t('syncInterval')} value={minutes} inputMode="numeric" size={4} hint={t('syncIntervalHint')} error={problem} onInput={setMinutes} />
        <div class="row">
          <button type="submit" disabled={Boolean(problem) || save.busy}>
            {t('syncIntervalSave')}
          </button>
          <ActionStatus busy={save.busy} error={save.error} done={save.done} busyText={t('saving')} doneText={t('saved')} />
        </div>
      </form>
    </section>
  );
}
