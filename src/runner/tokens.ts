/**
 * Tokens handed to the runner in the environment. They cannot be renewed here, so a rejected token
 * ends the run with a clear "sign in again" error instead of retrying.
 */
import { AuthRequiredError } from '../background/sync/errors.ts';
import type { TokenSource } from '../background/sync/ports.ts';

export class StaticTokenSource implements TokenSource {
  private rejected = false;

  constructor(
    private readonly token: string,
    private readonly variable: string,
  ) {}

  getToken(): Promise<string> {
    if (this.rejected) return Promise.reject(new AuthRequiredError(`The token in ${this.variable} was rejected (expired or revoked). Get a new one and run again.`));
    return Promise.resolve(this.token);
  }

  invalidate(token: string): Promise<void> {
    if (token === this.token) this.rejected = true;
    return Promise.resolve();
  }
}

/** Counts the HTTP requests a provider makes (the runner reports them). */
export function countingFetch(counter: { count: number }, inner: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    counter.count++;
    return inner(input, init);
  };
}
