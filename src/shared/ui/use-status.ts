import { useEffect, useState } from 'preact/hooks';
import { ask } from '../messaging/ui-client.ts';
import type { StatusSnapshot } from '../messaging/protocol.ts';

export type Loadable<T> = { readonly state: 'loading' } | { readonly state: 'ready'; readonly value: T } | { readonly state: 'error'; readonly message: string };

/** Loads the background's status snapshot once for a page. */
export function useStatus(): Loadable<StatusSnapshot> {
  const [status, setStatus] = useState<Loadable<StatusSnapshot>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    ask('status/get').then(
      (value) => live && setStatus({ state: 'ready', value }),
      (error: unknown) => live && setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return status;
}
