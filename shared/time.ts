/**
 * Time arithmetic. Instants are UTC epoch milliseconds everywhere; a local day exists only when a
 * time zone is named, so every function that speaks of days takes one (an IANA name).
 */
import { TZDate } from '@date-fns/tz';

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{1,2}):(\d{2})$/;

/** `2026-01-15T09:00:00Z` or `…+01:00` → epoch ms; null for anything else, including Feb 30. */
export function parseIsoInstant(text: string): number | null {
  const m = ISO_WITH_OFFSET.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0'] = m;
  if (!isCalendarDate(+y!, +mo!, +d!) || +h! > 23 || +mi! > 59 || +s > 59) return null;
  const offset = m[8]!.toUpperCase();
  if (offset !== 'Z') {
    const oh = +offset.slice(1, 3);
    const om = +offset.slice(-2);
    if (oh > 23 || om > 59) return null;
  }
  const ms = Date.parse(text.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? ms : null;
}

export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD` that names a real calendar day. */
export function isLocalDate(text: string): boolean {
  const m = LOCAL_DATE.exec(text);
  return !!m && isCalendarDate(+m[1]!, +m[2]!, +m[3]!);
}

/**
 * The zone this process's Date already computes in, when the host told us without Intl (core's
 * host-zone.ts reads TZ or /etc/localtime): Date's local-time methods then answer for it, and a
 * CLI call never loads ICU's formatting data. Null (the default, and in the renderer): TZDate.
 */
let dateZone: string | null = null;
let dateZoneHolds: () => boolean = () => true;
/** `holds` answers whether Date still computes in `zone` (a process may change its TZ while running). */
export function setDateZone(zone: string | null, holds: () => boolean = () => true): void {
  dateZone = zone;
  dateZoneHolds = holds;
}
const inDateZone = (zone: string) => zone === dateZone && dateZoneHolds();

/** The instant a local wall-clock time names in `zone`; a time skipped by DST moves forward. */
export function zonedInstant(
  y: number, month: number, d: number, h: number, mi: number, zone: string,
): number {
  if (!inDateZone(zone)) return new TZDate(y, month - 1, d, h, mi, 0, 0, zone).getTime();
  // Date's own local time resolves gaps and repeats as TZDate does (ECMA-262: the offset before
  // the transition); setFullYear keeps years below 100 as written.
  const t = new Date(2000, 0, 1);
  t.setFullYear(y, month - 1, d);
  t.setHours(h, mi, 0, 0);
  return t.getTime();
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in `zone`. */
export function localDateOf(ms: number, zone: string): string {
  const t = inDateZone(zone) ? new Date(ms) : new TZDate(ms, zone);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** Local wall-clock `HH:MM` of an instant in `zone`. */
export function localClockOf(ms: number, zone: string): string {
  const t = inDateZone(zone) ? new Date(ms) : new TZDate(ms, zone);
  return `${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** First instant of a local day (midnight, or the first instant after a DST gap at midnight). */
export function localDayStart(date: string, zone: string): number {
  const m = LOCAL_DATE.exec(date);
  if (!m || !isCalendarDate(+m[1]!, +m[2]!, +m[3]!)) throw new RangeError(`not a date: ${date}`);
  return zonedInstant(+m[1]!, +m[2]!, +m[3]!, 0, 0, zone);
}

/** The local date `days` after `date` (before, when negative): calendar arithmetic, no zone involved. */
export function addLocalDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The local date after `date`. */
export const nextLocalDate = (date: string): string => addLocalDays(date, 1);

/** Half-open instant range [start, end) covering the local days `from`..`to` inclusive. */
export function localDaysRange(from: string, to: string, zone: string): [number, number] {
  return [localDayStart(from, zone), localDayStart(nextLocalDate(to), zone)];
}

export interface DayPiece {
  date: string;
  start: number;
  end: number;
  seconds: number;
}

/**
 * Splits [start, end) at local midnights. A day may be 23 or 25 hours long; a piece never is more
 * than its day. Views and date-only connectors use it; storage never splits.
 */
export function splitByLocalDay(start: number, end: number, zone: string): DayPiece[] {
  const pieces: DayPiece[] = [];
  let from = start;
  while (from < end) {
    const date = localDateOf(from, zone);
    const dayEnd = localDayStart(nextLocalDate(date), zone);
    const to = Math.min(end, dayEnd);
    pieces.push({ date, start: from, end: to, seconds: Math.round((to - from) / 1000) });
    from = to;
  }
  return pieces;
}

export type WhenResult = { ok: true; ms: number } | { ok: false; rule: string };

/**
 * WHEN as the CLI takes it: ISO 8601 with an offset, or `HH:MM` meaning today in `zone`.
 * `now` decides which day "today" is.
 */
export function parseWhen(text: string, zone: string, now: number): WhenResult {
  const iso = parseIsoInstant(text);
  if (iso !== null) return { ok: true, ms: iso };
  const c = CLOCK_TIME.exec(text.trim());
  if (c && +c[1]! <= 23 && +c[2]! <= 59) {
    const [y, m, d] = localDateOf(now, zone).split('-').map(Number) as [number, number, number];
    return { ok: true, ms: zonedInstant(y, m, d, +c[1]!, +c[2]!, zone) };
  }
  return {
    ok: false,
    rule: 'must be ISO 8601 with an offset (2026-01-15T09:00:00Z, …+01:00) or HH:MM for today',
  };
}

const DURATION_UNITS = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/i;
const DURATION_CLOCK = /^(\d+):([0-5]\d)$/;

/** DUR as the CLI takes it: `1h30m`, `90m`, `45m30s`, `1:30` (h:mm) → seconds; null if malformed. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  const clock = DURATION_CLOCK.exec(t);
  if (clock) return +clock[1]! * 3600 + +clock[2]! * 60;
  const u = DURATION_UNITS.exec(t);
  if (!u || t === '' || (u[1] ?? u[2] ?? u[3]) === undefined) return null;
  return (+(u[1] ?? 0)) * 3600 + (+(u[2] ?? 0)) * 60 + +(u[3] ?? 0);
}

/** `2h05m`, `45m`, `12s`: compact and unambiguous for lists and the tray. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h${pad(m)}m`;
  if (m > 0) return `${m}m`;
  return `${s}s`;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Instants are kept to the whole second: durations are then exact integers everywhere. */
export function truncateToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** The user's zone as the OS (or `TZ`) reports it. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
