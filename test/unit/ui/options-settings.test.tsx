// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { input, optionsActions, optionsModel, REDIRECT_URI, section, showOptions } from './options-fixtures.tsx';
import { button, byTestId, click, settle, text, type } from './render.ts';

describe('options: sync schedule', () => {
  it('takes a whole number of minutes from 1 to 60', async () => {
    const { root, actions } = showOptions();
    const sync = section(root, 'sync');
    const field = input(sync, 'Sync every (minutes)');
    expect(field.value).toBe('5');
    await type(field, '90');
    expect(sync.querySelector('#sync-interval-error')?.textContent).toBe('Enter a whole number from 1 to 60.');
    expect(button(sync, 'Save schedule').disabled).toBe(true);
    await type(field, '15');
    await click(button(sync, 'Save schedule'));
    expect(actions.saveSettings).toHaveBeenCalledWith({ syncIntervalMinutes: 15 });
    expect(text(sync)).toContain('Saved.');
  });
});

describe('options: backup and diagnostics', () => {
  it('exports the settings and downloads the diagnostics', async () => {
    const { root, actions } = showOptions();
    const backup = section(root, 'backup');
    await click(button(backup, 'Export settings'));
    expect(actions.exportSettings).toHaveBeenCalledOnce();
    expect(text(backup)).toContain('Settings saved to your downloads.');
    await click(button(backup, 'Download diagnostics'));
    expect(actions.downloadDiagnostics).toHaveBeenCalledOnce();
    expect(text(backup)).toContain('Diagnostics saved to your downloads.');
  });

  it('imports a chosen file and reports a bad one in place', async () => {
    const actions = optionsActions();
    const { root } = showOptions(optionsModel(), actions);
    const backup = section(root, 'backup');
    const picker = backup.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(picker.closest('label')?.textContent).toContain('Import settings…');
    const choose = async (content: string): Promise<void> => {
      const file = new File([content], 'tandem-settings.json', { type: 'application/json' });
      Object.defineProperty(picker, 'files', { value: [file], configurable: true });
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      for (let i = 0; i < 5; i++) await settle();
    };
    await choose('{"format":"tandem-settings"}');
    expect(actions.importSettings).toHaveBeenCalledWith('{"format":"tandem-settings"}');
    expect(text(byTestId(backup, 'import-status'))).toContain('Settings imported.');
    actions.importSettings.mockRejectedValueOnce(new Error('This is not a Tandem settings file.'));
    await choose('{}');
    expect(backup.querySelector('#import-status [role="alert"]')?.textContent).toBe('Could not import this file: This is not a Tandem settings file.');
  });
});

describe('options: about', () => {
  it('shows the version, the build, the redirect URI and the endpoints', () => {
    const about = section(showOptions().root, 'about');
    expect(text(about)).toContain('0.1.0');
    expect(text(about)).toContain('Production');
    expect(byTestId(about, 'redirect-uri').textContent).toBe(REDIRECT_URI);
    expect(text(about)).toContain('https://graph.microsoft.com/v1.0');
  });
});
