/**
 * One badge: a host `<span data-tandem-badge="<state>">` holding a closed shadow root, so the
 * page's styles cannot reach in and the page's scripts cannot read or restyle it. Every string is
 * set through textContent or setAttribute: event text is attacker-controlled (content-dom.md §3.3),
 * and although the badge shows none, nothing here is ever parsed as HTML. Badges are cheap to make
 * (hundreds per view): one shared stylesheet, no listener of their own (badge-events.ts), and the
 * tooltip is written on first hover.
 */
import type { BadgeView } from '../shared/messaging/content-protocol.ts';
import { badgeLabel, badgeMark } from './badge-text.ts';

export const BADGE_ATTR = 'data-tandem-badge';
const PLACE_ATTR = 'data-tandem-place';

// Host rules are !important inside the shadow tree: those beat the page's rules for `span`, even
// its !important ones (CSS Scoping: for important declarations the inner context wins).
const CSS =
  ':host{all:initial!important;position:absolute!important;top:1px!important;right:1px!important;z-index:1!important;' +
  'display:block!important;line-height:0!important;pointer-events:auto!important}' +
  `:host([${PLACE_ATTR}="inline"]){position:static!important;display:inline-block!important;margin-left:6px!important;vertical-align:middle!important}` +
  '.b{display:inline-block;box-sizing:border-box;min-width:14px;height:14px;padding:0 3px;border-radius:7px;' +
  'font:700 10px/14px system-ui,sans-serif;text-align:center;color:#fff;background:#188038;' +
  'box-shadow:0 0 0 1px rgba(255,255,255,.9);cursor:default;user-select:none}' +
  '.b.link{cursor:pointer}.pending{background:#5f6368}.conflict{background:#b06000}.excluded{background:#80868b}.error{background:#d93025}';

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

export interface Badge {
  readonly host: HTMLElement;
  /** The element inside the shadow root that carries the label and the tooltip. */
  readonly mark: HTMLElement;
}

export function createBadge(doc: Document, view: BadgeView, placement: 'corner' | 'inline'): Badge {
  const host = doc.createElement('span');
  host.setAttribute(BADGE_ATTR, view.state);
  if (placement === 'inline') host.setAttribute(PLACE_ATTR, 'inline');
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
  mark.className = view.counterpart.url ? `b ${view.state} link` : `b ${view.state}`;
  mark.textContent = badgeMark(view);
  mark.setAttribute('role', 'img');
  mark.setAttribute('aria-label', badgeLabel(view));
  root.append(mark);
  return { host, mark };
}

/** One of our badge hosts (whose own mutations the observer ignores). */
export function isBadge(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(BADGE_ATTR);
}

export function onlyBadges(nodes: NodeList): boolean {
  for (const node of nodes) if (!isBadge(node)) return false;
  return true;
}
