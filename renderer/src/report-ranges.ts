/** The report's preset ranges, as local dates in the user's zone (weeks start on Monday). */
import { localDateOf } from '../../shared/time';
import type { ReportGroup } from '../../shared/report';

export type Preset = 'this-week' | 'last-week' | 'this-month' | 'last-month' | 'last-30' | 'this-year';

export const PRESETS: { id: Preset; label: string; group: ReportGroup }[] = [
  { id: 'this-week', label: 'This week', group: 'day' },
  { id: 'last-week', label: 'Last week', group: 'day' },
  { id: 'this-month', label: 'This month', group: 'day' },
  { id: 'last-month', label: 'Last month', group: 'week' },
  { id: 'last-30', label: 'Last 30 days', group: 'week' },
  { id: 'this-year', label: 'This year', group: 'month' },
];

/** Date-only arithmetic on YYYY-MM-DD: done at UTC noon, so no zone or DST can shift the day. */
const toUtc = (d: string) => new Date(`${d}T12:00:00Z`);
const fromUtc = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromUtc(new Date(toUtc(d).getTime() + n * 86_400_000));

export function presetRange(p: Preset, now: number, zone: string): { from: string; to: string } {
  const today = localDateOf(now, zone);
  const weekday = (toUtc(today).getUTCDay() + 6) % 7;
  const monday = addDays(today, -weekday);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthStart = (yy: number, mm: number) => fromUtc(new Date(Date.UTC(yy, mm - 1, 1, 12)));
  switch (p) {
    case 'this-week': return { from: monday, to: addDays(monday, 6) };
    case 'last-week': return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'this-month': return { from: monthStart(y, m), to: addDays(monthStart(y, m + 1), -1) };
    case 'last-month': return { from: monthStart(y, m - 1), to: addDays(monthStart(y, m), -1) };
    case 'last-30': return { from: addDays(today, -29), to: today };
    case 'this-year': return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}
