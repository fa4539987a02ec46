/**
 * One local day as a column of hours (23, 24 or 25 of them), its entries as blocks, and a drag on
 * empty grid that proposes a new entry for the span dragged, snapped to 5 minutes.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { localDateOf } from '../../../shared/time';
import { layoutDay, spanFromDrag, type DayGrid, type Span } from './calendar-layout';
import { EntryBlock, PX_PER_MIN, type BlockEntry, type DropTarget } from './EntryBlock';
import type { EntryView } from '../../../shared/entry';

export function DayColumn({ grid, items, now, zone, target, retime, propose }: {
  grid: DayGrid; items: readonly BlockEntry[]; now: number; zone: string; target: DropTarget;
  retime(e: EntryView, start: number, end: number, what: 'Moved' | 'Resized'): Promise<boolean>;
  propose(span: { start: number; end: number }): void;
}) {
  const [sweep, setSweep] = useState<{ a: number; b: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const spans: Span[] = items.map((i) => ({ id: i.id, start: i.start, end: i.entry ? i.end : null }));
  const blocks = layoutDay(spans, grid, now);
  const byId = new Map(items.map((i) => [i.id, i]));
  const minuteOf = (clientY: number) => (clientY - ref.current!.getBoundingClientRect().top) / PX_PER_MIN;

  const down = (ev: PointerEvent<HTMLDivElement>) => {
    if (ev.button !== 0) return;
    ev.preventDefault();
    ev.currentTarget.setPointerCapture(ev.pointerId);
    const m = minuteOf(ev.clientY);
    setSweep({ a: m, b: m });
  };
  const up = () => {
    if (!sweep) return;
    setSweep(null);
    propose(spanFromDrag(grid, sweep.a, sweep.b));
  };
  const today = localDateOf(now, zone) === grid.date;
  return (
    <div ref={ref} className={`cal-day${today ? ' today' : ''}`} data-testid="cal-day" data-date={grid.date} data-hours={grid.hours.length}
      style={{ height: grid.minutes * PX_PER_MIN }}
      onPointerDown={down} onPointerMove={(ev) => sweep && setSweep({ ...sweep, b: minuteOf(ev.clientY) })} onPointerUp={up}
      onPointerCancel={() => setSweep(null)}>
      {grid.hours.map((h) => <div key={h.minute} className="cal-hour-line" style={{ top: h.minute * PX_PER_MIN }} />)}
      {today && now >= grid.start && now < grid.end && <div className="cal-now" style={{ top: ((now - grid.start) / 60_000) * PX_PER_MIN }} aria-hidden />}
      {blocks.map((b) => <EntryBlock key={b.id} b={b} e={byId.get(b.id)!} zone={zone} target={target} retime={retime} />)}
      {sweep && (
        <div className="cal-sweep" aria-hidden style={{ top: Math.min(sweep.a, sweep.b) * PX_PER_MIN, height: Math.max(Math.abs(sweep.b - sweep.a) * PX_PER_MIN, 4) }} />
      )}
    </div>
  );
}
