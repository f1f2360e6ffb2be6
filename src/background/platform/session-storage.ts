/**
 * chrome.storage.session: in memory, cleared when the browser closes or the extension reloads, and
 * (by default, never widened here) readable only by the worker and extension pages. Tokens go here.
 */
import type { StorageAreaLike } from '../auth/platform.ts';

export const sessionArea: StorageAreaLike = {
  get: (keys) => chrome.storage.session.get(keys),
  set: (items) => chrome.storage.session.set(items),
  remove: (keys) => chrome.storage.session.remove(keys),
};
