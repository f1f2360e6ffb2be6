/**
 * Where in the options page to land: the popup's "Sign in" and "Check settings" buttons open the
 * page at the part that fixes the problem. Carried in the URL's fragment.
 */
export type OptionsTarget = { readonly section: 'accounts' | 'calendars' | 'pairs' | 'sync' | 'backup' } | { readonly pair: string };

export function optionsHash(target: OptionsTarget): string {
  return 'pair' in target ? `#pair=${encodeURIComponent(target.pair)}` : `#${target.section}`;
}

export function parseOptionsHash(hash: string): OptionsTarget | null {
  const pair = /^#pair=(.+)$/.exec(hash);
  if (pair?.[1]) {
    try {
      return { pair: decodeURIComponent(pair[1]) };
    } catch {
      return null;
    }
  }
  const section = hash.slice(1);
  return section === 'accounts' || section === 'calendars' || section === 'pairs' || section === 'sync' || section === 'backup' ? { section } : null;
}
