/** Entries grouped by local day, virtualized: only the rows on screen exist in the DOM. Each day's total sits in the durations' column. */
import { measureElement as measureBox, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef } from 'react';
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

/** A row with nothing under its line (no notes, no attention panel): most rows, and all of one height. */
const plain = (e: EntryView) => !e.held_as && !e.local_only && e.sync.state !== 'attention';

export function EntryList({ entries, a, zone, sel }: { entries: readonly EntryView[]; a: AppActions; zone: string; sel: ListSelection }) {
  const rows = useMemo(() => groupByDay(entries, zone), [entries, zone]);
  const parent = useRef<HTMLDivElement>(null);
  // Rows not yet shown are estimated at the height the last shown row of their kind had, so
  // scrolling onto them measures what was estimated: no re-layout of the rows below, no second
  // render. Stable callbacks: a new getItemKey makes the virtualizer recompute every row's offset.
  const seen = useRef({ day: 40, entry: 48 });
  const getItemKey = useCallback((i: number) => { const r = rows[i]!; return r.kind === 'day' ? `d${r.date}` : r.entry.id; }, [rows]);
  const estimateSize = useCallback((i: number) => (rows[i]!.kind === 'day' ? seen.current.day : seen.current.entry), [rows]);
  const measureElement = useCallback((el: Element, entry: ResizeObserverEntry | undefined, v: Virtualizer<HTMLDivElement, Element>) => {
    const size = measureBox(el, entry, v);
    const kind = (el as HTMLElement).dataset.kind;
    // An entry being edited is as tall as its form: not a height to expect of the others.
    if (kind === 'day' || (kind === 'entry' && el.firstElementChild?.getAttribute('data-testid') === 'entry')) seen.current[kind] = size;
    return size;
  }, []);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize, getItemKey, measureElement, overscan: 4 });
  if (!rows.length) return <p className="muted empty" id="entries" tabIndex={-1}>No entries in these days yet.</p>;
  return (
    // id="entries": the skip link's target, and where the keyboard goes when the last row is deleted.
    <div ref={parent} id="entries" tabIndex={-1} className={sel.selected.size ? 'list selecting' : 'list'} data-testid="entry-list" role="list" aria-label="Entries by day">
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => {
          const r = rows[item.index]!;
          return (
            <div key={item.key} data-index={item.index} ref={v.measureElement} className="row"
              data-kind={r.kind === 'day' ? 'day' : plain(r.entry) ? 'entry' : 'tall'}
              // A list holds list items only: a day's heading is one too.
              role={r.kind === 'day' ? 'listitem' : undefined}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
              {r.kind === 'day' ? (
                <DayHeading date={r.date} totalSeconds={r.totalSeconds} zone={zone} />
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

/** Memoized like the rows: a heading stays put while the list scrolls past it. */
const DayHeading = memo(function DayHeading({ date, totalSeconds, zone }: { date: string; totalSeconds: number; zone: string }) {
  return (
    <h2 className="day" data-testid="day" data-date={date}>
      <span className="day-date">{dayLabel(date, zone)}</span>
      <span className="sr-only">, total </span>
      <span className="day-total" data-testid="day-total">{duration(totalSeconds)}</span>
    </h2>
  );
});

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
