/**
 * What a server must hold for one of our entries, from what its descriptor DECLARES (precision,
 * time of day) and never from the connector's mapping code, so a connector that sends otherwise
 * than its provider is declared to keep cannot agree with itself: 'minutes' keeps whole minutes
 * (nearest, never 0), 'minutes-floor' floors start and end to the minute, 'seconds' keeps them;
 * an API without time of day files one record per local day.
 */
import { descriptorOf } from '../../electron/core/sync/connectors';
import type { Provider } from '../../shared/entry';
import { splitByLocalDay } from '../../shared/time';
import type { Held } from '../providers';

export type Expected = Omit<Held, 'id' | 'ref'>;

const minutes = (s: number) => Math.max(1, Math.round(s / 60)) * 60;
const floorMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

/** `start` and `end` in epoch ms; `zone` is where the entry's local days are. */
export function heldFor(provider: Provider, f: { description: string; project_id: string | null; start: number; end: number }, zone: string): Expected[] {
  const { precision, timeOfDay } = descriptorOf(provider).capabilities;
  const base = { description: f.description, project_id: f.project_id };
  const length = (s: number) => (precision === 'seconds' ? s : minutes(s));
  if (!timeOfDay) {
    if (precision === 'minutes-floor') throw new Error(`${provider}: minutes-floor names start and end times, which a date-only API has not`);
    return splitByLocalDay(f.start, f.end, zone).map((p) => ({ ...base, start: null, date: p.date, seconds: length(p.seconds) }));
  }
  if (precision === 'minutes-floor') {
    return [{ ...base, start: floorMinute(f.start), date: null, seconds: (floorMinute(f.end) - floorMinute(f.start)) / 1000 }];
  }
  return [{ ...base, start: f.start, date: null, seconds: length((f.end - f.start) / 1000) }];
}
