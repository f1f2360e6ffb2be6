/** Rendering helpers for component tests (happy-dom): mount, find by role and name, act. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import './i18n-fake.ts';

export function mount(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  void act(() => render(node, root));
  return root;
}

export function rerender(root: HTMLElement, node: ComponentChild): void {
  void act(() => render(node, root));
}

/** The accessible name the way tests need it: aria-label, else the text. */
function nameOf(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(' ').map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ').trim();
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
}

export function buttons(root: ParentNode): HTMLButtonElement[] {
  return [...root.querySelectorAll('button')];
}

export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = buttons(root).filter((b) => (typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b))));
  if (found.length !== 1) throw new Error(`expected one button "${String(name)}", found ${found.length}: ${buttons(root).map(nameOf).join(' | ')}`);
  return found[0]!;
}

export function queryButton(root: ParentNode, name: string): HTMLButtonElement | undefined {
  return buttons(root).find((b) => nameOf(b) === name);
}

export function text(root: Element): string {
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function byTestId(root: ParentNode, id: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!found) throw new Error(`no element with data-testid="${id}"`);
  return found;
}

/** Clicks and lets effects, state updates and resolved promises settle. */
export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
    await ticks();
  });
}

export async function settle(): Promise<void> {
  await act(ticks);
}

async function ticks(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** Types into an input or picks an option, firing the events Preact listens to. */
export async function type(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
    await ticks();
  });
}

export async function toggle(element: HTMLInputElement): Promise<void> {
  await click(element);
}
