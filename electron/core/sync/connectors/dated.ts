/** Shared by the date-only connectors (Kantata, Kukkingu): one remote record per local day. */
import { localDateOf, localDayStart, nextLocalDate, zonedInstant } from '../../../../shared/time';
import type { LocalEntry } from '../connector';

export interface DayPart {
  date: string;
  seconds: number;
}

/**
 * Local midnights by zone and date, and the local date of each midnight: a drain asks for the same
 * few days thousands of times (a piece's day end, each answer's span), and each ask through the
 * time-zone database was a tenth of a Kukkingu drain's CPU. The values are those of shared/time.
 */
const midnights = new Map<string, number>();
const datesOf = new Map<string, string>();
const MAX_CACHED = 4096;

function remember<V>(m: Map<string, V>, key: string, make: () => V): V {
  let v = m.get(key);
  if (v === undefined) {
    if (m.size >= MAX_CACHED) m.clear();
    m.set(key, (v = make()));
  }
  return v;
}

const dayStart = (date: string, zone: string) => remember(midnights, `${zone} ${date}`, () => localDayStart(date, zone));

/**
 * The entry's local days with their real seconds (23 h and 25 h days included): splitByLocalDay
 * (shared/time.ts) with its midnights remembered.
 */
export function dayParts(e: LocalEntry): DayPart[] {
  const parts: DayPart[] = [];
  let from = e.start;
  while (from < e.end) {
    const at = from;
    // After the first piece `from` is a midnight: its date is remembered with it.
    const date = at === e.start ? localDateOf(at, e.zone) : remember(datesOf, `${e.zone} ${at}`, () => localDateOf(at, e.zone));
    const to = Math.min(e.end, dayStart(nextLocalDate(date), e.zone));
    parts.push({ date, seconds: Math.round((to - from) / 1000) });
    from = to;
  }
  return parts;
}

/** A date-only record's span for display: local midnight of its date plus its duration. */
export function spanOf(date: string, seconds: number, zone: string): { start: number; end: number } {
  const start = remember(midnights, `${zone} ${date}`, () => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return zonedInstant(y, m, d, 0, 0, zone);
  });
  return { start, end: start + seconds * 1000 };
}

export const REFERENCE_SOURCE = 'timetray';
