/**
 * A form's date, start, end and duration → the UTC instants the core stores. An end earlier than
 * the start is the next day (22:00–01:00 is 3 hours), and the form says so; a duration typed
 * instead of an end sets the end. Local times become instants in the user's zone (DST included).
 */
import type { FieldIssue } from '../../shared/errors';
import { parseClockInput } from '../../shared/clock-input';
import { durationInputText, parseDurationInput } from '../../shared/duration-input';
import { isLocalDate, localDateOf, nextLocalDate, zonedInstant } from '../../shared/time';
import { clockText } from './format';

export interface TimesInput {
  date: string;
  start: string;
  end: string;
  duration: string;
  /** Which of end and duration the user typed last: that one decides. */
  from: 'end' | 'duration';
}

export type Times =
  | { ok: true; start: number; end: number; seconds: number; /** Local days after the start's day the end falls on. */ days: number }
  | { ok: false; issues: FieldIssue[] };

function instant(date: string, hour: number, minute: number, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return zonedInstant(y, m, d, hour, minute, zone);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);
}

export function resolveTimes(t: TimesInput, zone: string): Times {
  const issues: FieldIssue[] = [];
  if (!isLocalDate(t.date)) issues.push({ field: 'date', rule: 'Pick a date' });
  const s = parseClockInput(t.start);
  if (!s.ok) issues.push({ field: 'start', rule: t.start.trim() ? s.rule : 'Start time is needed' });
  const d = t.from === 'duration' ? parseDurationInput(t.duration) : null;
  const e = t.from === 'end' ? parseClockInput(t.end) : null;
  if (d && !d.ok) issues.push({ field: 'duration', rule: d.rule });
  if (e && !e.ok) issues.push({ field: 'end', rule: t.end.trim() ? e.rule : 'End time (or a duration) is needed' });
  if (issues.length || !s.ok) return { ok: false, issues };
  const start = instant(t.date, s.hour, s.minute, zone);
  let end: number;
  if (d?.ok) end = start + d.seconds * 1000;
  else {
    const c = e as { ok: true; hour: number; minute: number };
    end = instant(t.date, c.hour, c.minute, zone);
    if (end === start) return { ok: false, issues: [{ field: 'end', rule: 'End must be after start' }] };
    // An end before the start is on the next day: overnight work, typed as the clock showed it.
    if (end < start) end = instant(nextLocalDate(t.date), c.hour, c.minute, zone);
  }
  return { ok: true, start, end, seconds: (end - start) / 1000, days: daysBetween(t.date, localDateOf(end, zone)) };
}

/** What the form says beside the end: "ends next day, 3h"; nothing for a same-day entry. */
export function endsText(t: Times): string | null {
  if (!t.ok || t.days === 0) return null;
  return `ends ${t.days === 1 ? 'next day' : `${t.days} days later`}, ${durationInputText(t.seconds)}`;
}

/** After the start or the end changes: the duration to show (blank when it cannot be worked out). */
export function durationFor(t: TimesInput, zone: string): string {
  const r = resolveTimes({ ...t, from: 'end' }, zone);
  return r.ok ? durationInputText(r.seconds) : t.duration;
}

/** After the duration (or the start, with a duration typed) changes: the end to show, in the locale's format. */
export function endFor(t: TimesInput, zone: string): string {
  const r = resolveTimes({ ...t, from: 'duration' }, zone);
  return r.ok ? clockText(r.end, zone) : t.end;
}

/** The inputs' text for stored instants: the start's local date and both times in the locale's format. */
export function timesText(startIso: string, endIso: string, zone: string): Pick<TimesInput, 'date' | 'start' | 'end' | 'duration'> {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  return { date: localDateOf(start, zone), start: clockText(start, zone), end: clockText(end, zone), duration: durationInputText((end - start) / 1000) };
}
