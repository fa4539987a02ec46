/** Entries grouped by the local day they start on, with each day's total (a midnight-crossing entry counts in each day it covers). */
import type { Entry } from '../../shared/entry';
import { localDateOf, splitByLocalDay } from '../../shared/time';

export type Row<E extends Entry = Entry> = { kind: 'day'; date: string; totalSeconds: number; count: number } | { kind: 'entry'; entry: E };

export function groupByDay<E extends Entry>(entries: readonly E[], zone: string): Row<E>[] {
  const totals = new Map<string, number>();
  const byDay = new Map<string, E[]>();
  for (const e of entries) {
    const start = Date.parse(e.start);
    for (const p of splitByLocalDay(start, Date.parse(e.end), zone)) totals.set(p.date, (totals.get(p.date) ?? 0) + p.seconds);
    const day = localDateOf(start, zone);
    const list = byDay.get(day);
    if (list) list.push(e);
    else byDay.set(day, [e]);
  }
  const rows: Row<E>[] = [];
  for (const date of [...byDay.keys()].sort().reverse()) {
    const list = byDay.get(date)!;
    list.sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
    rows.push({ kind: 'day', date, totalSeconds: totals.get(date) ?? 0, count: list.length });
    for (const entry of list) rows.push({ kind: 'entry', entry });
  }
  return rows;
}
