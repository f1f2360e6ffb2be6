import type { AccountStatus, CalendarSummary, Provider } from '../shared/messaging/types.ts';
import { CalendarName } from '../shared/ui/CalendarName.tsx';
import { t } from '../shared/ui/i18n.ts';
import type { Accounts, CalendarList, OptionsActions } from './model.ts';

export interface CalendarsSectionProps {
  readonly accounts: Accounts;
  readonly calendars: Readonly<Record<Provider, CalendarList>>;
  readonly onReload: OptionsActions['reloadCalendars'];
}

/** Both sides' calendars with their colours; read-only ones are marked (they can only be sources). */
export function CalendarsSection({ accounts, calendars, onReload }: CalendarsSectionProps) {
  return (
    <section id="calendars" class="section" aria-labelledby="calendars-title">
      <h2 id="calendars-title">{t('calendarsTitle')}</h2>
      <p class="muted">{t('calendarsIntro')}</p>
      <div class="columns">
        <CalendarColumn provider="google" account={accounts.google} list={calendars.google} onReload={onReload} />
        <CalendarColumn provider="microsoft" account={accounts.microsoft} list={calendars.microsoft} onReload={onReload} />
      </div>
    </section>
  );
}

interface ColumnProps {
  readonly provider: Provider;
  readonly account: AccountStatus;
  readonly list: CalendarList;
  readonly onReload: OptionsActions['reloadCalendars'];
}

function CalendarColumn({ provider, account, list, onReload }: ColumnProps) {
  const name = provider === 'google' ? t('accountGoogle') : t('accountMicrosoft');
  return (
    <div class="card calendar-column" data-testid={`calendars-${provider}`}>
      <h3>{name}</h3>
      {account.address && <p class="hint">{account.address}</p>}
      <ColumnBody provider={provider} list={list} onReload={onReload} />
    </div>
  );
}

function ColumnBody({ provider, list, onReload }: Omit<ColumnProps, 'account'>) {
  switch (list.state) {
    case 'idle':
      return <p class="muted">{provider === 'google' ? t('calendarsConnectGoogle') : t('calendarsConnectMicrosoft')}</p>;
    case 'loading':
      return (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      );
    case 'error':
      return (
        <div role="alert">
          <p class="field-error">{t('calendarsLoadFailed', list.message)}</p>
          <button type="button" class="small" onClick={() => onReload(provider)}>
            {t('actionRetry')}
          </button>
        </div>
      );
    case 'ready':
      return list.value.length === 0 ? <p class="muted">{t('calendarsEmpty')}</p> : <CalendarItems calendars={list.value} />;
  }
}

function CalendarItems({ calendars }: { readonly calendars: readonly CalendarSummary[] }) {
  return (
    <ul class="calendar-list">
      {calendars.map((calendar) => (
        <li key={calendar.id} class="row">
          <CalendarName calendar={calendar} fallback={calendar.id} />
          {calendar.primary && <span class="tag">{t('calendarPrimary')}</span>}
          {calendar.readOnly && (
            <span class="tag warn" title={t('calendarReadOnlyHint')}>
              {t('calendarSourceOnly')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
