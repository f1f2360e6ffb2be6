import type { Provider } from '../shared/messaging/types.ts';
import { ENDPOINTS } from '../shared/endpoints.ts';
import { t } from '../shared/ui/i18n.ts';

/** What each service must grant (the sign-in code asks for exactly these). */
export const GOOGLE_SCOPES = ['https://www.googleapis.com/auth/calendar'];
export const GRAPH_SCOPES = ['Calendars.ReadWrite', 'MailboxSettings.Read', 'User.Read'];

export interface SetupStepsProps {
  readonly provider: Provider;
  readonly clientId: string;
  readonly tenant: string;
  readonly redirectUri: string;
}

/** How to register Tandem with Google or Microsoft, step by step, with the values to enter. */
export function SetupSteps({ provider, clientId, tenant, redirectUri }: SetupStepsProps) {
  return (
    <div class="setup-steps">
      <h4>{provider === 'google' ? t('stepsGoogleTitle') : t('stepsMicrosoftTitle')}</h4>
      {provider === 'google' ? <GoogleSteps /> : <MicrosoftSteps clientId={clientId} tenant={tenant} redirectUri={redirectUri} />}
    </div>
  );
}

function Codes({ values }: { readonly values: readonly string[] }) {
  return (
    <span class="codes">
      {values.map((value) => (
        <code key={value}>{value}</code>
      ))}
    </span>
  );
}

function GoogleSteps() {
  return (
    <ol>
      <li>{t('stepsGoogle1')}</li>
      <li>
        {t('stepsGoogle2')} <Codes values={GOOGLE_SCOPES} />
      </li>
      <li>{t('stepsGoogle3')}</li>
      <li>{t('stepsGoogle4')}</li>
      <li>{t('stepsGoogle5')}</li>
    </ol>
  );
}

function MicrosoftSteps({ clientId, tenant, redirectUri }: Omit<SetupStepsProps, 'provider'>) {
  return (
    <ol>
      <li>{t('stepsMicrosoft1')}</li>
      <li>{t('stepsMicrosoft2')}</li>
      <li>{t('stepsMicrosoft3')}</li>
      <li>
        {t('stepsMicrosoft4')} <Codes values={GRAPH_SCOPES} />
      </li>
      <li>
        {t('stepsMicrosoft5')}{' '}
        {clientId ? (
          <a href={adminConsentUrl(clientId, tenant, redirectUri)} target="_blank" rel="noopener noreferrer">
            {t('stepsAdminConsentLink')}
          </a>
        ) : (
          <span class="muted">{t('stepsAdminConsentNeedsId')}</span>
        )}
      </li>
      <li>{t('stepsMicrosoft6')}</li>
    </ol>
  );
}

/**
 * The admin consent page for this registration (Microsoft identity platform, v1 adminconsent
 * endpoint): an administrator grants the permissions configured on the app for the whole
 * organisation. It needs an organisation, so `common` and `consumers` become `organizations`.
 */
export function adminConsentUrl(clientId: string, tenant: string, redirectUri: string, authority = ENDPOINTS.msAuthority): string {
  const organisation = ['common', 'consumers', ''].includes(tenant.toLowerCase()) ? 'organizations' : tenant;
  const url = new URL(`${new URL(authority).origin}/${encodeURIComponent(organisation)}/adminconsent`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  return url.toString();
}
