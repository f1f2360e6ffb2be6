// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PairConfig } from '../../../src/shared/pair.ts';
import { PAIR, PAIR_2, account, result } from './fixtures.ts';
import { input, optionsActions, optionsModel, section, showOptions } from './options-fixtures.tsx';
import { button, byTestId, click, queryButton, settle, text, type } from './render.ts';

function pairs(root: HTMLElement): HTMLElement {
  return section(root, 'pairs');
}

describe('options: the pair list', () => {
  it('lists each pair with its calendars, settings summary and last result', () => {
    const results = { [PAIR.id]: result(), [PAIR_2.id]: result({ pairId: PAIR_2.id, ok: false, errors: [{ message: 'x', action: 'retry' }] }) };
    const { root } = showOptions(optionsModel({ pairs: [PAIR, PAIR_2], results }));
    const row = byTestId(root, 'pair-row-pair-1');
    expect([...row.querySelectorAll('.calendar .name')].map((n) => n.textContent)).toEqual(['Pat Lee', 'Calendar']);
    expect(text(row.querySelector('.pair-summary')!)).toBe('Full details · 30 days back, 365 ahead · Synced 5 minutes ago');
    expect(text(byTestId(root, 'pair-row-pair-2'))).toContain('Last sync 5 minutes ago had problems');
    expect(button(row, 'Edit Pat Lee ⇄ Calendar').getAttribute('aria-expanded')).toBe('false');
  });

  it('offers "Add a pair" only with both accounts connected', () => {
    const { root } = showOptions(optionsModel({ pairs: [], accounts: { google: account('google'), microsoft: account('microsoft', 'signed-out') } }));
    expect(text(pairs(root))).toContain('No pairs yet.');
    expect(button(pairs(root), 'Add a pair').disabled).toBe(true);
    expect(text(pairs(root))).toContain('Connect both accounts first.');
  });
});

describe('options: the pair editor', () => {
  it('creates a pair from the defaults on the main calendars', async () => {
    const { root, actions } = showOptions(optionsModel({ pairs: [] }));
    await click(button(pairs(root), 'Add a pair'));
    const editor = byTestId(root, 'pair-editor');
    expect(editor.getAttribute('aria-label')).toBe('New pair');
    expect((input(editor, 'Google calendar') as HTMLSelectElement).value).toBe('pat.lee@gmail.com');
    expect((input(editor, 'Outlook calendar') as HTMLSelectElement).value).toBe('AAMkCal1');
    await click(button(editor, 'Create pair'));
    expect(actions.savePair).toHaveBeenCalledOnce();
    const saved = actions.savePair.mock.calls[0]![0];
    expect(saved).toMatchObject({ id: 'new-pair', googleCalendarId: 'pat.lee@gmail.com', outlookCalendarId: 'AAMkCal1', direction: 'both', pastDays: 30, futureDays: 365 });
    expect(root.querySelector('[data-testid="pair-editor"]')).toBeNull();
  });

  it('marks read-only calendars, disables the directions they forbid and picks the one left', async () => {
    const { root } = showOptions(optionsModel({ pairs: [] }));
    await click(button(pairs(root), 'Add a pair'));
    const editor = byTestId(root, 'pair-editor');
    const google = input(editor, 'Google calendar') as HTMLSelectElement;
    expect([...google.options].map((o) => o.textContent)).toEqual(['Choose a calendar…', 'Pat Lee', 'Family', 'Holidays in Germany (read-only)']);
    await type(google, 'holidays');
    const radio = (value: string) => editor.querySelector<HTMLInputElement>(`input[name="pair-direction"][value="${value}"]`)!;
    expect([radio('both').disabled, radio('google-to-outlook').disabled, radio('outlook-to-google').disabled]).toEqual([true, false, true]);
    expect(radio('google-to-outlook').checked).toBe(true);
    expect(text(editor)).toContain('Not possible: the target calendar is read-only.');
  });

  it('shows bad input in place and saves nothing until it is fixed', async () => {
    const { root, actions } = showOptions();
    await click(button(byTestId(root, 'pair-row-pair-1'), 'Edit Pat Lee ⇄ Calendar'));
    const editor = byTestId(root, 'pair-editor');
    expect(editor.getAttribute('aria-label')).toBe('Edit pair');
    const regex = input(editor, 'Titles matching');
    await type(regex, '(Focus');
    expect(regex.getAttribute('aria-invalid')).toBe('true');
    expect(editor.querySelector('#pair-title-exclude-error')?.textContent).toMatch(/^This is not a valid regular expression: /);
    await type(input(editor, 'Days back'), 'thirty');
    expect(editor.querySelector('#pair-past-error')?.textContent).toBe('Enter a whole number from 0 to 3660.');
    await click(button(editor, 'Save changes'));
    expect(actions.savePair).not.toHaveBeenCalled();
    await type(regex, '^Focus');
    await type(input(editor, 'Days back'), '14');
    await click(button(editor, 'Save changes'));
    expect(actions.savePair).toHaveBeenCalledWith({ ...PAIR, pastDays: 14, filters: { ...PAIR.filters, titleExclude: '^Focus' } });
  });

  it('edits privacy, carried fields, filters and marking', async () => {
    const { root, actions } = showOptions();
    await click(button(byTestId(root, 'pair-row-pair-1'), 'Edit Pat Lee ⇄ Calendar'));
    const editor = byTestId(root, 'pair-editor');
    await click(editor.querySelector<HTMLInputElement>('#pair-field-color')!);
    await click(editor.querySelector<HTMLInputElement>('#pair-skipAllDay')!);
    await type(input(editor, 'Title prefix'), '[Home] ');
    await type(input(editor, 'Outlook category'), 'From Google');
    await type(input(editor, 'Google colour'), '7');
    await click(editor.querySelector<HTMLInputElement>('#pair-privacy-busy')!);
    expect(editor.querySelector('fieldset[disabled]')).not.toBeNull();
    const busy = input(editor, 'Placeholder text');
    await type(busy, '');
    expect(editor.querySelector('#pair-busy-title-error')?.textContent).toBe('Enter the text the placeholders show.');
    await type(busy, 'Away');
    await click(button(editor, 'Save changes'));
    const saved: PairConfig = actions.savePair.mock.calls[0]![0];
    expect(saved.privacy).toBe('busy');
    expect(saved.busyTitle).toBe('Away');
    expect(saved.fields).toContain('color');
    expect(saved.filters.skipAllDay).toBe(true);
    expect(saved.marking).toEqual({ titlePrefix: '[Home] ', outlookCategory: 'From Google', googleColor: '7' });
  });

  it('refuses to pair the same calendars twice, and shows the background’s refusal in place', async () => {
    const actions = optionsActions();
    actions.savePair.mockRejectedValueOnce(new Error('Google did not answer.'));
    const { root } = showOptions(optionsModel({ pairs: [PAIR] }), actions);
    await click(button(pairs(root), 'Add a pair'));
    const editor = byTestId(root, 'pair-editor');
    await click(button(editor, 'Create pair'));
    expect(editor.querySelector('#pair-outlook-error')?.textContent).toBe('These two calendars are already paired.');
    expect(actions.savePair).not.toHaveBeenCalled();
    await type(input(editor, 'Google calendar'), 'family');
    await click(button(editor, 'Create pair'));
    expect(editor.querySelector('.field-error[role="alert"]')?.textContent).toBe('Google did not answer.');
    expect(root.querySelector('[data-testid="pair-editor"]')).not.toBeNull();
  });

  it('says when a side has no calendars to pick', async () => {
    const { root } = showOptions(optionsModel({ pairs: [], calendars: { google: { state: 'ready', value: [] }, microsoft: { state: 'error', message: 'x' } } }));
    await click(button(pairs(root), 'Add a pair'));
    const editor = byTestId(root, 'pair-editor');
    expect((input(editor, 'Google calendar') as HTMLSelectElement).disabled).toBe(true);
    expect(editor.querySelectorAll('#pair-google-hint, #pair-outlook-hint')).toHaveLength(2);
    expect(text(editor)).toContain('No calendars to choose from: see “Calendars” above.');
  });

  it('opens the pair a link points at', async () => {
    const { root } = showOptions(optionsModel({ pairs: [PAIR, PAIR_2] }), optionsActions(), 'pair-2');
    await settle();
    const editor = byTestId(byTestId(root, 'pair-row-pair-2'), 'pair-editor');
    expect((input(editor, 'Google calendar') as HTMLSelectElement).value).toBe('family');
  });
});

describe('options: removing a pair', () => {
  it('asks what happens to the copies, with nothing chosen for the user', async () => {
    const { root, actions } = showOptions();
    await click(button(byTestId(root, 'pair-row-pair-1'), 'Remove Pat Lee ⇄ Calendar'));
    const dialog = byTestId(root, 'remove-dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(dialog.querySelector('h2')?.textContent).toBe('Remove “Pat Lee ⇄ Calendar”?');
    expect(button(dialog, 'Remove pair').disabled).toBe(true);
    await click(dialog.querySelector<HTMLInputElement>('#remove-mirrors-delete')!);
    await click(button(dialog, 'Remove pair'));
    expect(actions.removePair).toHaveBeenCalledWith('pair-1', 'delete');
    expect(root.querySelector('[data-testid="remove-dialog"]')).toBeNull();
  });

  it('can leave the copies, and cancel', async () => {
    const { root, actions } = showOptions();
    await click(button(byTestId(root, 'pair-row-pair-1'), 'Remove Pat Lee ⇄ Calendar'));
    await click(button(byTestId(root, 'remove-dialog'), 'Cancel'));
    expect(root.querySelector('[data-testid="remove-dialog"]')).toBeNull();
    await click(button(byTestId(root, 'pair-row-pair-1'), 'Remove Pat Lee ⇄ Calendar'));
    const dialog = byTestId(root, 'remove-dialog');
    await click(dialog.querySelector<HTMLInputElement>('#remove-mirrors-keep')!);
    await click(button(dialog, 'Remove pair'));
    expect(actions.removePair).toHaveBeenCalledWith('pair-1', 'keep');
  });

  it('keeps the dialog open with the reason when removing fails', async () => {
    const actions = optionsActions();
    actions.removePair.mockRejectedValueOnce(new Error('Some mirrors could not be deleted, so the pair was kept: Outlook, "Dentist": not found'));
    const { root } = showOptions(optionsModel(), actions);
    await click(button(byTestId(root, 'pair-row-pair-1'), 'Remove Pat Lee ⇄ Calendar'));
    const dialog = byTestId(root, 'remove-dialog');
    await click(dialog.querySelector<HTMLInputElement>('#remove-mirrors-delete')!);
    await click(button(dialog, 'Remove pair'));
    expect(dialog.querySelector('[role="alert"]')?.textContent).toMatch(/^Some mirrors could not be deleted/);
    expect(queryButton(dialog, 'Remove pair')?.disabled).toBe(false);
  });
});
