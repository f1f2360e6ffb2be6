import { t } from '../shared/ui/i18n.ts';
import { AccountCard } from './AccountCard.tsx';
import type { OptionsActions, OptionsModel } from './model.ts';

export interface AccountsSectionProps {
  readonly model: Pick<OptionsModel, 'accounts' | 'settings' | 'defaultClientIds' | 'status'>;
  readonly actions: Pick<OptionsActions, 'signIn' | 'signOut' | 'saveSettings' | 'copyText'>;
}

export function AccountsSection({ model, actions }: AccountsSectionProps) {
  return (
    <section id="accounts" class="section" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t('accountsTitle')}</h2>
      <p class="muted">{t('accountsIntro')}</p>
      {(['google', 'microsoft'] as const).map((provider) => (
        <AccountCard
          key={provider}
          provider={provider}
          account={model.accounts[provider]}
          settings={model.settings}
          defaultClientId={model.defaultClientIds[provider]}
          redirectUri={model.status.redirectUri}
          actions={actions}
        />
      ))}
    </section>
  );
}
