import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { ActionStatus } from './form.tsx';
import type { OptionsActions } from './model.ts';

export interface BackupSectionProps {
  readonly actions: Pick<OptionsActions, 'exportSettings' | 'importSettings' | 'downloadDiagnostics'>;
}

/** Settings to a file and back (never tokens), and the redacted log for a bug report. */
export function BackupSection({ actions }: BackupSectionProps) {
  const exported = useAction(actions.exportSettings);
  const imported = useAction(async (file: File) => {
    const pairs = await actions.importSettings(await file.text());
    return pairs;
  });
  const diagnostics = useAction(actions.downloadDiagnostics);
  return (
    <section id="backup" class="section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <div class="card stack">
        <div>
          <h3>{t('backupSettings')}</h3>
          <p class="hint">{t('backupSettingsHint')}</p>
          <div class="row wrap">
            <button type="button" onClick={() => exported.run()} disabled={exported.busy}>
              {t('backupExport')}
            </button>
            <label class="button file-button">
              {t('backupImport')}
              <input
                type="file"
                accept=".json,application/json"
                class="visually-hidden"
                aria-describedby="import-status"
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file) imported.run(file);
                }}
              />
            </label>
          </div>
          <ActionStatus busy={exported.busy} error={exported.error} done={exported.done} doneText={t('backupExported')} />
          <div id="import-status" data-testid="import-status">
            <ActionStatus busy={imported.busy} error={imported.error && t('backupImportFailed', imported.error)} done={imported.done} busyText={t('backupImporting')} doneText={t('backupImported')} />
          </div>
        </div>
        <div>
          <h3>{t('diagnosticsTitle')}</h3>
          <p class="hint">{t('diagnosticsHint')}</p>
          <button type="button" onClick={() => diagnostics.run()} disabled={diagnostics.busy}>
            {t('diagnosticsDownload')}
          </button>
          <ActionStatus busy={diagnostics.busy} error={diagnostics.error} done={diagnostics.done} doneText={t('diagnosticsDownloaded')} />
        </div>
      </div>
    </section>
  );
}
