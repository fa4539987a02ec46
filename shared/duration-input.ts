/**
 * A duration as people type it into a form: `1h30`, `1h 30m`, `1:30`, `90m`, `90 min`, `1.5h`,
 * `1,5 h`, `2h`, or a bare `45` (minutes, as Toggl and Clockify read it). A bare decimal is
 * refused rather than guessed (1.5 minutes or hours?). Whole minutes only: the form's times are
 * to the minute. The CLI's stricter DUR stays parseDuration in time.ts.
 */
import { MAX_DURATION_SECONDS } from './limits';

export type DurationInput = { ok: true; seconds: number } | { ok: false; rule: string };

const EXAMPLES = 'Type a duration like 1h30, 1:30, 90m or 1.5h';
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const HOURS = String.raw`h|hr|hrs|hour|hours|u|uur`;
const MINUTES = String.raw`m|min|mins|minute|minutes`;
const HM = new RegExp(String.raw`^(?:${NUM}\s*(?:${HOURS}))?\s*(?:(\d+)\s*(?:${MINUTES})?)?$`, 'i');
const MINUTES_ONLY = new RegExp(String.raw`^${NUM}\s*(?:${MINUTES})$`, 'i');
const CLOCK = /^(\d{1,3}):([0-5]\d)$/;

export function parseDurationInput(text: string): DurationInput {
  const t = text.trim();
  if (!t) return { ok: false, rule: EXAMPLES };
  let minutes: number;
  const clock = CLOCK.exec(t);
  const onlyMinutes = MINUTES_ONLY.exec(t);
  const hm = HM.exec(t);
  if (clock) minutes = +clock[1]! * 60 + +clock[2]!;
  else if (onlyMinutes) minutes = num(onlyMinutes[1]!);
  else if (/^\d+$/.test(t)) minutes = +t;
  else if (hm && (hm[1] !== undefined)) {
    // "1h30": the number after the hours is minutes; a decimal hour takes no minutes after it.
    if (hm[2] !== undefined && /[.,]/.test(hm[1])) return { ok: false, rule: EXAMPLES };
    minutes = num(hm[1]) * 60 + (hm[2] === undefined ? 0 : +hm[2]);
  } else return { ok: false, rule: EXAMPLES };
  if (!Number.isFinite(minutes)) return { ok: false, rule: EXAMPLES };
  const seconds = Math.round(minutes * 60);
  if (seconds % 60 !== 0) return { ok: false, rule: 'Durations are in whole minutes' };
  if (seconds <= 0) return { ok: false, rule: 'Duration must be more than zero' };
  if (seconds > MAX_DURATION_SECONDS) return { ok: false, rule: `An entry can last at most ${MAX_DURATION_SECONDS / 86_400} days` };
  return { ok: true, seconds };
}

function num(s: string): number {
  return Number(s.replace(',', '.'));
}

/** How a form shows a duration it computed: `1h30`, `45m`, `3h` — a form parseDurationInput reads back. */
export function durationInputText(seconds: number): string {
  const m = Math.round(seconds / 60);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest}m`;
  return rest ? `${h}h${String(rest).padStart(2, '0')}` : `${h}h`;
}
