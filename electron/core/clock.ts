import { setDateZone, systemTimeZone } from '../../shared/time';
import { hostZone } from './host-zone';

/** The host's sense of time: tests and the CLI's `--at` replace it; nothing else reads Date.now. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The user's IANA zone; a setting may override the system's. */
export type ZoneSource = () => string;
export const systemZone: ZoneSource = () => {
  const host = hostZone();
  const tz = process.env.TZ;
  // The zone Date itself computes in: shared/time answers for it without Intl, while TZ stays.
  setDateZone(host, () => process.env.TZ === tz);
  return host ?? systemTimeZone();
};
