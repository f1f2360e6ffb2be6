import { useEffect, useState } from 'preact/hooks';
import { ask } from '../messaging/ui-client.ts';
import type { StatusSnapshot } from '../messaging/protocol.ts';
import { messageOf, type Loadable } from './hooks.ts';

export type { Loadable } from './hooks.ts';

/** Loads the background's status snapshot once for a page. */
export function useStatus(): Loadable<StatusSnapshot> {
  const [status, setStatus] = useState<Loadable<StatusSnapshot>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    ask('status/get').then(
      (value) => live && setStatus({ state: 'ready', value }),
      (error: unknown) => live && setStatus({ state: 'error', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return status;
}
