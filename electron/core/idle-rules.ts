/**
 * When was the user away, and what does each answer do to the running timer? Pure functions of
 * what main observes (powerMonitor samples and events), so every clock scenario is a plain test:
 * a sleep across midnight or a DST change, the clock set back or forward, a resume whose suspend
 * event never came (Toggl #1368, #4864; solidtime#119: idle time wrong after sleep or lock).
 *
 * Each signal is first measured against the previous one: how much real time passed, and by how
 * much the wall clock was changed (see `measureStep`). A change of the clock moves every
 * remembered instant with it, so a span keeps its real length and is never negative. Then:
 *
 *         idle ≥ threshold, suspend, lock, or nothing observed for > threshold;
 *         since = the earliest of the last input seen and the suspend/lock instant
 *   ┌────────────┐ ─────────────────────────────────────────▶ ┌──────────────┐ ◀─┐ more idleness,
 *   │  PRESENT   │                                            │ AWAY (since) │   │ suspend, lock:
 *   │ (lastSeen) │ ◀───────────────────────────────────────── │ locked: y/n  │ ──┘ since = min(…)
 *   └────────────┘   input (idle < threshold) or resume,      └──────────────┘
 *                    but not while locked (input on the lock screen is the password);
 *                    unlock. Emits Away(since → return) once, if it lasted ≥ threshold.
 *
 * Threshold 0 means never: the state keeps its clocks but is never away.
 */
import type { AwayReason, IdleChoice, IdleSignal } from '../../shared/idle';

export type { AwayReason, IdleChoice, IdleSignal } from '../../shared/idle';

/** A stretch of time away, in wall-clock UTC ms; from < to. */
export interface Away {
  from: number;
  to: number;
  reason: AwayReason;
}

export interface IdleState {
  /** The previous signal's clocks; null before the first. */
  last: { wall: number; mono: number; boot: number | null } | null;
  /** When the user was last known present (wall), as of the previous signal. */
  lastSeen: number | null;
  /** Wall instant being away began; null while present. */
  since: number | null;
  reason: AwayReason | null;
  /** Between lock and unlock: only the unlock brings the user back. */
  locked: boolean;
}

/** Disagreements between clocks below this are scheduling noise or NTP slewing, not jumps. */
const JUMP_SLACK_MS = 2_000;
/** Samples come every ~5 s; a silence must exceed the threshold by this much to count as a gap. */
const GAP_SLACK_MS = 10_000;

export function initialIdleState(): IdleState {
  return { last: null, lastSeen: null, since: null, reason: null, locked: false };
}

/**
 * Real time between two signals, and the change of the wall clock in between (`shift`, wall
 * step minus real time). The monotonic clock measures real time while the machine is awake; it
 * stops during a suspend (Linux), so a wall step it did not see is either a sleep or the clock
 * set forward. The boot clock, when fed, tells which; without it the step is taken as a sleep:
 * a needless question costs one click, a missed sleep silently bills hours.
 */
function measureStep(prev: NonNullable<IdleState['last']>, s: IdleSignal): { real: number; shift: number } {
  const wall = s.wall - prev.wall;
  const mono = s.mono - prev.mono;
  const boot = s.boot !== undefined && prev.boot !== null ? s.boot - prev.boot : null;
  let real: number;
  if (mono < 0) {
    // A monotonic clock from another process (main restarted): measure what is left.
    real = boot !== null && boot >= 0 ? boot : Math.max(0, wall);
  } else if (boot !== null && boot >= mono - JUMP_SLACK_MS) {
    // The boot clock counts all the monotonic time plus suspended time; one that ran less is
    // not such a clock (e.g. moved with the wall clock), and is ignored.
    real = boot;
  } else if (wall - mono > JUMP_SLACK_MS) {
    real = wall;
  } else {
    real = mono;
  }
  return { real, shift: wall - real };
}

export function observeIdle(state: IdleState, s: IdleSignal, thresholdMs: number): { state: IdleState; away: Away | null } {
  const on = thresholdMs > 0;
  let { lastSeen, since, reason, locked } = state;
  if (state.last) {
    const { real, shift } = measureStep(state.last, s);
    if (Math.abs(shift) > JUMP_SLACK_MS) {
      if (lastSeen !== null) lastSeen += shift;
      if (since !== null) since += shift;
    }
    if (on && since === null && real > thresholdMs + GAP_SLACK_MS) {
      // Nothing observed for longer than the threshold: the machine slept and no suspend event
      // said so (a resume arriving now says it was a sleep). Away since last seen; this signal
      // decides whether the user is back yet.
      since = lastSeen ?? s.wall - real;
      reason = s.kind === 'resume' ? 'suspend' : 'gap';
    }
  }

  let away: Away | null = null;
  /** The user is back at `at`: one Away for the whole span, if it was long enough. */
  const back = (at: number): Away | null => {
    const from = since!;
    const to = Math.max(at, from);
    const r = reason ?? 'idle';
    since = null;
    reason = null;
    lastSeen = to;
    return to - from >= thresholdMs ? { from, to, reason: r } : null;
  };

  switch (s.kind) {
    case 'sample': {
      const idleMs = Math.max(0, s.idleSeconds * 1000);
      const lastInput = s.wall - idleMs;
      if (on && idleMs >= thresholdMs) {
        if (since === null) reason = 'idle';
        since = Math.min(since ?? lastInput, lastInput);
      } else if (since === null) {
        lastSeen = lastInput;
      } else if (!locked) {
        away = back(lastInput);
      }
      break;
    }
    case 'suspend':
    case 'lock':
      if (s.kind === 'lock') locked = true;
      if (since === null) {
        since = Math.min(s.wall, lastSeen ?? s.wall);
        reason = s.kind;
      } else {
        since = Math.min(since, s.wall);
      }
      break;
    case 'resume':
      // Still locked (a laptop that locks when it sleeps): away until the unlock.
      if (since === null) lastSeen = s.wall;
      else if (!locked) away = back(s.wall);
      break;
    case 'unlock':
      locked = false;
      if (since === null) lastSeen = s.wall;
      else away = back(s.wall);
      break;
  }
  if (!on) {
    since = null;
    reason = null;
  }
  return {
    state: { last: { wall: s.wall, mono: s.mono, boot: s.boot ?? null }, lastSeen, since, reason, locked },
    away: on ? away : null,
  };
}

/** What an answer does to the running timer. Instants are wall-clock UTC ms, whole seconds. */
export interface IdlePlan {
  /** Stop the running timer at this instant. */
  stopAt: number | null;
  /** Throw the running timer away: all of it was time away. */
  discardTimer: boolean;
  /** Store the time away as its own entry. */
  split: { start: number; end: number; description: string } | null;
  /** Start a timer with the running one's fields at this instant. */
  restartAt: number | null;
}

const NOTHING: IdlePlan = { stopAt: null, discardTimer: false, split: null, restartAt: null };
/** Entries are stored to the second; planning in whole seconds keeps the pieces contiguous. */
const floorSecond = (t: number) => Math.floor(t / 1000) * 1000;

export function planIdle(timerStart: number, away: Away, choice: IdleChoice, now: number): IdlePlan {
  // Only the part of the time away that the timer counted, and nothing after now.
  const from = Math.max(floorSecond(away.from), timerStart);
  const to = floorSecond(Math.min(away.to, now));
  if (choice.kind === 'keep' || to <= from) return { ...NOTHING };
  // The entry keeps the time before idleness began; with none left, the timer is thrown away.
  const end = from > timerStart ? { stopAt: from, discardTimer: false } : { stopAt: null, discardTimer: true };
  switch (choice.kind) {
    case 'discard':
      return { ...end, split: null, restartAt: null };
    case 'discard_continue':
      return { ...end, split: null, restartAt: floorSecond(now) };
    case 'split':
      return { ...end, split: { start: from, end: to, description: choice.description.trim() }, restartAt: to };
  }
}
