// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { account, SIGNED_OUT } from './fixtures.ts';
import { input, optionsActions, optionsModel, REDIRECT_URI, section, showOptions } from './options-fixtures.tsx';
import { button, byTestId, click, queryButton, text, type } from './render.ts';

describe('options: page states', () => {
  it('shows loading, then an error as an alert', () => {
    expect(text(showOptions({ state: 'loading' }).root.querySelector('main')!)).toBe('Loading…');
    const { root } = showOptions({ state: 'error', message: 'The background did not answer.' });
    expect(root.querySelector('main [role="alert"]')?.textContent).toBe('The background did not answer.');
  });

  it('has a skip link, a labelled navigation to every section, and the simulator tag', () => {
    const { root } = showOptions(optionsModel({ status: { ...optionsModel().status, simulatorBuild: true } }));
    expect(root.querySelector('a.skip-link')?.getAttribute('href')).toBe('#content');
    const nav = root.querySelector('nav')!;
    expect(nav.getAttribute('aria-label')).toBe('Sections');
    for (const link of nav.querySelectorAll('a')) expect(root.querySelector(link.getAttribute('href')!)).not.toBeNull();
    expect(text(root.querySelector('header')!)).toContain('simulator build');
  });

  it('guides a first run with a checklist that ticks off connected accounts', () => {
    const first = byTestId(showOptions(optionsModel({ accounts: SIGNED_OUT, pairs: [] })).root, 'setup-checklist');
    expect(first.querySelectorAll('li.done')).toHaveLength(0);
    const later = byTestId(showOptions(optionsModel({ pairs: [] })).root, 'setup-checklist');
    expect(later.querySelectorAll('li.done')).toHaveLength(2);
    expect(showOptions(optionsModel()).root.querySelector('[data-testid="setup-checklist"]')).toBeNull();
  });
});

describe('options: accounts', () => {
  it('shows each account’s state and address, and connects or disconnects on click', async () => {
    const accounts = { google: account('google'), microsoft: account('microsoft', 'signed-out') };
    const { root, actions } = showOptions(optionsModel({ accounts }));
    const google = byTestId(root, 'account-google');
    expect(text(google)).toContain('Connected');
    expect(text(google)).toContain('Signed in as pat.lee@gmail.com');
    await click(button(google, 'Disconnect'));
    expect(actions.signOut).toHaveBeenCalledWith('google');
    const microsoft = byTestId(root, 'account-microsoft');
    expect(text(microsoft)).toContain('Not connected');
    expect(queryButton(microsoft, 'Disconnect')).toBeUndefined();
    await click(button(microsoft, 'Connect Microsoft Outlook'));
    expect(actions.signIn).toHaveBeenCalledWith('microsoft');
  });

  it('explains a sign-in needed with its reason, and offers to sign in again', async () => {
    const accounts = { google: account('google', 'sign-in-needed', 'Google asked you to sign in again.'), microsoft: account('microsoft') };
    const { root, actions } = showOptions(optionsModel({ accounts }));
    const google = byTestId(root, 'account-google');
    expect(text(google)).toContain('Sign-in needed');
    expect(text(google)).toContain('pat.lee@gmail.com: Google asked you to sign in again.');
    await click(button(google, 'Sign in again'));
    expect(actions.signIn).toHaveBeenCalledWith('google');
  });

  it('says to finish in the sign-in window while it is open, and shows a failure in place', async () => {
    const actions = optionsActions();
    let fail: (error: Error) => void = () => undefined;
    actions.signIn.mockReturnValueOnce(new Promise((_, reject) => (fail = reject)));
    const { root } = showOptions(optionsModel({ accounts: SIGNED_OUT }), actions);
    const google = byTestId(root, 'account-google');
    await click(button(google, 'Connect Google Calendar'));
    expect(text(google)).toContain('Finish signing in in the window that opened…');
    expect(button(google, 'Connect Google Calendar').disabled).toBe(true);
    fail(new Error('Could not reach accounts.google.com. Check the connection and try again.'));
    await click(google);
    expect(google.querySelector('[role="alert"]')?.textContent).toBe('Could not sign in: Could not reach accounts.google.com. Check the connection and try again.');
  });

  it('cannot connect without any client id, and opens the registration for it', () => {
    const { root } = showOptions(optionsModel({ accounts: SIGNED_OUT, defaultClientIds: { google: '', microsoft: '' } }));
    const google = byTestId(root, 'account-google');
    expect(button(google, 'Connect Google Calendar').disabled).toBe(true);
    expect(text(google)).toContain('enter a client ID under “App registration” first');
    expect(google.querySelector('details')?.open).toBe(true);
    expect(input(google, 'Google OAuth client ID').getAttribute('placeholder')).toBe('123456789012-abcdef.apps.googleusercontent.com');
  });

  it('checks a client id as it is typed and saves a good one', async () => {
    const { root, actions } = showOptions();
    const google = byTestId(root, 'account-google');
    expect(google.querySelector('details')?.open).toBe(false);
    const field = input(google, 'Google OAuth client ID') as HTMLInputElement;
    expect(field.placeholder).toBe('tandem-default.apps.googleusercontent.com');
    await type(field, '123456789012-abc');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(google.querySelector(`#${field.id}-error`)?.textContent).toMatch(/ends in “\.apps\.googleusercontent\.com”/);
    expect(field.getAttribute('aria-describedby')).toContain(`${field.id}-error`);
    expect(button(google, 'Save registration').disabled).toBe(true);
    await type(field, '123456789012-abc.apps.googleusercontent.com');
    await click(button(google, 'Save registration'));
    expect(actions.saveSettings).toHaveBeenCalledWith({ googleClientId: '123456789012-abc.apps.googleusercontent.com' });
    expect(text(google)).toContain('Saved.');
  });

  it('takes a Microsoft client id and tenant, refusing malformed ones', async () => {
    const { root, actions } = showOptions();
    const microsoft = byTestId(root, 'account-microsoft');
    await type(input(microsoft, 'Application (client) ID'), 'not-a-guid');
    expect(text(microsoft)).toContain('it is a GUID');
    await type(input(microsoft, 'Application (client) ID'), '3f2c9a7e-1b4d-4c8e-9f60-7a1b2c3d4e5f');
    await type(input(microsoft, 'Tenant'), 'contoso');
    expect(text(microsoft)).toContain('a domain like contoso.com');
    await type(input(microsoft, 'Tenant'), 'contoso.com');
    await click(button(microsoft, 'Save registration'));
    expect(actions.saveSettings).toHaveBeenCalledWith({ microsoftClientId: '3f2c9a7e-1b4d-4c8e-9f60-7a1b2c3d4e5f', microsoftTenant: 'contoso.com' });
  });

  it('shows the redirect URI with a Copy button, the setup steps and the scopes', async () => {
    const { root, actions } = showOptions();
    const microsoft = byTestId(root, 'account-microsoft');
    expect(byTestId(microsoft, 'microsoft-redirect-uri').textContent).toBe(REDIRECT_URI);
    await click(button(microsoft, 'Copy the Redirect URI'));
    expect(actions.copyText).toHaveBeenCalledWith(REDIRECT_URI);
    expect(text(microsoft)).toContain('Copied.');
    expect(text(microsoft)).toContain('“Single-page application (SPA)”');
    expect([...microsoft.querySelectorAll('.codes code')].map((c) => c.textContent)).toEqual(['Calendars.ReadWrite', 'MailboxSettings.Read', 'User.Read']);
    const consent = microsoft.querySelector<HTMLAnchorElement>('.setup-steps a')!;
    expect(consent.textContent).toBe('the admin consent page');
    expect(consent.href).toContain('client_id=7c3e6b1f-5d0a-4b8e-9a61-2f4d8c9e0b17');
    const google = byTestId(root, 'account-google');
    expect(text(google)).toContain('“Web application”');
    expect([...google.querySelectorAll('.codes code')].map((c) => c.textContent)).toEqual(['https://www.googleapis.com/auth/calendar']);
  });

  it('lists both sides’ calendars with colours, marking read-only ones', () => {
    const calendars = section(showOptions().root, 'calendars');
    const google = byTestId(calendars, 'calendars-google');
    const rows = [...google.querySelectorAll('li')].map((li) => [...li.querySelectorAll('.name, .tag')].map((e) => e.textContent).join(' | '));
    expect(rows).toEqual(['Pat Lee | main', 'Family', 'Holidays in Germany | read-only · source only']);
    expect(google.querySelector<HTMLElement>('.swatch')?.style.background).toBe('#039be5');
  });

  it('explains each calendar list state: not connected, loading, unreachable, empty', async () => {
    const { root, actions } = showOptions(
      optionsModel({
        accounts: { google: account('google', 'signed-out'), microsoft: account('microsoft') },
        calendars: { google: { state: 'idle' }, microsoft: { state: 'error', message: 'Outlook did not answer (network error).' } },
      }),
    );
    expect(text(byTestId(root, 'calendars-google'))).toContain('Connect your Google account to see its calendars.');
    const microsoft = byTestId(root, 'calendars-microsoft');
    expect(text(microsoft.querySelector('[role="alert"]')!)).toContain('Could not load the calendars: Outlook did not answer (network error).');
    await click(button(microsoft, 'Try again'));
    expect(actions.reloadCalendars).toHaveBeenCalledWith('microsoft');
    const empty = showOptions(optionsModel({ calendars: { google: { state: 'loading' }, microsoft: { state: 'ready', value: [] } } })).root;
    expect(text(byTestId(empty, 'calendars-google'))).toContain('Loading…');
    expect(text(byTestId(empty, 'calendars-microsoft'))).toContain('This account has no calendars Tandem can see.');
  });
});
