/** The pair settings are shared with the UI (src/shared/pair.ts); the engine reads them from there. */
import type { OptionalField } from '../../shared/pair.ts';
import type { SyncedField } from './model.ts';

export * from '../../shared/pair.ts';

/** Compile-time check: every optional field of a pair is a field the engine syncs. */
export type OptionalFieldsAreSynced = OptionalField extends SyncedField ? true : never;
export const OPTIONAL_FIELDS_ARE_SYNCED: OptionalFieldsAreSynced = true;
