/** Idle and sleep: what main observes, what it asks the user, and the answers. */
import type { RunningTimer } from './entry';

/**
 * One observation. `wall` is Date.now() (UTC ms; it jumps when the clock is set), `mono` a
 * monotonic clock (performance.now(); it does not advance while the machine sleeps).
 */
export type IdleSignal =
  | { kind: 'sample'; wall: number; mono: number; idleSeconds: number }
  | { kind: 'suspend' | 'resume' | 'lock' | 'unlock'; wall: number; mono: number };

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
