/**
 * The layout of what the runtime keeps in chrome.storage.local and IndexedDB has a version.
 * Every wake runs the migrations from the stored version to the current one before anything
 * reads state; a version newer than this code knows (a downgrade) stops syncing rather than
 * misreading state.
 */
import type { KeyValueStore } from '../sync/ports.ts';

export const SCHEMA_KEY = 'schema';
export const CURRENT_SCHEMA = 1;

export interface Migration {
  /** The schema version this migration produces. */
  readonly to: number;
  readonly describe: string;
  run(local: KeyValueStore, state: KeyValueStore): Promise<void>;
}

/** In order; each migrates from `to - 1`. Version 1 is the first release, so none yet. */
export const MIGRATIONS: readonly Migration[] = [];

export class NewerSchemaError extends Error {
  constructor(found: number) {
    super(`Tandem's saved data is from a newer version (schema ${found}, this version knows ${CURRENT_SCHEMA}). Update the extension to keep syncing.`);
    this.name = 'NewerSchemaError';
  }
}

export async function migrate(local: KeyValueStore, state: KeyValueStore, migrations: readonly Migration[] = MIGRATIONS, current = CURRENT_SCHEMA): Promise<number> {
  const stored = (await local.get([SCHEMA_KEY]))[SCHEMA_KEY];
  let version = typeof stored === 'number' ? stored : 0;
  if (version > current) throw new NewerSchemaError(version);
  // No version key: a fresh install (every release has written one), which starts current.
  if (version === 0) version = current;
  for (const migration of migrations) {
    if (migration.to <= version || migration.to > current) continue;
    await migration.run(local, state);
    version = migration.to;
    await local.set({ [SCHEMA_KEY]: version });
  }
  if (version !== stored) await local.set({ [SCHEMA_KEY]: version });
  return version;
}
