/**
 * One badge: a host `<span data-tandem-badge="<state>">` holding a closed shadow root, so the
 * page's styles cannot reach in and the page's scripts cannot read or restyle it. Every string is
 * set through textContent or setAttribute: event text is attacker-controlled (content-dom.md §3.3),
 * and although the badge shows none, nothing here is ever parsed as HTML.
 */
import type { BadgeView } from '../shared/messaging/content-protocol.ts';
import type { BadgeText } from './badge-text.ts';

export const BADGE_ATTR = 'data-tandem-badge';

const CSS =
  ':host{all:initial}' +
  '.b{display:inline-block;box-sizing:border-box;min-width:14px;height:14px;padding:0 3px;border-radius:7px;' +
  'font:700 10px/14px system-ui,sans-serif;text-align:center;color:#fff;background:#188038;' +
  'box-shadow:0 0 0 1px rgba(255,255,255,.9);cursor:default;user-select:none}' +
  '.b.link{cursor:pointer}.pending{background:#5f6368}.conflict{background:#b06000}.excluded{background:#80868b}.error{background:#d93025}';

// Inline and !important on the host: page rules for `span` must not move or hide it.
const HOST_STYLES = {
  corner: 'position:absolute!important;top:1px!important;right:1px!important;z-index:1!important;display:block!important;margin:0!important;padding:0!important;line-height:0!important;pointer-events:auto!important',
  inline: 'position:static!important;display:inline-block!important;margin:0 0 0 6px!important;padding:0!important;vertical-align:middle!important;line-height:0!important',
} as const;

let shared: CSSStyleSheet | null | undefined;

/** One constructed stylesheet shared by every badge (a `<style>` per badge where unsupported). */
function sharedSheet(): CSSStyleSheet | null {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS);
    } catch {
      shared = null;
    }
  }
  return shared;
}

export interface BadgeSpec {
  readonly view: BadgeView;
  readonly text: BadgeText;
  readonly placement: 'corner' | 'inline';
  /** Opens the counterpart; called only for a view with a URL. */
  readonly open: (url: string) => void;
}

export function createBadge(doc: Document, spec: BadgeSpec): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(BADGE_ATTR, spec.view.state);
  host.setAttribute('style', HOST_STYLES[spec.placement]);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = sharedSheet();
  if (sheet && 'adoptedStyleSheets' in root) {
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
  const mark = doc.createElement('span');
  mark.className = `b ${spec.view.state}`;
  mark.textContent = spec.text.mark;
  mark.setAttribute('role', 'img');
  mark.setAttribute('aria-label', spec.text.label);
  mark.setAttribute('title', spec.text.tooltip);
  root.append(mark);
  const url = spec.view.counterpart.url;
  if (url) {
    mark.classList.add('link');
    // The chip under the badge opens its own dialog or starts a drag: the badge's click is ours.
    const stop = (event: Event): void => event.stopPropagation();
    host.addEventListener('mousedown', stop);
    host.addEventListener('pointerdown', stop);
    host.addEventListener('click', (event) => {
      event.stopPropagation();
      event.preventDefault();
      spec.open(url);
    });
  }
  return host;
}
