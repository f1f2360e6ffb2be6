/**
 * Sync-on-view, the page half: notices that the user created, edited, moved or deleted an event by
 * comparing what the grid shows once it is quiet with what it showed before. Items coming and going
 * with navigation are not edits: a new view (URL or first day shown) starts a new baseline, the
 * first moments of a view are learning time, an empty grid (an editor open) is ignored, and most
 * of a view replaced at once counts as navigation.
 */
export interface Shown {
  readonly fingerprint: string;
  readonly calendar: string | null;
  /** '' when the item has no id (label-matched Outlook items). */
  readonly id: string;
}

export interface ChangeSummary {
  readonly calendars: readonly string[];
  readonly ids: readonly string[];
}

export class ChangeWatch {
  private view: string | null = null;
  private baseline = new Map<string, Shown>();
  private learningUntil = 0;

  constructor(private readonly settleMs = 1_500) {}

  /** Compares what is shown now (by item key) with before; a summary when the user changed something. */
  observe(view: string, shown: ReadonlyMap<string, Shown>, now: number): ChangeSummary | null {
    // An empty grid (loading, an editor open) neither starts a view nor changes one.
    if (shown.size === 0) return null;
    if (view !== this.view) {
      this.view = view;
      this.baseline = new Map(shown);
      this.learningUntil = now + this.settleMs;
      return null;
    }
    const before = this.baseline;
    this.baseline = new Map(shown);
    if (now < this.learningUntil) return null;
    const changed: Shown[] = [];
    for (const [key, item] of shown) if (before.get(key)?.fingerprint !== item.fingerprint) changed.push(item);
    let removed = 0;
    for (const [key, item] of before) {
      if (shown.has(key)) continue;
      removed++;
      changed.push(item);
    }
    if (changed.length === 0) return null;
    if (removed >= 3 && removed * 2 >= before.size) return null;
    return summarise(changed);
  }
}

function summarise(items: readonly Shown[]): ChangeSummary {
  const calendars = new Set<string>();
  const ids = new Set<string>();
  for (const item of items) {
    if (item.calendar) calendars.add(item.calendar);
    if (item.id) ids.add(item.id);
  }
  return { calendars: [...calendars], ids: [...ids] };
}
