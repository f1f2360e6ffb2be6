/** The options page's mock model and recorded actions. */
import { vi } from 'vitest';
import type { OptionsActions, OptionsModel } from '../../../src/options/model.ts';
import { OptionsView } from '../../../src/options/OptionsView.tsx';
import type { Loadable } from '../../../src/shared/ui/hooks.ts';
import { GOOGLE_CALENDARS, NOW, OUTLOOK_CALENDARS, PAIR, SIGNED_IN, result } from './fixtures.ts';
import { mount } from './render.ts';

export const REDIRECT_URI = 'https://nlbikdfbadfllbfnnjfbffaihjhkbomc.chromiumapp.org/';

export function optionsModel(patch: Partial<OptionsModel> = {}): OptionsModel {
  return {
    status: { version: '0.1.0', simulatorBuild: false, redirectUri: REDIRECT_URI, endpoints: { googleApi: 'https://www.googleapis.com/calendar/v3', graphApi: 'https://graph.microsoft.com/v1.0' } },
    settings: { googleClientId: '', microsoftClientId: '', microsoftTenant: 'common', syncIntervalMinutes: 5 },
    accounts: SIGNED_IN,
    pairs: [PAIR],
    results: { [PAIR.id]: result() },
    calendars: { google: { state: 'ready', value: GOOGLE_CALENDARS }, microsoft: { state: 'ready', value: OUTLOOK_CALENDARS } },
    defaultClientIds: { google: 'tandem-default.apps.googleusercontent.com', microsoft: '7c3e6b1f-5d0a-4b8e-9a61-2f4d8c9e0b17' },
    now: NOW,
    ...patch,
  };
}

export function optionsActions() {
  return {
    signIn: vi.fn<OptionsActions['signIn']>(() => Promise.resolve()),
    signOut: vi.fn<OptionsActions['signOut']>(() => Promise.resolve()),
    saveSettings: vi.fn<OptionsActions['saveSettings']>(() => Promise.resolve()),
    reloadCalendars: vi.fn<OptionsActions['reloadCalendars']>(),
    savePair: vi.fn<OptionsActions['savePair']>(() => Promise.resolve()),
    removePair: vi.fn<OptionsActions['removePair']>(() => Promise.resolve()),
    exportSettings: vi.fn<OptionsActions['exportSettings']>(() => Promise.resolve()),
    importSettings: vi.fn<OptionsActions['importSettings']>(() => Promise.resolve(2)),
    downloadDiagnostics: vi.fn<OptionsActions['downloadDiagnostics']>(() => Promise.resolve()),
    copyText: vi.fn<OptionsActions['copyText']>(() => Promise.resolve()),
  };
}

export function showOptions(model: Loadable<OptionsModel> | OptionsModel = optionsModel(), actions = optionsActions(), focusPair: string | null = null) {
  const value: Loadable<OptionsModel> = 'state' in model ? model : { state: 'ready', value: model };
  const root = mount(<OptionsView model={value} actions={actions} focusPair={focusPair} newId={() => 'new-pair'} />);
  return { root, actions };
}

export function section(root: HTMLElement, id: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`section#${id}`);
  if (!found) throw new Error(`no section #${id}`);
  return found;
}

export function input(root: ParentNode, label: string): HTMLInputElement | HTMLSelectElement {
  const labelElement = [...root.querySelectorAll('label')].find((l) => (l.textContent ?? '').trim().startsWith(label));
  const id = labelElement?.getAttribute('for');
  const control = id ? root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${CSS.escape(id)}`) : null;
  if (!control) throw new Error(`no control labelled "${label}"`);
  return control;
}
