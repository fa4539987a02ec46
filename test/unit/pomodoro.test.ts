/**
 * The pomodoro rhythm the user hears: work, break, work; the tray's countdown; and after a long
 * sleep, one message for the phase the rhythm is in now, not a burst for every missed phase.
 */
import { describe, expect, it } from 'vitest';
import { pomodoroLabel, startPomodoro, stopPomodoro, tickPomodoro, type Pomodoro } from '../../electron/core/pomodoro';

const MIN = 60_000;
const S = { pomodoro_work_minutes: 25, pomodoro_break_minutes: 5 };
const T0 = Date.parse('2026-11-23T09:00:00Z');

/** The rhythm stepped one phase at a time: what a machine that never slept would go through. */
function stepwise(p: NonNullable<Pomodoro>, now: number, s = S): NonNullable<Pomodoro> {
  let cur = p;
  while (now >= cur.endsAt) {
    const phase = cur.phase === 'work' ? 'break' : 'work';
    const len = (phase === 'work' ? s.pomodoro_work_minutes : s.pomodoro_break_minutes) * MIN;
    cur = { phase, startedAt: cur.endsAt, endsAt: cur.endsAt + len, round: phase === 'work' ? cur.round + 1 : cur.round };
  }
  return cur;
}

describe('the rhythm', () => {
  it('work 25, break 5, work again, with a message at each turn', () => {
    const p = startPomodoro(T0, S);
    expect(p).toEqual({ phase: 'work', startedAt: T0, endsAt: T0 + 25 * MIN, round: 1 });
    expect(tickPomodoro(p, T0 + 25 * MIN - 1, S)).toEqual({ p, transition: null });
    const b = tickPomodoro(p, T0 + 25 * MIN, S);
    expect(b.p).toEqual({ phase: 'break', startedAt: T0 + 25 * MIN, endsAt: T0 + 30 * MIN, round: 1 });
    expect(b.transition).toEqual({ to: 'break', message: expect.stringMatching(/Pomodoro 1 done: take 5 minutes/) });
    expect(tickPomodoro(b.p, T0 + 29 * MIN, S).transition).toBeNull();
    const w = tickPomodoro(b.p, T0 + 30 * MIN + 3000, S);
    expect(w.p).toEqual({ phase: 'work', startedAt: T0 + 30 * MIN, endsAt: T0 + 55 * MIN, round: 2 });
    expect(w.transition).toEqual({ to: 'work', message: expect.stringMatching(/pomodoro 2 starts/) });
  });

  it('a late tick keeps the rhythm: the next phase starts when the last one ended, not at the tick', () => {
    const p = startPomodoro(T0, S);
    expect(tickPomodoro(p, T0 + 26 * MIN, S).p).toMatchObject({ phase: 'break', startedAt: T0 + 25 * MIN, endsAt: T0 + 30 * MIN });
  });

  it('stopped: nothing ticks and the tray shows nothing', () => {
    expect(stopPomodoro()).toBeNull();
    expect(tickPomodoro(null, T0, S)).toEqual({ p: null, transition: null });
    expect(pomodoroLabel(null, T0)).toBe('');
  });

  it('new lengths apply from the next phase on', () => {
    const p = startPomodoro(T0, S);
    const longer = { pomodoro_work_minutes: 50, pomodoro_break_minutes: 10 };
    expect(tickPomodoro(p, T0 + 20 * MIN, longer).p).toBe(p);
    expect(tickPomodoro(p, T0 + 25 * MIN, longer).p).toMatchObject({ phase: 'break', endsAt: T0 + 35 * MIN });
  });
});

describe('the tray countdown', () => {
  it('reads "Work 12:34 left", rounding up to the whole second', () => {
    const p = startPomodoro(T0, S);
    expect(pomodoroLabel(p, T0)).toBe('Work 25:00 left');
    expect(pomodoroLabel(p, T0 + 12 * MIN + 26_000)).toBe('Work 12:34 left');
    expect(pomodoroLabel(p, T0 + 25 * MIN - 500)).toBe('Work 0:01 left');
    expect(pomodoroLabel(p, T0 + 26 * MIN)).toBe('Work 0:00 left');
    expect(pomodoroLabel({ phase: 'break', startedAt: T0, endsAt: T0 + 5 * MIN, round: 1 }, T0 + 55_000)).toBe('Break 4:05 left');
  });
});

describe('after a long sleep', () => {
  it('one transition into the phase the rhythm is in now', () => {
    const p = startPomodoro(T0, S);
    // Asleep from minute 10 to minute 10 + 2 h: four and a half cycles passed.
    const r = tickPomodoro(p, T0 + 130 * MIN, S);
    expect(r.p).toEqual({ phase: 'work', startedAt: T0 + 120 * MIN, endsAt: T0 + 145 * MIN, round: 5 });
    expect(r.transition?.to).toBe('work');
    // The next tick at the same moment has nothing more to say.
    expect(tickPomodoro(r.p, T0 + 130 * MIN, S).transition).toBeNull();
  });

  it('lands in a break when the clock is in one', () => {
    const r = tickPomodoro(startPomodoro(T0, S), T0 + 145 * MIN + 2 * MIN, S);
    expect(r.p).toEqual({ phase: 'break', startedAt: T0 + 145 * MIN, endsAt: T0 + 150 * MIN, round: 5 });
    expect(r.transition?.message).toMatch(/Pomodoro 5 done/);
  });

  it('exactly on a phase boundary starts the new phase', () => {
    const r = tickPomodoro(startPomodoro(T0, S), T0 + 60 * MIN, S);
    expect(r.p).toMatchObject({ phase: 'work', startedAt: T0 + 60 * MIN, round: 3 });
  });

  it('a week asleep costs one step and gives the same answer as stepping phase by phase', () => {
    const odd = { pomodoro_work_minutes: 7, pomodoro_break_minutes: 3 };
    const starts: NonNullable<Pomodoro>[] = [
      startPomodoro(T0, odd)!, { phase: 'break', startedAt: T0, endsAt: T0 + 3 * MIN, round: 4 },
    ];
    for (const p of starts) {
      for (const later of [0, 1, 2.5, 3, 7, 9.99, 10, 11, 600, 7 * 24 * 60 + 0.5]) {
        const now = p.endsAt + later * MIN;
        expect(tickPomodoro(p, now, odd).p).toEqual(stepwise(p, now, odd));
      }
    }
  });
});
