// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Loaded } from '../../../src/shared/ui/Loaded.tsx';
import './i18n-fake.ts';

function show(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('<Loaded>', () => {
  it('shows a loading line, then the content', () => {
    expect(show(<Loaded value={{ state: 'loading' }}>{() => <b>x</b>}</Loaded>).textContent).toBe('Loading…');
    expect(show(<Loaded value={{ state: 'ready', value: 42 }}>{(n) => <b>{n + 1}</b>}</Loaded>).innerHTML).toBe('<b>43</b>');
  });

  it('announces an error as an alert, as text', () => {
    const root = show(<Loaded value={{ state: 'error', message: '<img src=x onerror=alert(1)>' }}>{() => null}</Loaded>);
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });
});
