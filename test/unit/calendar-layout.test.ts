/**
 * The calendar's geometry: day grids in the user's zone (23 and 25 hours on Amsterdam's DST
 * Sundays), blocks clipped at midnight and marked as continuing, overlaps side by side, the
 * running timer growing, and drags snapped to 5 minutes. The oracle is the wall clock a person
 * reads in Amsterdam, written out as instants by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays, dayGrid, instantAt, layoutDay, moved, resized, snap, spanFromDrag, weekDates,
} from '../../renderer/src/calendar/calendar-layout';

const AMS = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);
const M = 60_000;

describe('day grid', () => {
  it('an ordinary day in Amsterdam runs from local midnight for 24 hours', () => {
    const g = dayGrid('2026-01-15', AMS);
    expect(g.start).toBe(at('2026-01-14T23:00:00Z'));
    expect(g.end).toBe(at('2026-01-15T23:00:00Z'));
    expect(g.minutes).toBe(1440);
    expect(g.hours).toHaveLength(24);
    expect(g.hours[9]).toEqual({ minute: 540, label: '09:00' });
  });

  it('the last Sunday of March has 23 hours of grid: 02:00 never happens', () => {
    const g = dayGrid('2026-03-29', AMS);
    expect(g.minutes).toBe(23 * 60);
    expect(g.hours.map((h) => h.label).slice(0, 4)).toEqual(['00:00', '01:00', '03:00', '04:00']);
    expect(g.hours).toHaveLength(23);
  });

  it('the last Sunday of October has 25 hours of grid: 02:00 comes twice', () => {
    const g = dayGrid('2026-10-25', AMS);
    expect(g.minutes).toBe(25 * 60);
    expect(g.hours.map((h) => h.label).slice(0, 5)).toEqual(['00:00', '01:00', '02:00', '02:00', '03:00']);
    expect(g.hours).toHaveLength(25);
    // 09:00 local is 10 hours of grid down, not 9.
    expect(g.hours.find((h) => h.label === '09:00')!.minute).toBe(600);
  });

  it('the day is the settings zone’s, not UTC’s: Tokyo’s 1 December starts at 15:00 UTC the day before', () => {
    expect(dayGrid('2026-12-01', 'Asia/Tokyo').start).toBe(at('2026-11-30T15:00:00Z'));
  });
});

describe('weeks', () => {
  it('a week starts on Monday and holds seven dates, across a month and a year', () => {
    expect(weekDates('2026-12-31')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weekDates('2026-12-28')[0]).toBe('2026-12-28');
    expect(weekDates('2027-01-03')[0]).toBe('2026-12-28');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('blocks', () => {
  const jan15 = dayGrid('2026-01-15', AMS);

  it('an entry sits at its start with its length, in minutes of grid', () => {
    // 09:30–11:00 Amsterdam.
    const [b] = layoutDay([{ id: 'a', start: at('2026-01-15T08:30:00Z'), end: at('2026-01-15T10:00:00Z') }], jan15, 0);
    expect(b).toMatchObject({ top: 570, height: 90, continuesBefore: false, continuesAfter: false, col: 0, cols: 1 });
  });

  it('an entry from 22:00 to 01:00 is drawn on both days, cut at midnight and marked as continuing', () => {
    const e = { id: 'night', start: at('2026-01-15T21:00:00Z'), end: at('2026-01-16T00:00:00Z') };
    const [first] = layoutDay([e], jan15, 0);
    const [second] = layoutDay([e], dayGrid('2026-01-16', AMS), 0);
    expect(first).toMatchObject({ top: 22 * 60, height: 120, continuesBefore: false, continuesAfter: true });
    expect(second).toMatchObject({ top: 0, height: 60, continuesBefore: true, continuesAfter: false });
    expect(layoutDay([e], dayGrid('2026-01-17', AMS), 0)).toEqual([]);
  });

  it('on the 25-hour day an entry 01:30–03:30 local is three hours of grid (the hour 02:00 is lived twice)', () => {
    const g = dayGrid('2026-10-25', AMS);
    // 01:30 CEST = 23:30Z; 03:30 CET = 02:30Z.
    const [b] = layoutDay([{ id: 'x', start: at('2026-10-24T23:30:00Z'), end: at('2026-10-25T02:30:00Z') }], g, 0);
    expect(b).toMatchObject({ top: 90, height: 180 });
  });

  it('on the 23-hour day an entry 01:30–03:30 local is one hour of grid', () => {
    const g = dayGrid('2026-03-29', AMS);
    // 01:30 CET = 00:30Z; 03:30 CEST = 01:30Z.
    const [b] = layoutDay([{ id: 'x', start: at('2026-03-29T00:30:00Z'), end: at('2026-03-29T01:30:00Z') }], g, 0);
    expect(b).toMatchObject({ top: 90, height: 60 });
  });

  it('overlapping entries stand side by side; one that follows after them takes the full width again', () => {
    const d = (h: number, m = 0) => jan15.start + (h * 60 + m) * M;
    const blocks = layoutDay([
      { id: 'a', start: d(9), end: d(11) },
      { id: 'b', start: d(9, 30), end: d(10) },
      { id: 'c', start: d(10, 30), end: d(12) },
      { id: 'd', start: d(13), end: d(14) },
    ], jan15, 0);
    const by = Object.fromEntries(blocks.map((b) => [b.id, b]));
    expect(by.a).toMatchObject({ col: 0, cols: 2 });
    // b has ended by 10:30, so c reuses its column.
    expect(by.b).toMatchObject({ col: 1, cols: 2 });
    expect(by.c).toMatchObject({ col: 1, cols: 2 });
    expect(by.d).toMatchObject({ col: 0, cols: 1 });
  });

  it('an entry that ends exactly when another starts does not overlap it', () => {
    const d = (h: number) => jan15.start + h * 60 * M;
    const blocks = layoutDay([{ id: 'a', start: d(9), end: d(10) }, { id: 'b', start: d(10), end: d(11) }], jan15, 0);
    expect(blocks.map((b) => [b.col, b.cols])).toEqual([[0, 1], [0, 1]]);
  });

  it('the running timer grows to now, and past midnight continues on the next day', () => {
    const start = jan15.start + 23 * 60 * M;
    const [b] = layoutDay([{ id: 't', start, end: null }], jan15, start + 20 * M);
    expect(b).toMatchObject({ top: 23 * 60, height: 20, running: true, continuesAfter: false });
    const later = start + 90 * M;
    expect(layoutDay([{ id: 't', start, end: null }], jan15, later)[0]).toMatchObject({ height: 60, continuesAfter: true });
    expect(layoutDay([{ id: 't', start, end: null }], dayGrid('2026-01-16', AMS), later)[0]).toMatchObject({ top: 0, height: 30, continuesBefore: true, running: true });
  });

  it('a timer started after the view last read the clock (from the tray or the CLI) is drawn at once', () => {
    const start = jan15.start + 10 * 60 * M;
    expect(layoutDay([{ id: 't', start, end: null }], jan15, start - 5 * M)).toMatchObject([{ id: 't', top: 10 * 60, height: 0, running: true }]);
    // A stored entry of no length is still not drawn.
    expect(layoutDay([{ id: 'e', start, end: start }], jan15, start)).toEqual([]);
  });
});

describe('drags', () => {
  const jan15 = dayGrid('2026-01-15', AMS);

  it('snap to whole 5 minutes', () => {
    expect(snap(at('2026-01-15T09:02:29Z'))).toBe(at('2026-01-15T09:00:00Z'));
    expect(snap(at('2026-01-15T09:02:31Z'))).toBe(at('2026-01-15T09:05:00Z'));
  });

  it('a drag on empty grid from 09:03 to 10:28 makes 09:05–10:30, in either direction', () => {
    const want = { start: jan15.start + 545 * M, end: jan15.start + 630 * M };
    expect(spanFromDrag(jan15, 543, 628)).toEqual(want);
    expect(spanFromDrag(jan15, 628, 543)).toEqual(want);
  });

  it('a click without a drag makes half an hour; a drag never leaves the day', () => {
    expect(spanFromDrag(jan15, 600, 600)).toEqual({ start: jan15.start + 600 * M, end: jan15.start + 630 * M });
    expect(instantAt(jan15, -50)).toBe(jan15.start);
    expect(instantAt(jan15, 5000)).toBe(jan15.end);
  });

  it('on the 25-hour day, 10 hours down the grid is 09:00 local', () => {
    const g = dayGrid('2026-10-25', AMS);
    expect(spanFromDrag(g, 600, 660).start).toBe(at('2026-10-25T08:00:00Z'));
  });

  it('a move keeps the length and lands the start on 5 minutes; a resize moves only the end, never below 5 minutes', () => {
    const e = { start: jan15.start + 600 * M, end: jan15.start + 660 * M };
    expect(moved(e, 17 * M)).toEqual({ start: e.start + 15 * M, end: e.end + 15 * M });
    expect(moved(e, -15 * M, 15 * M)).toEqual({ start: e.start - 15 * M, end: e.end - 15 * M });
    expect(resized(e, 33 * M)).toEqual({ start: e.start, end: e.end + 35 * M });
    expect(resized(e, -300 * M)).toEqual({ start: e.start, end: e.start + 5 * M });
  });
});
