import { useEffect, useState } from 'preact/hooks';
import { ask } from '../shared/messaging/ui-client.ts';
import { parseOptionsHash } from '../shared/ui/options-link.ts';
import { datedName, downloadText } from './download.ts';
import type { OptionsActions } from './model.ts';
import { OptionsView } from './OptionsView.tsx';
import { useOptionsData } from './use-options-data.ts';

/** The options page's container: the typed messages on one side, the pure view on the other. */
export function OptionsApp() {
  const { model, setBase, setAccount, loadCalendars } = useOptionsData();
  const focusPair = useHashTarget(model.state === 'ready');
  const actions: OptionsActions = {
    // Sent from the user's click: the background opens the sign-in window.
    signIn: async (provider) => setAccount(await ask('accounts/signIn', { provider })),
    signOut: async (provider) => setAccount(await ask('accounts/signOut', { provider })),
    saveSettings: async (patch) => {
      const settings = await ask('settings/set', { settings: patch });
      setBase((b) => ({ ...b, settings }));
    },
    reloadCalendars: loadCalendars,
    savePair: async (pair) => {
      const saved = await ask('pairs/save', { pair });
      setBase((b) => ({ ...b, pairs: b.pairs.some((p) => p.id === saved.id) ? b.pairs.map((p) => (p.id === saved.id ? saved : p)) : [...b.pairs, saved] }));
    },
    removePair: async (pairId, mirrors) => {
      await ask('pairs/remove', { pairId, mirrors });
      setBase((b) => ({ ...b, pairs: b.pairs.filter((p) => p.id !== pairId) }));
    },
    exportSettings: async () => downloadText(datedName('tandem-settings', 'json'), await ask('settings/export'), 'application/json'),
    importSettings: async (json) => {
      const { pairs } = await ask('settings/import', { json });
      const [settings, list] = await Promise.all([ask('settings/get'), ask('pairs/list')]);
      setBase((b) => ({ ...b, settings, pairs: list }));
      return pairs;
    },
    downloadDiagnostics: async () => downloadText(datedName('tandem-diagnostics', 'jsonl'), await ask('diagnostics/get'), 'application/x-ndjson'),
    copyText: (text) => navigator.clipboard.writeText(text),
  };
  return <OptionsView model={model} actions={actions} focusPair={focusPair} />;
}

/**
 * Follows the URL's fragment: a section (#accounts) is scrolled to once the page has rendered; a
 * pair (#pair=<id>) is returned for the pairs section to open in the editor.
 */
function useHashTarget(ready: boolean): string | null {
  const [pair, setPair] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) return undefined;
    const follow = (): void => {
      const target = parseOptionsHash(location.hash);
      setPair(target && 'pair' in target ? target.pair : null);
      if (target && 'section' in target) document.getElementById(target.section)?.scrollIntoView();
    };
    follow();
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, [ready]);
  return pair;
}
