/**
 * The content script's pipeline: one MutationObserver that only notes what changed, one flush per
 * animation frame that finds the items in the changed subtrees and draws their badges within a
 * time budget, batched lookups for items not yet known, and a quiet-time check that turns user
 * edits into a nudge. The hot path reads attributes and text only — never layout.
 */
import { isBadge, onlyBadges } from './badge.ts';
import type { Shown } from './changes.ts';
import { Decorator } from './decorate.ts';
import { EditWatch, type ContentTimers } from './edits.ts';
import type { SendNudge } from './nudger.ts';
import { ViewCache, type Lookup } from './states.ts';
import type { FoundItem, Surface } from './surface.ts';
import { Tracker } from './tracker.ts';

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
  readonly timers: ContentTimers;
  readonly localZone: string;
  readonly open: (url: string) => void;
  /** How long the page must be still before edits are looked for. */
  readonly quietMs?: number;
  /** False once the extension is gone (reloaded, updated, removed): the controller stops. */
  readonly alive?: () => boolean;
  /** Records the time our own work took (User Timing in the simulator build, for the budget). */
  readonly measure?: (name: 'tandem:flush' | 'tandem:decorate', start: number) => void;
}

export interface Controller {
  readonly decorator: Decorator;
  readonly tracker: Tracker;
  stop(): void;
}

/** More dirty roots than this in one frame: one scan of the document is cheaper. */
const FULL_SCAN = 300;
/** Our share of a frame for finding items and drawing badges; the rest waits for the next frame. */
const FRAME_BUDGET_MS = 6;

export function startController(deps: ControllerDeps): Controller {
  const { doc, surface, timers } = deps;
  const dirty = new Set<Node>([doc]);
  const decorator = new Decorator(doc, deps.localZone, deps.open);
  const cache = new ViewCache(deps.transport.lookup, (keys) => {
    tracker.redraw(keys);
    schedule();
  }, timers);
  const tracker = new Tracker(decorator, (key) => cache.get(key));
  // What the grid shows is only known once every scan has finished.
  const edits = new EditWatch(surface, timers, deps.transport.nudge, () => (scheduled || dirty.size > 0 || scans.length > 0 ? null : shown()), deps.quietMs);
  /** Scans of changed subtrees not finished yet: a page of thousands of chips takes several frames. */
  const scans: Iterator<FoundItem>[] = [];
  let scheduled = false;
  let removals = false;
  let saveSeen = false;
  let stopped = false;

  const observer = new MutationObserver((records) => {
    note(records);
    schedule();
  });

  /** The observer's only work: remember which nodes changed (no queries, no layout). */
  function note(records: readonly MutationRecord[]): void {
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
  }

  function schedule(): void {
    if (scheduled || stopped || (dirty.size === 0 && !saveSeen && !tracker.pending && scans.length === 0)) return;
    scheduled = true;
    deps.frame(flush);
  }

  function flush(): void {
    scheduled = false;
    if (deps.alive?.() === false) stop();
    if (stopped) return;
    const start = timers.now();
    const found = dirty.size > 0 || saveSeen;
    // What the page changed before now is handled in this flush; what our drawing causes is dropped.
    note(observer.takeRecords());
    if (dirty.size > 0) scans.push(scanOf(roots()));
    const scanning = scans.length > 0;
    const deadline = start + FRAME_BUDGET_MS;
    if (scanning) continueScans(deadline);
    tracker.drain(deadline, () => timers.now());
    observer.takeRecords();
    deps.measure?.(found ? 'tandem:flush' : 'tandem:decorate', start);
    cache.pump();
    if (saveSeen) {
      saveSeen = false;
      edits.saved();
    }
    // A scan finished in this frame is a change seen, as much as one found in it.
    if (found || (scanning && scans.length === 0)) edits.touched();
    schedule();
  }

  /** The items at or under these roots, as they are iterated; a root no longer an item is forgotten. */
  function* scanOf(roots: readonly (Element | Document)[]): Generator<FoundItem> {
    const seen = new Set<Element>();
    for (const root of roots) {
      for (const item of surface.find(root)) {
        if (seen.has(item.element)) continue;
        seen.add(item.element);
        yield item;
      }
      if (root.nodeType === 1 && !seen.has(root as Element)) tracker.forget(root as Element);
    }
  }

  /** Tracks found items until `deadline` (checked every few items); what is left waits a frame. */
  function continueScans(deadline: number): void {
    let n = 0;
    while (scans.length > 0) {
      const next = scans[0]!.next();
      if (next.done) {
        scans.shift();
        continue;
      }
      tracker.track(next.value);
      cache.want(next.value.key, next.value.query);
      if (++n % 32 === 0 && timers.now() >= deadline) return;
    }
    if (removals) {
      removals = false;
      tracker.prune();
    }
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

  /** What the grid shows, for edit detection (dialogs and peek cards are not the grid). */
  function shown(): Map<string, Shown> {
    const out = new Map<string, Shown>();
    for (const item of tracker.items.values()) {
      if (item.fingerprint !== null && item.element.isConnected) out.set(item.key, { fingerprint: item.fingerprint(), calendar: item.calendar, id: item.changeId });
    }
    return out;
  }

  const refreshAll = (): void => cache.refresh(tracker.items.values());
  const unsubscribe = deps.transport.onChanged(refreshAll);
  const onVisible = (): void => {
    if (doc.visibilityState === 'visible') refreshAll();
  };
  doc.addEventListener('visibilitychange', onVisible);
  observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [...surface.attributes] });
  schedule();

  function stop(): void {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    unsubscribe();
    doc.removeEventListener('visibilitychange', onVisible);
    edits.stop();
    decorator.removeAll();
  }

  return { decorator, tracker, stop };
}
