/**
 * What each server must hold for an intended entry, from the seeds' own rules and written apart
 * from the connectors (so a connector's mistake cannot agree with itself): Voltasis and Kantata
 * keep whole minutes (nearest, never 0), Moneybird floors start and end to the minute, Kantata
 * and Kukkingu file one record per local day, Expensicat keeps seconds.
 */
import type { Provider } from '../../shared/entry';
import { splitByLocalDay } from '../../shared/time';
import type { Held } from '../providers';
import type { Fields } from './intent';

export type Expected = Omit<Held, 'id' | 'ref'>;

const minutes = (s: number) => Math.max(1, Math.round(s / 60)) * 60;
const floorMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

export function serverView(provider: Provider, f: Fields, zone: string): Expected[] {
  const secs = (f.end - f.start) / 1000;
  const base = { description: f.description, project_id: f.project_id };
  switch (provider) {
    case 'voltasis':
      return [{ ...base, start: f.start, date: null, seconds: minutes(secs) }];
    case 'expensicat':
      return [{ ...base, start: f.start, date: null, seconds: secs }];
    case 'moneybird':
      return [{ ...base, start: floorMinute(f.start), date: null, seconds: (floorMinute(f.end) - floorMinute(f.start)) / 1000 }];
    case 'kantata':
      return splitByLocalDay(f.start, f.end, zone).map((p) => ({ ...base, start: null, date: p.date, seconds: minutes(p.seconds) }));
    case 'kukkingu':
      return splitByLocalDay(f.start, f.end, zone).map((p) => ({ ...base, start: null, date: p.date, seconds: p.seconds }));
  }
}

export function viewKey(h: Expected): string {
  return JSON.stringify([h.description, h.start, h.date, h.seconds, h.project_id]);
}
