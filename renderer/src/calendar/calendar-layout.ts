/**
 * The calendar's geometry, pure: which instants a local day covers, where its hour lines fall,
 * where each entry's block sits and how overlapping blocks share the width. The grid is linear in
 * elapsed time, not in wall-clock time, so a 23-hour DST day has 23 hours of grid and a 25-hour
 * one 25 (its 02:00 comes twice); labels say the local clock. Days are named in the user's zone
 * (the settings' time zone), never the browser's.
 */
import { localClockOf, localDayStart, nextLocalDate } from '../../../shared/time';

export const MINUTE = 60_000;
/** Drags land on whole 5 minutes. */
export const SNAP_MS = 5 * MINUTE;
/** One arrow press moves or resizes a block by a quarter of an hour. */
export const KEY_STEP_MS = 15 * MINUTE;

export interface DayGrid {
  date: string;
  /** First instant of the day and first instant of the next, in the zone. */
  start: number;
  end: number;
  /** Minutes of grid the day has: 1380, 1440 or 1500. */
  minutes: number;
  /** One line per elapsed hour, at `minute` from the top, labelled with the local clock ("02:00" twice on a 25-hour day). */
  hours: { minute: number; label: string }[];
}

export function dayGrid(date: string, zone: string): DayGrid {
  const start = localDayStart(date, zone);
  const end = localDayStart(nextLocalDate(date), zone);
  const hours: DayGrid['hours'] = [];
  for (let t = start; t < end; t += 60 * MINUTE) hours.push({ minute: (t - start) / MINUTE, label: localClockOf(t, zone) });
  return { date, start, end, minutes: (end - start) / MINUTE, hours };
}

/** The seven local dates (Monday first) of the week holding `date`: calendar arithmetic, no zone. */
export function weekDates(date: string): string[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const noon = Date.UTC(y, m - 1, d, 12);
  const monday = noon - ((new Date(noon).getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

/** `date` moved by `days` whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10);
}

export interface Span {
  id: string;
  start: number;
  /** null: the running timer, drawn up to `now`. */
  end: number | null;
}

export interface Block {
  id: string;
  /** Minutes from the top of the day's grid, and length in minutes: clipped to the day. */
  top: number;
  height: number;
  /** The entry began on an earlier day / goes on into the next one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  running: boolean;
  /** Side-by-side place among the blocks it overlaps: column `col` of `cols`. */
  col: number;
  cols: number;
}

/**
 * The blocks of one day. An entry crossing midnight is cut at the day's edges and marked as
 * continuing; the running timer grows to `now`. Blocks that overlap in time share the width:
 * each cluster of overlapping blocks gets as many columns as it needs at most, first fit.
 */
export function layoutDay(spans: readonly Span[], day: Pick<DayGrid, 'start' | 'end'>, now: number): Block[] {
  const cut = spans
    .map((s) => ({ s, end: s.end ?? Math.max(now, s.start) }))
    // A timer started since the last tick of `now` (from the tray or the CLI) is drawn at once, a line tall.
    .filter(({ s, end }) => s.start < day.end && (s.end === null ? end >= day.start : end > day.start && end > s.start))
    .map(({ s, end }) => ({
      id: s.id, from: Math.max(s.start, day.start), to: Math.min(end, day.end),
      continuesBefore: s.start < day.start, continuesAfter: end > day.end, running: s.end === null,
    }))
    .sort((a, b) => a.from - b.from || b.to - a.to || (a.id < b.id ? -1 : 1));

  const out: Block[] = [];
  let cluster: { block: Block; to: number }[] = [];
  let clusterEnd = -Infinity;
  const close = () => {
    const cols = cluster.reduce((n, c) => Math.max(n, c.block.col + 1), 0);
    for (const c of cluster) c.block.cols = cols;
    cluster = [];
  };
  for (const c of cut) {
    if (c.from >= clusterEnd) close();
    // First column whose last block has ended by now.
    const taken = new Set(cluster.filter((x) => x.to > c.from).map((x) => x.block.col));
    let col = 0;
    while (taken.has(col)) col++;
    const block: Block = {
      id: c.id, top: (c.from - day.start) / MINUTE, height: (c.to - c.from) / MINUTE,
      continuesBefore: c.continuesBefore, continuesAfter: c.continuesAfter, running: c.running, col, cols: 1,
    };
    cluster.push({ block, to: c.to });
    out.push(block);
    clusterEnd = Math.max(clusterEnd, c.to);
  }
  close();
  return out;
}

/** An instant rounded to the nearest 5 minutes (every zone in use is a whole multiple of 5 minutes off UTC). */
export function snap(ms: number, step = SNAP_MS): number {
  return Math.round(ms / step) * step;
}

/** The instant `minute` minutes into the day's grid (elapsed time: right across a DST change). */
export function instantAt(day: Pick<DayGrid, 'start' | 'end'>, minute: number): number {
  return Math.min(day.end, Math.max(day.start, day.start + minute * MINUTE));
}

/** What a drag on empty grid between two points means: a span of at least 5 minutes, snapped. */
export function spanFromDrag(day: Pick<DayGrid, 'start' | 'end'>, fromMinute: number, toMinute: number): { start: number; end: number } {
  const a = snap(instantAt(day, Math.min(fromMinute, toMinute)));
  let b = snap(instantAt(day, Math.max(fromMinute, toMinute)));
  // A click without a drag still makes something to adjust: half an hour.
  if (b - a < SNAP_MS) b = a + (Math.abs(toMinute - fromMinute) < 1 ? 30 * MINUTE : SNAP_MS);
  return { start: a, end: b };
}

/** An entry moved by `deltaMs`, snapped so the start lands on the 5-minute grid; the length stays. */
export function moved(e: { start: number; end: number }, deltaMs: number, step = SNAP_MS): { start: number; end: number } {
  const start = snap(e.start + deltaMs, step);
  return { start, end: start + (e.end - e.start) };
}

/** An entry with its end moved by `deltaMs` and snapped, never shorter than one step. */
export function resized(e: { start: number; end: number }, deltaMs: number, step = SNAP_MS): { start: number; end: number } {
  const end = Math.max(e.start + step, snap(e.end + deltaMs, step));
  return { start: e.start, end };
}
