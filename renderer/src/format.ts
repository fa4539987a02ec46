/** Display helpers: local clock times, day labels, durations. */
import { formatDuration, localClockOf } from '../../shared/time';

export const clock = (iso: string, zone: string) => localClockOf(Date.parse(iso), zone);
export const duration = (seconds: number) => formatDuration(seconds);

export function dayLabel(date: string, zone: string, now = Date.now()): string {
  const d = new Date(`${date}T12:00:00Z`);
  const text = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(now);
  return date === today ? `Today — ${text}` : text;
}

/** "Tags: a, b" ↔ ["a", "b"]. */
export const tagsFromText = (t: string) => t.split(',').map((s) => s.trim()).filter(Boolean);
export const tagsToText = (tags: readonly string[]) => tags.join(', ');

/** The first issue for a form field; core names tags by position (tags.0), which maps to the one tags input. */
export function issueFor(issues: readonly { field: string; rule: string }[] | null, field: string): string | null {
  const i = issues?.find((x) => x.field === field || x.field.startsWith(`${field}.`));
  return i ? i.rule : null;
}
