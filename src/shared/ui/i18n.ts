/**
 * Every string the popup and the options page show comes from `_locales/<lang>/messages.json`
 * through chrome.i18n, so the UI can be translated without touching code. The keys are typed from
 * the English file: a missing string is a compile error, not a blank label.
 *
 * One of the UI's two browser seams (with messaging/ui-client.ts): listed in BROWSER_SEAMS.
 */
import type messages from '../../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** The message in the browser's UI language, with up to nine substitutions ($1…$9 in the file). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = chrome.i18n.getMessage(key, substitutions.map(String));
  // Chrome answers "" for a key its bundle lacks; showing the key makes the gap visible.
  return text || key;
}

/** The browser's UI language (e.g. "en-US"), for dates and numbers formatted with Intl. */
export function uiLanguage(): string {
  return chrome.i18n.getUILanguage();
}
