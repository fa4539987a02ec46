/**
 * The pomodoro rhythm as a pure state machine: work, break, work… Each tick compares the clock
 * with the phase's end. After a long sleep it lands in the phase the clock is in now, with one
 * message, not one per missed phase.
 */
import type { Settings } from '../../shared/bridge';

export type Pomodoro = { phase: 'work' | 'break'; startedAt: number; endsAt: number; round: number } | null;

type Lengths = Pick<Settings, 'pomodoro_work_minutes' | 'pomodoro_break_minutes'>;

const length = (phase: 'work' | 'break', s: Lengths) => (phase === 'work' ? s.pomodoro_work_minutes : s.pomodoro_break_minutes) * 60_000;

export function startPomodoro(now: number, s: Lengths): Pomodoro {
  return { phase: 'work', startedAt: now, endsAt: now + length('work', s), round: 1 };
}

export function stopPomodoro(): Pomodoro {
  return null;
}

export function tickPomodoro(p: Pomodoro, now: number, s: Lengths): { p: Pomodoro; transition: null | { to: 'work' | 'break'; message: string } } {
  if (!p || now < p.endsAt) return { p, transition: null };
  let cur = p;
  while (now >= cur.endsAt) {
    const phase = cur.phase === 'work' ? 'break' : 'work';
    cur = { phase, startedAt: cur.endsAt, endsAt: cur.endsAt + length(phase, s), round: phase === 'work' ? cur.round + 1 : cur.round };
  }
  const message = cur.phase === 'break'
    ? `Pomodoro ${cur.round} done: take ${s.pomodoro_break_minutes} minutes. The timer is paused.`
    : `Break over: pomodoro ${cur.round} starts, and so does your timer.`;
  return { p: cur, transition: { to: cur.phase, message } };
}

export function pomodoroLabel(p: Pomodoro, now: number): string {
  if (!p) return '';
  const left = Math.max(0, Math.ceil((p.endsAt - now) / 1000));
  return `${p.phase === 'work' ? 'Work' : 'Break'} ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left`;
}
