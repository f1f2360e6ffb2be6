import type { AccountStatus, Provider, Settings } from '../shared/messaging/types.ts';
import { useAction } from '../shared/ui/hooks.ts';
import { t } from '../shared/ui/i18n.ts';
import { AppRegistration } from './AppRegistration.tsx';
import type { OptionsActions } from './model.ts';

export interface AccountCardProps {
  readonly provider: Provider;
  readonly account: AccountStatus;
  readonly settings: Settings;
  readonly defaultClientId: string;
  readonly redirectUri: string;
  readonly actions: Pick<OptionsActions, 'signIn' | 'signOut' | 'saveSettings' | 'copyText'>;
}

const STATE_TAGS = {
  'signed-in': ['ok', 'accountConnected'],
  'signed-out': ['', 'accountNotConnected'],
  'sign-in-needed': ['danger', 'accountSignInNeeded'],
} as const;

/** One account: its state in words, connect / disconnect, and the app registration it uses. */
export function AccountCard({ provider, account, settings, defaultClientId, redirectUri, actions }: AccountCardProps) {
  const signIn = useAction(() => actions.signIn(provider));
  const signOut = useAction(() => actions.signOut(provider));
  const clientId = provider === 'google' ? settings.googleClientId : settings.microsoftClientId;
  const hasClient = clientId !== '' || defaultClientId !== '';
  const name = provider === 'google' ? t('accountGoogle') : t('accountMicrosoft');
  const [tagClass, tagKey] = STATE_TAGS[account.state];
  const titleId = `account-${provider}-title`;
  return (
    <article class="card account" aria-labelledby={titleId} data-testid={`account-${provider}`}>
      <div class="row wrap">
        <h3 id={titleId}>{name}</h3>
        <span class={`tag ${tagClass}`}>{t(tagKey)}</span>
      </div>
      <AccountLine account={account} />
      <div class="row wrap">
        {account.state !== 'signed-in' && (
          <button type="button" class="primary" disabled={!hasClient || signIn.busy} aria-busy={signIn.busy} onClick={() => signIn.run()} aria-describedby={hasClient ? undefined : `${provider}-needs-client`}>
            {account.state === 'sign-in-needed' ? t('accountSignInAgain') : t('accountConnect', name)}
          </button>
        )}
        {account.state !== 'signed-out' && (
          <button type="button" disabled={signOut.busy} onClick={() => signOut.run()}>
            {t('accountDisconnect')}
          </button>
        )}
      </div>
      {!hasClient && (
        <p class="hint" id={`${provider}-needs-client`}>
          {t('accountNeedsClientId')}
        </p>
      )}
      {signIn.busy && <p class="hint" role="status">{t('accountSigningIn')}</p>}
      {signIn.error && (
        <p class="field-error" role="alert">
          {t('accountSignInFailed', signIn.error)}
        </p>
      )}
      {signOut.error && (
        <p class="field-error" role="alert">
          {signOut.error}
        </p>
      )}
      <AppRegistration provider={provider} settings={settings} defaultClientId={defaultClientId} redirectUri={redirectUri} open={!hasClient} actions={actions} />
    </article>
  );
}

function AccountLine({ account }: { readonly account: AccountStatus }) {
  if (account.state === 'signed-in') {
    return (
      <p>
        {t('accountSignedInAs')} <strong class="address">{account.address ?? ''}</strong>
      </p>
    );
  }
  if (account.state === 'sign-in-needed') {
    return (
      <p>
        {account.address && (
          <>
            <strong class="address">{account.address}</strong>:{' '}
          </>
        )}
        {account.reason ?? t('signInNeededDefault')}
      </p>
    );
  }
  return <p class="muted">{t('accountSignedOutText')}</p>;
}
