/**
 * The calendar tabs our content script has talked from, so they can be told when states change
 * (sync finished, a nudge accepted). Only tabs that asked are told; a tab that no longer answers is
 * forgotten.
 */
import { CONTENT_PROTOCOL_VERSION, type BackgroundToContent } from '../../shared/messaging/content-protocol.ts';

const TAB_LIMIT = 100;
const FORGET_AFTER_MS = 3_600_000;

export class TabRegistry {
  private readonly tabs = new Map<number, number>();

  constructor(
    private readonly send: (tabId: number, message: BackgroundToContent) => Promise<void>,
    private readonly now: () => number,
  ) {}

  /** Whether any calendar tab is listening (else nothing needs the index until one asks). */
  get empty(): boolean {
    return this.tabs.size === 0;
  }

  seen(tabId: number): void {
    this.tabs.delete(tabId);
    this.tabs.set(tabId, this.now());
    if (this.tabs.size > TAB_LIMIT) {
      const oldest = this.tabs.keys().next();
      if (!oldest.done) this.tabs.delete(oldest.value);
    }
  }

  notify(version: number): void {
    const message: BackgroundToContent = { v: CONTENT_PROTOCOL_VERSION, type: 'badges/changed', version };
    for (const [tabId, at] of this.tabs) {
      if (this.now() - at > FORGET_AFTER_MS) {
        this.tabs.delete(tabId);
        continue;
      }
      void this.send(tabId, message).catch(() => this.tabs.delete(tabId));
    }
  }
}
