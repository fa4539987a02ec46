/** Entries grouped by local day, virtualized: only the rows on screen exist in the DOM. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { Entry } from '../../../shared/entry';
import { groupByDay } from '../days';
import { dayLabel, duration } from '../format';
import type { AppActions } from '../store';
import { EntryRow } from './EntryRow';

export function EntryList({ entries, a, zone }: { entries: readonly Entry[]; a: AppActions; zone: string }) {
  const rows = useMemo(() => groupByDay(entries, zone), [entries, zone]);
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: (i) => (rows[i]!.kind === 'day' ? 40 : 48),
    getItemKey: (i) => { const r = rows[i]!; return r.kind === 'day' ? `d${r.date}` : r.entry.id; },
    overscan: 10,
  });
  if (!rows.length) return <p className="muted empty">No entries in these days yet.</p>;
  return (
    <div ref={parent} className="list" data-testid="entry-list" role="list" aria-label="Entries by day">
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => {
          const r = rows[item.index]!;
          return (
            <div key={item.key} data-index={item.index} ref={v.measureElement} className="row"
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
              {r.kind === 'day' ? (
                <h2 className="day" data-testid="day" data-date={r.date}>
                  <span>{dayLabel(r.date, zone)}</span>
                  <span className="day-total" data-testid="day-total">{duration(r.totalSeconds)}</span>
                </h2>
              ) : (
                <EntryRow e={r.entry} a={a} zone={zone} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
