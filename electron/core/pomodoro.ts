/**
 * The pomodoro rhythm as a pure state machine:
 *
 *   start ──▶ WORK(round n) ──ends──▶ BREAK(round n) ──ends──▶ WORK(round n+1) ──▶ …
 *
 * Each tick compares the clock with the phase's end; nothing ticks in between, so a machine that
 * slept through several phases wakes in the phase the rhythm is in now, with one message, not a
 * burst of one per missed phase. New lengths from the settings apply from the next phase on.
 */
import type { Settings } from '../../shared/bridge';

export type Pomodoro = { phase: 'work' | 'break'; startedAt: number; endsAt: number; round: number } | null;

type Lengths = Pick<Settings, 'pomodoro_work_minutes' | 'pomodoro_break_minutes'>;
type Phase = 'work' | 'break';

const length = (phase: Phase, s: Lengths) => (phase === 'work' ? s.pomodoro_work_minutes : s.pomodoro_break_minutes) * 60_000;

export function startPomodoro(now: number, s: Lengths): Pomodoro {
  return { phase: 'work', startedAt: now, endsAt: now + length('work', s), round: 1 };
}

export function stopPomodoro(): Pomodoro {
  return null;
}

export function tickPomodoro(p: Pomodoro, now: number, s: Lengths): { p: Pomodoro; transition: null | { to: Phase; message: string } } {
  if (!p || now < p.endsAt) return { p, transition: null };
  // After the current phase come whole cycles (next phase + the one after), then a remainder:
  // computed, not looped, so a week asleep costs the same as one phase.
  const next: Phase = p.phase === 'work' ? 'break' : 'work';
  const first = length(next, s);
  const cycle = length('work', s) + length('break', s);
  const cycles = Math.floor((now - p.endsAt) / cycle);
  const cycleStart = p.endsAt + cycles * cycle;
  // Every work phase begins a round; a break keeps the round of the work before it. Each whole
  // cycle holds one work phase; the last partial cycle holds one more if it reached work.
  let cur: NonNullable<Pomodoro>;
  if (now < cycleStart + first) {
    cur = { phase: next, startedAt: cycleStart, endsAt: cycleStart + first, round: p.round + cycles + (next === 'work' ? 1 : 0) };
  } else {
    const after: Phase = next === 'work' ? 'break' : 'work';
    const start = cycleStart + first;
    cur = { phase: after, startedAt: start, endsAt: start + length(after, s), round: p.round + cycles + 1 };
  }
  const message = cur.phase === 'break'
    ? `Pomodoro ${cur.round} done: take ${s.pomodoro_break_minutes} minutes. The timer is paused.`
    : `Break over: pomodoro ${cur.round} starts, and so does your timer.`;
  return { p: cur, transition: { to: cur.phase, message } };
}

/** The tray's text, e.g. "Work 12:34 left"; empty when no pomodoro runs. */
export function pomodoroLabel(p: Pomodoro, now: number): string {
  if (!p) return '';
  const left = Math.max(0, Math.ceil((p.endsAt - now) / 1000));
  return `${p.phase === 'work' ? 'Work' : 'Break'} ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
}
