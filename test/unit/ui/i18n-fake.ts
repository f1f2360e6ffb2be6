/**
 * chrome.i18n for component tests, with Chrome's semantics over the real English messages.json:
 * named placeholders ($NAME$) resolve to their content, then $1…$9 to the substitutions. An
 * unknown key answers "" as Chrome does (the UI then shows the key, which tests would catch).
 */
import messages from '../../../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const bundle = messages as Record<string, Entry>;

export function getMessage(key: string, substitutions: string | string[] = []): string {
  const entry = bundle[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? match);
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
}

const fake = { i18n: { getMessage, getUILanguage: () => 'en-US' } };
Object.assign(globalThis, { chrome: { ...(globalThis as { chrome?: object }).chrome, ...fake } });
