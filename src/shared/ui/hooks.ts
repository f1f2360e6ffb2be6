/** Small hooks shared by the popup and the options page. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Loadable<T> = { readonly state: 'loading' } | { readonly state: 'ready'; readonly value: T } | { readonly state: 'error'; readonly message: string };

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether the component is still mounted (to drop answers that arrive after it is gone). */
export function useMounted(): { readonly current: boolean } {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

export interface Action<A extends unknown[]> {
  /** Starts the action unless it is already running. */
  readonly run: (...args: A) => void;
  readonly busy: boolean;
  /** The last failure in plain words, until the next run. */
  readonly error: string | null;
  /** True once the last run succeeded (for a short "Saved" line). */
  readonly done: boolean;
}

/** A button's action: busy while it runs, its error shown in place, never thrown away. */
export function useAction<A extends unknown[]>(perform: (...args: A) => Promise<unknown>): Action<A> {
  const [state, setState] = useState<{ busy: boolean; error: string | null; done: boolean }>({ busy: false, error: null, done: false });
  const mounted = useMounted();
  const running = useRef(false);
  const latest = useRef(perform);
  latest.current = perform;
  const run = useCallback((...args: A) => {
    if (running.current) return;
    running.current = true;
    setState({ busy: true, error: null, done: false });
    latest.current(...args).then(
      () => mounted.current && setState({ busy: false, error: null, done: true }),
      (error: unknown) => mounted.current && setState({ busy: false, error: messageOf(error), done: false }),
    ).finally(() => {
      running.current = false;
    });
  }, [mounted]);
  return { run, ...state };
}
