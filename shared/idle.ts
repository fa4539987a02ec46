/**
 * Idle and sleep: what main observes, what it asks the user, and the answers. Types only: the
 * renderer imports this, so it imports nothing but the entry types.
 */
import type { RunningTimer } from './entry';

/**
 * One observation. `wall` is Date.now() (UTC ms; it jumps when the clock is set), `mono` a
 * monotonic clock (performance.now(); on Linux it does not advance while the machine sleeps).
 * `boot`, when given, is a clock that counts suspended time but not clock changes
 * (os.uptime() * 1000): with it a wall jump the monotonic clock missed can be told apart as a
 * sleep (boot moved too) or a clock set forward (boot did not). Without it, such a jump is taken
 * as a sleep, because asking once too often costs a click and not asking costs hours.
 */
export type IdleSignal =
  | { kind: 'sample'; wall: number; mono: number; boot?: number; idleSeconds: number }
  | { kind: 'suspend' | 'resume' | 'lock' | 'unlock'; wall: number; mono: number; boot?: number };

/** What began the time away: idleness, a sleep, a locked screen, or a stretch nothing was observed. */
export type AwayReason = 'idle' | 'suspend' | 'lock' | 'gap';

export type IdleChoice =
  | { kind: 'keep' }
  | { kind: 'discard' }
  | { kind: 'discard_continue' }
  | { kind: 'split'; description: string };

/** The question after time away with a timer running. Instants are ISO 8601 UTC. */
export interface IdlePrompt {
  id: string;
  away_from: string;
  away_to: string;
  away_seconds: number;
  reason: AwayReason;
  timer: RunningTimer;
}
