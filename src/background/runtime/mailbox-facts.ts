/**
 * Where the Graph adapter keeps the mailbox's zone and calendar facts between service workers:
 * in the engine's state store (IndexedDB: extension contexts only, never a page or content
 * script), one entry per signed-in mailbox so another account never reads them.
 */
import type { MailboxFactsCache, StoredMailboxFacts } from '../providers/graph/mailbox.ts';
import type { KeyValueStore } from '../sync/ports.ts';

export const MAILBOX_FACTS_PREFIX = 'tandem/graph-facts/';

export function mailboxFactsCache(store: KeyValueStore, address: () => Promise<string | null>): MailboxFactsCache {
  const keyOf = async (): Promise<string | null> => {
    const mailbox = await address();
    return mailbox ? `${MAILBOX_FACTS_PREFIX}${mailbox.toLowerCase()}` : null;
  };
  return {
    async read() {
      const key = await keyOf();
      if (!key) return null;
      const value = (await store.get([key]))[key];
      return isFacts(value) ? value : null;
    },
    async write(facts) {
      const key = await keyOf();
      if (key) await store.set({ [key]: facts });
    },
  };
}

/** Stored by an older version, or damaged: read as nothing (the facts are simply read again). */
function isFacts(value: unknown): value is StoredMailboxFacts {
  if (typeof value !== 'object' || value === null) return false;
  const { zone, calendars } = value as Record<string, unknown>;
  const entry = (e: unknown): boolean => typeof e === 'object' && e !== null && typeof (e as { at?: unknown }).at === 'number' && typeof (e as { value?: unknown }).value === 'object';
  return (zone === undefined || entry(zone)) && (calendars === undefined || (typeof calendars === 'object' && calendars !== null && Object.values(calendars).every(entry)));
}
