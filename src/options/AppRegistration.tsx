import { useState } from 'preact/hooks';
import type { Provider, Settings } from '../shared/messaging/types.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { CopyField } from './CopyField.tsx';
import { ActionStatus, TextField } from './form.tsx';
import type { OptionsActions } from './model.ts';
import { SetupSteps } from './SetupSteps.tsx';
import { googleClientIdProblem, microsoftClientIdProblem, tenantProblem } from './validation.ts';

export interface AppRegistrationProps {
  readonly provider: Provider;
  readonly settings: Settings;
  readonly defaultClientId: string;
  readonly redirectUri: string;
  /** Open at first (when no client id is in effect, nothing works without one). */
  readonly open: boolean;
  readonly actions: Pick<OptionsActions, 'saveSettings' | 'copyText'>;
}

/**
 * The OAuth client Tandem signs in with: the user's own registration (or the build's default),
 * the redirect URI to register, and the steps to create one — inline, so setup needs no other
 * page.
 */
export function AppRegistration({ provider, settings, defaultClientId, redirectUri, open, actions }: AppRegistrationProps) {
  const google = provider === 'google';
  const [clientId, setClientId] = useState(google ? settings.googleClientId : settings.microsoftClientId);
  const [tenant, setTenant] = useState(settings.microsoftTenant);
  const save = useAction(() => actions.saveSettings(google ? { googleClientId: clientId.trim() } : { microsoftClientId: clientId.trim(), microsoftTenant: tenant.trim() || 'common' }));
  const idProblem = google ? googleClientIdProblem(clientId) : microsoftClientIdProblem(clientId);
  const tenantError = google ? null : tenantProblem(tenant);
  const id = `${provider}-client-id`;
  return (
    <details class="registration" open={open}>
      <summary>{t('registrationSummary')}</summary>
      <form
        class="registration-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!idProblem && !tenantError) save.run();
        }}
      >
        <TextField
          id={id}
          label={google ? t('registrationGoogleClientId') : t('registrationMicrosoftClientId')}
          value={clientId}
          monospace
          placeholder={defaultClientId || (google ? '123456789012-abcdef.apps.googleusercontent.com' : '00000000-0000-0000-0000-000000000000')}
          hint={defaultClientId ? t('registrationDefaultHint') : t('registrationRequiredHint')}
          error={idProblem}
          onInput={setClientId}
        />
        {!google && (
          <TextField id="microsoft-tenant" label={t('registrationTenant')} value={tenant} monospace placeholder="common" hint={t('registrationTenantHint')} error={tenantError} onInput={setTenant} />
        )}
        <div class="row">
          <button type="submit" disabled={save.busy || Boolean(idProblem) || Boolean(tenantError)}>
            {t('registrationSave')}
          </button>
          <ActionStatus busy={save.busy} error={save.error} done={save.done} busyText={t('saving')} doneText={t('saved')} />
        </div>
      </form>
      <CopyField id={`${provider}-redirect-uri`} label={t('registrationRedirectUri')} value={redirectUri} onCopy={actions.copyText} />
      <SetupSteps provider={provider} clientId={clientId.trim() || defaultClientId} tenant={tenant.trim() || 'common'} redirectUri={redirectUri} />
    </details>
  );
}
