/**
 * When was the user away, and what does each answer do to the running timer? Pure functions of
 * the observations main makes (powerMonitor samples and events), so every clock scenario is a
 * plain test: sleep across midnight or a DST change, the clock set backwards, a resume whose
 * suspend event never came.
 *
 *                 idle ≥ threshold / suspend / lock
 *     PRESENT ───────────────────────────────────────▶ AWAY(since)
 *        ▲                                                │
 *        │   input again / resume / unlock: emit Away     │
 *        └────────────────────────────────────────────────┘
 *     PRESENT ── wall advanced far more than mono between two signals ──▶ emit Away (gap)
 *
 * Time away is measured on the wall clock (entries are wall-clock instants), but every jump of
 * the wall clock that the monotonic clock did not see is accounted for: a jump backwards moves
 * "since" with it (no negative or phantom time); a jump forwards with no monotonic progress is
 * a sleep, which is time away.
 */
import type { AwayReason, IdleChoice, IdleSignal } from '../../shared/idle';

export type { IdleChoice, IdleSignal } from '../../shared/idle';

export interface Away {
  from: number;
  to: number;
  reason: AwayReason;
}

export interface IdleState {
  /** The previous signal's clocks. */
  last: { wall: number; mono: number } | null;
  /** When the user was last seen (wall), as of the previous signal. */
  lastSeen: number | null;
  /** Wall instant when being away began; null while present. */
  since: number | null;
  reason: AwayReason | null;
}

/** Differences between the two clocks smaller than this are scheduling noise, not jumps. */
const JUMP_SLACK_MS = 2_000;

export function initialIdleState(): IdleState {
  return { last: null, lastSeen: null, since: null, reason: null };
}

function away(from: number, to: number, reason: AwayReason, thresholdMs: number): Away | null {
  return to - from >= thresholdMs ? { from, to, reason } : null;
}

export function observeIdle(state: IdleState, s: IdleSignal, thresholdMs: number): { state: IdleState; away: Away | null } {
  let { since, reason, lastSeen } = state;
  let result: Away | null = null;
  if (state.last) {
    const jump = s.wall - state.last.wall - (s.mono - state.last.mono);
    if (jump < -JUMP_SLACK_MS) {
      // The clock was set back: everything remembered in wall time moves back with it.
      if (since !== null) since += jump;
      if (lastSeen !== null) lastSeen += jump;
    } else if (jump > JUMP_SLACK_MS && since === null && thresholdMs > 0 && jump >= thresholdMs) {
      // Wall time passed that the monotonic clock never saw: the machine slept, and no suspend
      // event told us. Away from when the user was last seen until now.
      const from = lastSeen ?? state.last.wall;
      result = away(from, s.kind === 'sample' ? s.wall - s.idleSeconds * 1000 : s.wall, 'gap', thresholdMs);
    }
  }
  const next = (st: Partial<IdleState>): { state: IdleState; away: Away | null } => ({
    state: { last: { wall: s.wall, mono: s.mono }, lastSeen, since, reason, ...st },
    away: thresholdMs > 0 ? result : null,
  });
  if (result) return next({ since: null, reason: null, lastSeen: s.kind === 'sample' ? s.wall - s.idleSeconds * 1000 : s.wall });

  switch (s.kind) {
    case 'sample': {
      const idleMs = Math.max(0, s.idleSeconds * 1000);
      const lastInput = s.wall - idleMs;
      if (thresholdMs > 0 && idleMs >= thresholdMs) {
        if (since === null || lastInput < since) {
          since = lastInput;
          reason ??= 'idle';
        }
        return next({});
      }
      // A locked screen ends with its unlock, whatever input the lock screen saw.
      if (since !== null && reason !== 'lock') {
        // Input again: the user is back since their last input.
        result = away(since, Math.max(lastInput, since), reason ?? 'idle', thresholdMs);
        return next({ since: null, reason: null, lastSeen: lastInput });
      }
      return since === null ? next({ lastSeen: lastInput }) : next({});
    }
    case 'suspend':
    case 'lock':
      if (since === null || s.wall < since) {
        since = Math.min(s.wall, lastSeen ?? s.wall);
        reason = s.kind;
      }
      return next({});
    case 'resume':
    case 'unlock':
      if (since !== null) {
        result = away(since, Math.max(s.wall, since), reason ?? (s.kind === 'resume' ? 'suspend' : 'lock'), thresholdMs);
        return next({ since: null, reason: null, lastSeen: s.wall });
      }
      return next({ lastSeen: s.wall });
  }
}

/** What an answer does to the running timer. Instants are wall-clock ms. */
export interface IdlePlan {
  /** Stop the running timer at this instant. */
  stopAt: number | null;
  /** Throw the running timer away (all of it was time away). */
  discardTimer: boolean;
  /** Store the time away as its own entry. */
  split: { start: number; end: number; description: string } | null;
  /** Start a timer like the running one at this instant. */
  restartAt: number | null;
}

export function planIdle(timerStart: number, a: Away, choice: IdleChoice, now: number): IdlePlan {
  const from = Math.max(a.from, timerStart);
  const to = Math.max(from, Math.min(a.to, now));
  const end = from > timerStart ? { stopAt: from, discardTimer: false } : { stopAt: null, discardTimer: true };
  switch (choice.kind) {
    case 'keep':
      return { stopAt: null, discardTimer: false, split: null, restartAt: null };
    case 'discard':
      return { ...end, split: null, restartAt: null };
    case 'discard_continue':
      return { ...end, split: null, restartAt: now };
    case 'split':
      return { ...end, split: to > from ? { start: from, end: to, description: choice.description.trim() } : null, restartAt: to };
  }
}
