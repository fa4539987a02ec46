import { systemTimeZone } from '../../shared/time';

/** The host's sense of time: tests and the CLI's `--at` replace it; nothing else reads Date.now. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The user's IANA zone; a setting may override the system's. */
export type ZoneSource = () => string;
export const systemZone: ZoneSource = systemTimeZone;
