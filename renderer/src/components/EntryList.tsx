/** Entries grouped by local day, virtualized: only the rows on screen exist in the DOM. Each day's total sits in the durations' column. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { EntryView } from '../../../shared/entry';
import { groupByDay } from '../days';
import { dayLabel, duration } from '../format';
import type { AppActions } from '../store';
import { EntryRow, type RowSelection } from './EntryRow';

export interface ListSelection {
  selected: ReadonlySet<string>;
  select(id: string, on: boolean): void;
  openHistory(id: string): void;
}

export function EntryList({ entries, a, zone, sel }: { entries: readonly EntryView[]; a: AppActions; zone: string; sel: ListSelection }) {
  const rows = useMemo(() => groupByDay(entries, zone), [entries, zone]);
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: (i) => (rows[i]!.kind === 'day' ? 40 : 48),
    getItemKey: (i) => { const r = rows[i]!; return r.kind === 'day' ? `d${r.date}` : r.entry.id; },
    overscan: 10,
  });
  if (!rows.length) return <p className="muted empty" id="entries" tabIndex={-1}>No entries in these days yet.</p>;
  return (
    // id="entries": the skip link's target, and where the keyboard goes when the last row is deleted.
    <div ref={parent} id="entries" tabIndex={-1} className={sel.selected.size ? 'list selecting' : 'list'} data-testid="entry-list" role="list" aria-label="Entries by day">
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => {
          const r = rows[item.index]!;
          return (
            <div key={item.key} data-index={item.index} ref={v.measureElement} className="row"
              // A list holds list items only: a day's heading is one too.
              role={r.kind === 'day' ? 'listitem' : undefined}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
              {r.kind === 'day' ? (
                <h2 className="day" data-testid="day" data-date={r.date}>
                  <span className="day-date">{dayLabel(r.date, zone)}</span>
                  <span className="sr-only">, total </span>
                  <span className="day-total" data-testid="day-total">{duration(r.totalSeconds)}</span>
                </h2>
              ) : (
                <EntryRow e={r.entry} a={a} zone={zone} sel={rowSel(sel, r.entry.id)} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Two shapes per row (selected or not), so a memoized row renders again only when its own box flips. */
const cache = new WeakMap<ListSelection, { on: RowSelection; off: RowSelection }>();
function rowSel(sel: ListSelection, id: string): RowSelection {
  let c = cache.get(sel);
  if (!c) {
    c = { on: { selected: true, select: sel.select, openHistory: sel.openHistory }, off: { selected: false, select: sel.select, openHistory: sel.openHistory } };
    cache.set(sel, c);
  }
  return sel.selected.has(id) ? c.on : c.off;
}
