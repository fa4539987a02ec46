/** Entries grouped by local day, virtualized: only the rows on screen exist in the DOM. Each day's total sits in the durations' column. */
import { measureElement as measureBox, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
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

/**
 * The heights entries.css gives a day heading (always) and a plain row (in a list wider than
 * 719 px, where a row is one line): those rows are placed by these and never measured, so a
 * scrolled frame does no ResizeObserver work for them. Rows with more than one line are measured.
 */
export const DAY_PX = 34;
export const ROW_PX = 44;
/** Where entries.css folds a row into two lines (its container query on the list). */
const FOLD_PX = 719;

export function EntryList({ entries, a, zone, sel }: { entries: readonly EntryView[]; a: AppActions; zone: string; sel: ListSelection }) {
  const rows = useMemo(() => groupByDay(entries, zone), [entries, zone]);
  const parent = useRef<HTMLDivElement | null>(null);
  const v = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  // The list's content box is what the container query reads: the same width decides here. A
  // fold or unfold changes every row's height: all are forgotten, the measured ones measured again
  // (a new ref makes React hand each of them over again).
  const [wide, setWide] = useState(true);
  const wideNow = useRef(true);
  const watch = useRef<ResizeObserver | null>(null);
  const listRef = useCallback((el: HTMLDivElement | null) => {
    parent.current = el;
    watch.current?.disconnect();
    watch.current = null;
    if (!el) return;
    const width = (w: number) => {
      if (w > FOLD_PX === wideNow.current) return;
      wideNow.current = w > FOLD_PX;
      v.current?.measure();
      setWide(wideNow.current);
    };
    width(el.clientWidth);
    watch.current = new ResizeObserver(([r]) => width(r!.contentRect.width));
    watch.current.observe(el);
  }, []);
  // Rows not yet shown are estimated at the height the last shown row of their kind had, so
  // scrolling onto them measures what was estimated: no re-layout of the rows below, no second
  // render. Stable callbacks: a new getItemKey makes the virtualizer recompute every row's offset.
  const seen = useRef(ROW_PX);
  const getItemKey = useCallback((i: number) => { const r = rows[i]!; return r.kind === 'day' ? `d${r.date}` : r.entry.id; }, [rows]);
  const estimateSize = useCallback((i: number) => (rows[i]!.kind === 'day' ? DAY_PX : wideNow.current ? ROW_PX : seen.current), [rows]);
  const measureElement = useCallback((el: Element, entry: ResizeObserverEntry | undefined, virt: Virtualizer<HTMLDivElement, Element>) => {
    const size = measureBox(el, entry, virt);
    // An entry being edited, or with notes, is taller: not a height to expect of the others.
    if ((el as HTMLElement).dataset.kind === 'folded') seen.current = size;
    return size;
  }, []);
  // Two rows beyond each edge (the library's default is one): every row kept in the DOM is layout
  // work in each scrolled frame — four read 4.0% and 7.4% of frames dropped, two 2.5% and 5.1%.
  const virt = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize, getItemKey, measureElement, overscan: 2 });
  v.current = virt;
  const measure = useCallback((el: Element | null) => virt.measureElement(el), [virt, wide]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!rows.length) return <p className="muted empty" id="entries" tabIndex={-1}>No entries in these days yet.</p>;
  return (
    // id="entries": the skip link's target, and where the keyboard goes when the last row is deleted.
    <div ref={listRef} id="entries" tabIndex={-1} className={sel.selected.size ? 'list selecting' : 'list'} data-testid="entry-list" role="list" aria-label="Entries by day">
      <div style={{ height: virt.getTotalSize(), position: 'relative' }}>
        {virt.getVirtualItems().map((item) => {
          const r = rows[item.index]!;
          return r.kind === 'day' ? (
            // A list holds list items only: a day's heading is one too.
            <div key={item.key} data-index={item.index} className="row" data-kind="day" role="listitem"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
              <DayHeading date={r.date} totalSeconds={r.totalSeconds} zone={zone} />
            </div>
          ) : (
            <EntryRow key={item.key} e={r.entry} a={a} zone={zone} sel={rowSel(sel, r.entry.id)} index={item.index} start={item.start} fixed={wide} measure={measure} />
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
