/**
 * The content script's pipeline: one MutationObserver that only collects what changed, one flush
 * per animation frame that finds the items in the changed subtrees and decorates them, batched
 * lookups for items not yet known, and a quiet-time check that turns user edits into a nudge.
 * The hot path reads attributes and text only — never layout.
 */
import type { Lookup, StateTimers } from './states.ts';
import { ViewCache } from './states.ts';
import { BADGE_ATTR } from './badge.ts';
import { ChangeWatch, type Shown } from './changes.ts';
import { Decorator } from './decorate.ts';
import { Nudger, type SendNudge } from './nudger.ts';
import type { FoundItem, Surface } from './surface.ts';

export interface ContentTransport {
  readonly lookup: Lookup;
  readonly nudge: SendNudge;
  /** Calls `listener` when the background says its states changed; returns the unsubscribe. */
  onChanged(listener: () => void): () => void;
}

export interface ControllerDeps {
  readonly doc: Document;
  readonly surface: Surface;
  readonly transport: ContentTransport;
  /** requestAnimationFrame in the page (tests pass their own). */
  readonly frame: (callback: () => void) => void;
  readonly timers: StateTimers & { clearTimeout(handle: unknown): void };
  readonly localZone: string;
  readonly open: (url: string) => void;
  /** How long the page must be still before edits are looked for. */
  readonly quietMs?: number;
}

export interface Controller {
  readonly decorator: Decorator;
  /** Items currently tracked, by element (tests and measurements). */
  readonly tracked: ReadonlyMap<Element, FoundItem>;
  stop(): void;
}

/** More dirty roots than this in one frame: one scan of the document is cheaper. */
const FULL_SCAN = 300;

export function startController(deps: ControllerDeps): Controller {
  const { doc, surface, timers } = deps;
  const tracked = new Map<Element, FoundItem>();
  const dirty = new Set<Node>([doc]);
  const decorator = new Decorator(doc, deps.localZone, deps.open);
  const cache = new ViewCache(deps.transport.lookup, (keys) => ours(() => redecorate(keys)), timers);
  const watch = new ChangeWatch();
  const nudger = new Nudger(deps.transport.nudge, timers);
  let scheduled = false;
  let removals = false;
  let saveSeen = false;
  let stopped = false;
  let quietTimer: unknown = null;

  const observer = new MutationObserver(collect);

  function collect(records: readonly MutationRecord[]): void {
    for (const record of records) {
      const target = record.type === 'characterData' ? record.target.parentElement : record.target;
      if (!target || isBadge(target)) continue;
      if (record.type === 'childList') {
        if (record.removedNodes.length > 0) removals = true;
        // Our own insertions; a badge the page removed is a reason to look again.
        if (record.removedNodes.length === 0 && onlyBadges(record.addedNodes)) continue;
      }
      dirty.add(target);
      if (record.type !== 'attributes' && target.nodeType === 1 && surface.isSaveNotice(target as Element)) saveSeen = true;
    }
    schedule();
  }

  function schedule(): void {
    if (scheduled || stopped || (dirty.size === 0 && !saveSeen)) return;
    scheduled = true;
    deps.frame(flush);
  }

  /** Runs our own DOM work so that the records it causes are dropped, not re-processed. */
  function ours(work: () => void): void {
    collect(observer.takeRecords());
    work();
    observer.takeRecords();
  }

  function flush(): void {
    scheduled = false;
    if (stopped) return;
    ours(() => {
      const seen = new Set<Element>();
      for (const root of roots()) {
        for (const item of surface.find(root)) {
          if (seen.has(item.element)) continue;
          seen.add(item.element);
          track(item);
        }
        if (root.nodeType === 1) dropIfGone(root as Element, seen);
      }
      if (removals) {
        removals = false;
        for (const element of tracked.keys()) if (!element.isConnected) tracked.delete(element);
      }
    });
    cache.pump();
    if (saveSeen) {
      saveSeen = false;
      nudger.nudge('save', [], []);
    }
    armQuietCheck();
  }

  function roots(): (Element | Document)[] {
    const out = new Set<Element | Document>();
    for (const node of dirty) {
      if (node === doc || out.size > FULL_SCAN) {
        dirty.clear();
        return [doc];
      }
      if (node.isConnected && node.nodeType === 1) out.add(surface.enclosingItem(node as Element) ?? (node as Element));
    }
    dirty.clear();
    return [...out];
  }

  function track(item: FoundItem): void {
    const previous = tracked.get(item.element);
    if (previous && previous.target !== item.target) decorator.clear(previous.target);
    tracked.set(item.element, item);
    cache.want(item.key, item.query);
    decorator.apply(item, cache.get(item.key));
  }

  /** An element that was an item and is no longer one (its id became a task's, say). */
  function dropIfGone(root: Element, seen: ReadonlySet<Element>): void {
    const previous = tracked.get(root);
    if (!previous || seen.has(root)) return;
    tracked.delete(root);
    decorator.clear(previous.target);
  }

  function redecorate(keys: ReadonlySet<string>): void {
    for (const item of tracked.values()) if (keys.has(item.key)) decorator.apply(item, cache.get(item.key));
  }

  function armQuietCheck(): void {
    if (quietTimer !== null) timers.clearTimeout(quietTimer);
    quietTimer = timers.setTimeout(() => {
      quietTimer = null;
      if (!stopped) checkForEdits();
    }, deps.quietMs ?? 700);
  }

  function checkForEdits(): void {
    const shown = new Map<string, Shown>();
    for (const item of tracked.values()) {
      if (item.fingerprint !== null && item.element.isConnected) shown.set(item.key, { fingerprint: item.fingerprint, calendar: item.calendar, id: item.changeId });
    }
    const summary = watch.observe(surface.view(), shown, timers.now());
    if (summary) nudger.nudge('chips', summary.calendars, summary.ids);
  }

  const refreshAll = (): void => cache.refresh(tracked.values());
  const unsubscribe = deps.transport.onChanged(refreshAll);
  const onVisible = (): void => {
    if (doc.visibilityState === 'visible') refreshAll();
  };
  doc.addEventListener('visibilitychange', onVisible);
  observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [...surface.attributes] });
  schedule();

  return {
    decorator,
    tracked,
    stop: () => {
      if (stopped) return;
      stopped = true;
      observer.disconnect();
      unsubscribe();
      doc.removeEventListener('visibilitychange', onVisible);
      if (quietTimer !== null) timers.clearTimeout(quietTimer);
      decorator.removeAll();
    },
  };
}

function isBadge(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(BADGE_ATTR);
}

function onlyBadges(nodes: NodeList): boolean {
  for (const node of nodes) if (!isBadge(node)) return false;
  return true;
}
