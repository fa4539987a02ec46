/**
 * Display helpers: local clock times, day labels, durations. Every time of day the window shows
 * (the list, the forms' inputs, reports) goes through clockText, in the system locale's own
 * hour cycle (9:00 AM or 09:00), so what is typed reads like what is listed.
 */
import { formatDuration } from '../../shared/time';

const formats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(zone: string, seconds: boolean): Intl.DateTimeFormat {
  const k = `${zone}\u0000${seconds}`;
  let f = formats.get(k);
  if (!f) {
    // 24-hour clocks write the hour in two digits (09:00), 12-hour ones do not (9:00 AM).
    f = new Intl.DateTimeFormat(undefined, { hour: localeUses12h() ? 'numeric' : '2-digit', minute: '2-digit', ...(seconds && { second: '2-digit' }), timeZone: zone });
    formats.set(k, f);
  }
  return f;
}

/** The time of day of an instant in `zone`, as the system locale writes it (seconds when asked). */
export function clockText(ms: number, zone: string, seconds = false): string {
  return timeFormat(zone, seconds).format(ms);
}

/** True when the locale writes times with AM/PM: the time inputs then say so in their hint. */
export function localeUses12h(): boolean {
  const c = new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return c === 'h11' || c === 'h12';
}

export const clock = (iso: string, zone: string) => clockText(Date.parse(iso), zone);
export const clockWithSeconds = (iso: string, zone: string) => clockText(Date.parse(iso), zone, true);
export const duration = (seconds: number) => formatDuration(seconds);

// Built once: a formatter costs far more to make than to use, and the list labels a day per heading.
let dayText: Intl.DateTimeFormat | null = null;
const isoDates = new Map<string, Intl.DateTimeFormat>();

export function dayLabel(date: string, zone: string, now = Date.now()): string {
  const d = new Date(`${date}T12:00:00Z`);
  dayText ??= new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  let iso = isoDates.get(zone);
  if (!iso) isoDates.set(zone, (iso = new Intl.DateTimeFormat('en-CA', { timeZone: zone })));
  const text = dayText.format(d);
  return date === iso.format(now) ? `Today — ${text}` : text;
}

/** "Tags: a, b" ↔ ["a", "b"]. */
export const tagsFromText = (t: string) => t.split(',').map((s) => s.trim()).filter(Boolean);
export const tagsToText = (tags: readonly string[]) => tags.join(', ');

/** The first issue for a form field; core names tags by position (tags.0), which maps to the one tags input. */
export function issueFor(issues: readonly { field: string; rule: string }[] | null, field: string): string | null {
  const i = issues?.find((x) => x.field === field || x.field.startsWith(`${field}.`));
  return i ? i.rule : null;
}
