/** Shared by the date-only connectors (Kantata, Kukkingu): one remote record per local day. */
import { splitByLocalDay, zonedInstant } from '../../../../shared/time';
import type { LocalEntry } from '../connector';

export interface DayPart {
  date: string;
  seconds: number;
}

/** The entry's local days with their real seconds (23 h and 25 h days included). */
export function dayParts(e: LocalEntry): DayPart[] {
  return splitByLocalDay(e.start, e.end, e.zone).map((p) => ({ date: p.date, seconds: p.seconds }));
}

/** A date-only record's span for display: local midnight of its date plus its duration. */
export function spanOf(date: string, seconds: number, zone: string): { start: number; end: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = zonedInstant(y, m, d, 0, 0, zone);
  return { start, end: start + seconds * 1000 };
}

export const REFERENCE_SOURCE = 'timetray';
