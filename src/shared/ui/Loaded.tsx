import type { ComponentChildren } from 'preact';
import type { Loadable } from './hooks.ts';
import { t } from './i18n.ts';

interface Props<T> {
  readonly value: Loadable<T>;
  readonly children: (value: T) => ComponentChildren;
}

/** Renders a loading line, an error alert, or the children once the value is ready. */
export function Loaded<T>({ value, children }: Props<T>) {
  switch (value.state) {
    case 'loading':
      return (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      );
    case 'error':
      return (
        <p class="error" role="alert">
          {value.message}
        </p>
      );
    case 'ready':
      return <>{children(value.value)}</>;
  }
}
