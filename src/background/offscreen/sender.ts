/** Who may drive the MSAL host: our own worker or extension pages — never a content script. */
export interface SenderLike {
  readonly id?: string | undefined;
  readonly url?: string | undefined;
  readonly tab?: unknown;
}

export function isTrustedSender(sender: SenderLike, extensionId: string): boolean {
  // A content script is part of our extension too (same id), but its sender has a tab and the
  // web page's URL.
  if (sender.id !== extensionId || sender.tab !== undefined || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'chrome-extension:' && url.host === extensionId;
  } catch {
    return false;
  }
}
