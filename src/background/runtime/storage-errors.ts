/** Storage failures the runtime reports in plain words (never swallowed). */
export class StorageFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageFullError';
  }
}

/** chrome.storage reports a full area as an Error whose message names the quota. */
export function isQuotaMessage(error: unknown): boolean {
  return error instanceof Error && /QUOTA_BYTES|quota/i.test(error.message);
}
