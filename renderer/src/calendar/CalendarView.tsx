/**
 * The calendar: a day or a week of the user's zone as timelines. Entries are blocks by start and
 * length (a midnight-crossing one on both days, the running timer growing); a drag on empty grid
 * proposes a new entry, blocks move and resize by drag or keyboard, and each change can be undone.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { localDateOf, splitByLocalDay } from '../../../shared/time';
import { clockText, duration } from '../format';
import type { AppActions, AppState } from '../store';
import { addDays, dayGrid, weekDates } from './calendar-layout';
import { CalendarUndoToast, NewEntryDraft } from './CalendarParts';
import { DayColumn } from './DayColumn';
import { PX_PER_MIN, type BlockEntry, type DropTarget } from './EntryBlock';
import { useCalendar } from './use-calendar';
import './calendar.css';

type Mode = 'day' | 'week';

export default function CalendarView({ s }: { s: AppState & AppActions }) {
  const [mode, setMode] = useState<Mode>('week');
  const [anchor, setAnchor] = useState(() => localDateOf(Date.now(), s.zone));
  const [draft, setDraft] = useState<{ start: number; end: number } | null>(null);
  const now = useMinute();
  const dates = mode === 'week' ? weekDates(anchor) : [anchor];
  // At most seven days of 25 hour lines: cheap enough to work out on every render.
  const grids = dates.map((d) => dayGrid(d, s.zone));
  const cal = useCalendar(s, dates[0]!, dates[dates.length - 1]!);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Working hours in view on opening; midnight is a scroll away.
    if (scroller.current) scroller.current.scrollTop = 7 * 60 * PX_PER_MIN;
  }, []);

  const items: BlockEntry[] = useMemo(() => {
    const list: BlockEntry[] = cal.entries.map((e) => ({
      id: e.id, description: e.description, start: Date.parse(e.start), end: Date.parse(e.end), account: e.account,
      project_id: e.project_id, task_id: e.task_id, client_id: e.client_id, entry: e,
    }));
    const t = s.timer;
    if (t) {
      list.push({
        id: t.id, description: t.description, start: Date.parse(t.start), end: now, account: t.account,
        project_id: t.project_id, task_id: t.task_id, client_id: t.client_id, entry: null,
      });
    }
    return list;
  }, [cal.entries, s.timer, now]);

  const target: DropTarget = {
    instantAt(x, y) {
      const el = document.elementsFromPoint(x, y).find((n) => n instanceof HTMLElement && n.dataset.testid === 'cal-day') as HTMLElement | undefined;
      const g = el && grids.find((d) => d.date === el.dataset.date);
      if (!el || !g) return null;
      return g.start + ((y - el.getBoundingClientRect().top) / PX_PER_MIN) * 60_000;
    },
  };

  const step = mode === 'week' ? 7 : 1;
  const fmt = (d: string, o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { ...o, timeZone: 'UTC' }).format(Date.parse(`${d}T12:00:00Z`));
  const title = mode === 'week' ? `${fmt(dates[0]!, { day: 'numeric', month: 'short' })} – ${fmt(dates[6]!, { day: 'numeric', month: 'short', year: 'numeric' })}` : fmt(anchor, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const totals = (date: string) => items.reduce((n, i) => n + splitByLocalDay(i.start, Math.max(i.start, i.end), s.zone).filter((p) => p.date === date).reduce((m, p) => m + p.seconds, 0), 0);
  // The gutter's hours are an ordinary day's; a DST day in the week labels its own lines.
  const gutter = grids.find((g) => g.hours.length === 24) ?? grids[0]!;
  const gutterLabels = gutter.hours.map((h) => h.label).join();

  return (
    <main className={`calendar cal-in-${mode}`} aria-label="Calendar" id="calendar">
      <div className="cal-toolbar">
        <div className="cal-mode" role="group" aria-label="Show">
          {(['day', 'week'] as const).map((m) => (
            <button key={m} type="button" className={mode === m ? '' : 'quiet'} aria-pressed={mode === m} onClick={() => setMode(m)}>{m === 'day' ? 'Day' : 'Week'}</button>
          ))}
        </div>
        <button type="button" className="quiet" aria-label={`Previous ${mode}`} onClick={() => setAnchor(addDays(anchor, -step))}>‹</button>
        <button type="button" className="quiet" onClick={() => setAnchor(localDateOf(Date.now(), s.zone))}>Today</button>
        <button type="button" className="quiet" aria-label={`Next ${mode}`} onClick={() => setAnchor(addDays(anchor, step))}>›</button>
        <input type="date" className="cal-goto" aria-label="Go to date" value={anchor}
          onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && setAnchor(e.target.value)} />
        <h2 className="cal-title" data-testid="cal-title">{title}</h2>
        <span className="muted cal-zone">{s.zone}</span>
      </div>
      <p id="cal-keys" className="sr-only">Arrow keys move the entry by 15 minutes; Shift with arrow keys moves its end.</p>
      {cal.message && !draft && <p className="error cal-message" role="alert">{cal.message} <button type="button" className="quiet" onClick={() => cal.setMessage(null)}>Dismiss</button></p>}
      <div className="cal-heads" aria-hidden={false}>
        <span className="cal-gutter-head" />
        {grids.map((g) => (
          <button key={g.date} type="button" className="cal-head quiet" data-testid="cal-head" onClick={() => { setAnchor(g.date); setMode('day'); }}
            aria-label={`${fmt(g.date, { weekday: 'long', day: 'numeric', month: 'long' })}, ${duration(totals(g.date))} tracked${g.hours.length !== 24 ? `, a ${g.hours.length}-hour day` : ''}`}>
            <span>{fmt(g.date, { weekday: 'short', day: 'numeric' })}</span>
            <span className="muted tnum">{totals(g.date) > 0 ? duration(totals(g.date)) : '–'}{g.hours.length !== 24 && ` · ${g.hours.length} h`}</span>
          </button>
        ))}
      </div>
      <div className="cal-scroll" ref={scroller} tabIndex={0} aria-label="Timeline">
        <div className="cal-grid">
          <div className="cal-gutter" aria-hidden style={{ height: gutter.minutes * PX_PER_MIN }}>
            {gutter.hours.map((h) => <span key={h.minute} style={{ top: h.minute * PX_PER_MIN }}>{clockText(gutter.start + h.minute * 60_000, s.zone)}</span>)}
          </div>
          {grids.map((g) => (
            <div key={g.date} className="cal-col">
              {g.hours.map((h) => h.label).join() !== gutterLabels && (
                <div className="cal-own-hours" aria-hidden>{g.hours.map((h) => <span key={h.minute} style={{ top: h.minute * PX_PER_MIN }}>{clockText(g.start + h.minute * 60_000, s.zone)}</span>)}</div>
              )}
              <DayColumn grid={g} items={items} now={now} zone={s.zone} target={target} retime={cal.retime} propose={setDraft} />
            </div>
          ))}
        </div>
      </div>
      {draft && <NewEntryDraft span={draft} zone={s.zone} create={cal.create} close={() => setDraft(null)} message={cal.message} />}
      <CalendarUndoToast undo={cal.undo} run={cal.undoLast} dismiss={cal.dismissUndo} />
    </main>
  );
}

/** Now, to the minute (the running block grows once a minute; enough at 48 px an hour). */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  return now;
}
