/**
 * The idle rules against every clock scenario a user meets: idle past the threshold, sleep, lock,
 * a sleep with no suspend event, across midnight and DST, the clock set back or forward; and what
 * each answer does to the running timer. Clocks are given per signal: `wall` (Date.now, UTC),
 * `mono` (performance.now, stops during a Linux suspend), `boot` (os.uptime, counts the suspend).
 */
import { describe, expect, it } from 'vitest';
import { initialIdleState, observeIdle, planIdle, type Away, type IdleSignal, type IdleState } from '../../electron/core/idle-rules';
import { localClockOf, localDateOf, zonedInstant } from '../../shared/time';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const THRESHOLD = 5 * MIN;
const T0 = Date.parse('2026-11-23T10:00:00Z');

/** Feeds signals in order; returns every Away raised. */
function run(signals: IdleSignal[], threshold = THRESHOLD): Away[] {
  let state: IdleState = initialIdleState();
  const out: Away[] = [];
  for (const s of signals) {
    const r = observeIdle(state, s, threshold);
    state = r.state;
    if (r.away) out.push(r.away);
  }
  return out;
}

/** Samples every 5 s from `wall`/`mono`, with the given idle seconds at each step. */
function samples(wall: number, mono: number, idle: number[]): IdleSignal[] {
  return idle.map((idleSeconds, i) => ({ kind: 'sample', wall: wall + i * 5 * SEC, mono: mono + i * 5 * SEC, idleSeconds }));
}
const sample = (wall: number, mono: number, idleSeconds = 0, boot?: number): IdleSignal =>
  ({ kind: 'sample', wall, mono, idleSeconds, ...(boot === undefined ? {} : { boot }) });
const ev = (kind: 'suspend' | 'resume' | 'lock' | 'unlock', wall: number, mono: number, boot?: number): IdleSignal =>
  ({ kind, wall, mono, ...(boot === undefined ? {} : { boot }) });

describe('idle past the threshold', () => {
  it('asks once on return, for the span from the last input to the new one', () => {
    const idle = Array.from({ length: 120 }, (_, i) => 30 + i * 5); // 30 s … 10 min idle
    const backAt = T0 + idle.length * 5 * SEC;
    const a = run([...samples(T0, 1e6, idle), ...samples(backAt, 1e6 + idle.length * 5 * SEC, [2, 0, 1, 0])]);
    // Exactly once, though four samples after the return show input.
    expect(a).toEqual([{ from: T0 - 30 * SEC, to: backAt - 2 * SEC, reason: 'idle' }]);
  });

  it('below the threshold asks nothing; the threshold 0 never asks, not even after a sleep', () => {
    expect(run([...samples(T0, 0, [60, 120, 240, 290]), ...samples(T0 + 20 * SEC, 20 * SEC, [0])])).toEqual([]);
    expect(run([...samples(T0, 0, [3600]), ...samples(T0 + 5 * SEC, 5 * SEC, [0])], 0)).toEqual([]);
    expect(run([ev('suspend', T0, 0), ev('resume', T0 + 3 * HOUR, 1000), sample(T0 + 3 * HOUR + 5 * SEC, 6000)], 0)).toEqual([]);
  });

  it('idle first, then the machine slept: one span from the idle start, not two', () => {
    const a = run([
      ...samples(T0, 0, [400, 405]),
      ev('suspend', T0 + 10 * SEC, 10 * SEC),
      ev('resume', T0 + HOUR, 11 * SEC),
      sample(T0 + HOUR + 5 * SEC, 16 * SEC, 3),
    ]);
    expect(a).toEqual([{ from: T0 - 400 * SEC, to: T0 + HOUR, reason: 'idle' }]);
  });
});

describe('sleep', () => {
  it('suspend then resume after 2 h: the question shows 2 h (release gate)', () => {
    const a = run([
      sample(T0 - 5 * SEC, 0, 0),
      ev('suspend', T0, 5 * SEC),
      // Linux's monotonic clock does not run during suspend: 2 hours later it has moved 1 s.
      ev('resume', T0 + 2 * HOUR, 6 * SEC),
    ]);
    // From the last sign of the user (5 s before the suspend) to the resume: shown as 2 h 0 min.
    expect(a).toEqual([{ from: T0 - 5 * SEC, to: T0 + 2 * HOUR, reason: 'suspend' }]);
    expect(Math.round((a[0]!.to - a[0]!.from) / MIN)).toBe(120);
  });

  it('starts at the last input when that was before the suspend', () => {
    const a = run([...samples(T0, 0, [40]), ev('suspend', T0 + SEC, SEC), ev('resume', T0 + 2 * HOUR, 2 * SEC)]);
    expect(a).toEqual([{ from: T0 - 40 * SEC, to: T0 + 2 * HOUR, reason: 'suspend' }]);
  });

  it('across local midnight counts its whole length, as one span over two local days', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York']) {
      const before = zonedInstant(2026, 11, 23, 23, 30, zone);
      const a = run([sample(before, 0, 0), ev('suspend', before + SEC, SEC), ev('resume', before + 8 * HOUR, 1500)]);
      expect(a).toEqual([{ from: before, to: before + 8 * HOUR, reason: 'suspend' }]);
      expect(localClockOf(a[0]!.from, zone)).toBe('23:30');
      expect(localDateOf(a[0]!.from, zone)).toBe('2026-11-23');
      expect(localDateOf(a[0]!.to, zone)).toBe('2026-11-24');
    }
  });

  it('across a DST change counts real elapsed time, not the difference of the local clock times', () => {
    // Europe/Berlin, 2026-03-29: 01:30 CET → 03:30 CEST reads as 2 h on the wall but is 1 h.
    const berlinFrom = zonedInstant(2026, 3, 29, 1, 30, 'Europe/Berlin');
    const berlinTo = zonedInstant(2026, 3, 29, 3, 30, 'Europe/Berlin');
    const b = run([sample(berlinFrom, 0, 0), ev('suspend', berlinFrom, 10), ev('resume', berlinTo, 20)]);
    expect(b).toEqual([{ from: berlinFrom, to: berlinTo, reason: 'suspend' }]);
    expect(b[0]!.to - b[0]!.from).toBe(HOUR);
    // America/New_York, 2026-11-01: 00:30 EDT → 02:30 EST reads as 2 h but is 3 h.
    const nyFrom = zonedInstant(2026, 11, 1, 0, 30, 'America/New_York');
    const nyTo = zonedInstant(2026, 11, 1, 2, 30, 'America/New_York');
    const n = run([sample(nyFrom, 0, 0), ev('suspend', nyFrom, 10), ev('resume', nyTo, 20)]);
    expect(n[0]!.to - n[0]!.from).toBe(3 * HOUR);
    // And a lock over the repeated hour (01:30 EDT → 01:30 EST): one real hour.
    const ny = Date.parse('2026-11-01T05:30:00Z');
    expect(localClockOf(ny, 'America/New_York')).toBe(localClockOf(ny + HOUR, 'America/New_York'));
    expect(run([ev('lock', ny, 0), ev('unlock', ny + HOUR, HOUR)])).toEqual([{ from: ny, to: ny + HOUR, reason: 'lock' }]);
  });

  it('a resume with no suspend event: the wall-clock silence the monotonic clock never saw is time away', () => {
    // Only samples: 30 min pass on the wall between two polls 5 s apart on the monotonic clock.
    expect(run([sample(T0, 500 * SEC, 2), sample(T0 + 30 * MIN, 505 * SEC, 0)]))
      .toEqual([{ from: T0 - 2 * SEC, to: T0 + 30 * MIN, reason: 'gap' }]);
    // A resume event arrives, its suspend never did: a sleep.
    expect(run([sample(T0, 500 * SEC, 0), ev('resume', T0 + 40 * MIN, 501 * SEC), sample(T0 + 40 * MIN + 5 * SEC, 506 * SEC, 4)]))
      .toEqual([{ from: T0, to: T0 + 40 * MIN, reason: 'suspend' }]);
    // A monotonic clock that counts the sleep (the samples simply stopped) tells the same.
    expect(run([sample(T0, 0, 0), sample(T0 + 30 * MIN, 30 * MIN, 0)])).toEqual([{ from: T0, to: T0 + 30 * MIN, reason: 'gap' }]);
    // The user has not come back yet (idle as long as the silence): asked only on the return.
    expect(run([sample(T0, 0, 0), sample(T0 + 30 * MIN, 5 * SEC, 30 * 60), sample(T0 + 30 * MIN + 5 * SEC, 10 * SEC, 35 * 60)])).toEqual([]);
  });

  it('scheduling hiccups and silences shorter than the threshold are not gaps', () => {
    expect(run([sample(T0, 0, 0), sample(T0 + 6500, 5 * SEC, 0)])).toEqual([]);
    expect(run([sample(T0, 0, 0), sample(T0 + 4 * MIN, 5 * SEC, 0)])).toEqual([]);
  });
});

describe('lock', () => {
  it('lock then unlock after more than the threshold; a short lock asks nothing', () => {
    expect(run([ev('lock', T0, 0), ev('unlock', T0 + 2 * MIN, 2 * MIN)])).toEqual([]);
    expect(run([ev('lock', T0, 0), ev('unlock', T0 + 12 * MIN, 12 * MIN)])).toEqual([{ from: T0, to: T0 + 12 * MIN, reason: 'lock' }]);
  });

  it('typing the password on the lock screen is not the return; the unlock is', () => {
    const a = run([
      sample(T0 - 5 * SEC, 0, 0),
      ev('lock', T0, 5 * SEC),
      ...samples(T0 + 5 * SEC, 10 * SEC, [5, 10, 15]),
      sample(T0 + 20 * MIN, 20 * MIN, 1), // the password
      ev('unlock', T0 + 20 * MIN + 3 * SEC, 20 * MIN + 3 * SEC),
    ]);
    expect(a).toEqual([{ from: T0 - 5 * SEC, to: T0 + 20 * MIN + 3 * SEC, reason: 'lock' }]);
  });

  it('a laptop that locks when it sleeps: one span from the lock to the unlock, not to the resume', () => {
    const a = run([
      ev('lock', T0, 0), ev('suspend', T0 + SEC, SEC), ev('resume', T0 + HOUR, 2 * SEC), ev('unlock', T0 + HOUR + 20 * SEC, 22 * SEC),
    ]);
    expect(a).toEqual([{ from: T0, to: T0 + HOUR + 20 * SEC, reason: 'lock' }]);
  });
});

describe('the clock changed', () => {
  it('set backwards while idle: the real idle span only, never negative', () => {
    const a = run([
      ...samples(T0, 0, [0, 300, 600]),
      // The user (or NTP) sets the clock back one hour; the monotonic clock moves 5 s.
      sample(T0 + 15 * SEC - HOUR, 15 * SEC, 615),
      sample(T0 + 20 * SEC - HOUR, 20 * SEC, 0),
    ]);
    expect(a).toHaveLength(1);
    expect(a[0]!.to - a[0]!.from).toBe(620 * SEC);
  });

  it('set backwards while present, or during a short lock: no phantom time away', () => {
    expect(run([...samples(T0, 0, [0, 1]), sample(T0 - 2 * HOUR, 10 * SEC, 0), sample(T0 - 2 * HOUR + 5 * SEC, 15 * SEC, 0)])).toEqual([]);
    expect(run([ev('lock', T0, 0), sample(T0 - HOUR + 5 * SEC, 5 * SEC, 5), ev('unlock', T0 - HOUR + MIN, MIN)])).toEqual([]);
    // A long lock keeps its real length, read on the new clock.
    expect(run([ev('lock', T0, 0), sample(T0 - HOUR + 5 * SEC, 5 * SEC, 5), ev('unlock', T0 - HOUR + 10 * MIN, 10 * MIN)]))
      .toEqual([{ from: T0 - HOUR, to: T0 - HOUR + 10 * MIN, reason: 'lock' }]);
  });

  it('set backwards during a sleep: the boot clock gives the real length; without it, never negative', () => {
    // Slept 2 h while the clock was set back 3 h: the wall clock reads 1 h earlier on resume.
    const signals = (boot: boolean): IdleSignal[] => [
      sample(T0, 100 * SEC, 0, boot ? 5000 * SEC : undefined),
      ev('suspend', T0 + SEC, 101 * SEC, boot ? 5001 * SEC : undefined),
      ev('resume', T0 - HOUR, 102 * SEC, boot ? 5001 * SEC + 2 * HOUR : undefined),
    ];
    // Last seen 1 s before the suspend, 2 h before the resume, read on the new clock.
    expect(run(signals(true))).toEqual([{ from: T0 - 3 * HOUR - SEC, to: T0 - HOUR, reason: 'suspend' }]);
    const blind = run(signals(false));
    expect(blind.every((x) => x.to > x.from)).toBe(true);
    expect(blind).toEqual([]); // the span cannot be measured: nothing is invented
  });

  it('set forwards by hours while active: with the boot clock, no question', () => {
    const a = run([
      sample(T0, 100 * SEC, 0, 9000 * SEC),
      // Wall +3 h, monotonic and boot clocks +5 s: the clock was set, nobody left.
      sample(T0 + 3 * HOUR + 5 * SEC, 105 * SEC, 1, 9005 * SEC),
      sample(T0 + 3 * HOUR + 10 * SEC, 110 * SEC, 0, 9010 * SEC),
    ]);
    expect(a).toEqual([]);
  });

  it('set forwards during idleness: the span keeps its real length', () => {
    const a = run([
      ...samples(T0, 0, [400, 405]).map((s) => ({ ...s, boot: s.mono })),
      sample(T0 + 10 * SEC + 3 * HOUR, 10 * SEC, 410, 10 * SEC),
      sample(T0 + 15 * SEC + 3 * HOUR, 15 * SEC, 0, 15 * SEC),
    ]);
    expect(a).toEqual([{ from: T0 - 400 * SEC + 3 * HOUR, to: T0 + 15 * SEC + 3 * HOUR, reason: 'idle' }]);
  });

  it('set forwards with no boot clock: indistinguishable from a sleep, so it asks (the user keeps the time)', () => {
    expect(run([sample(T0, 0, 0), sample(T0 + 3 * HOUR, 5 * SEC, 0)])).toEqual([{ from: T0, to: T0 + 3 * HOUR, reason: 'gap' }]);
  });

  it('a sleep told by the boot clock (no suspend event) is time away, unlike a clock change', () => {
    expect(run([sample(T0, 100 * SEC, 0, 7000 * SEC), sample(T0 + 2 * HOUR, 105 * SEC, 0, 7000 * SEC + 2 * HOUR)]))
      .toEqual([{ from: T0, to: T0 + 2 * HOUR, reason: 'gap' }]);
  });

  it('any order of signals and clock jumps: every span is positive and at least the threshold', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const kinds = ['sample', 'sample', 'sample', 'suspend', 'resume', 'lock', 'unlock'] as const;
    let raised = 0;
    for (let round = 0; round < 200; round++) {
      let wall = T0;
      let mono = 0;
      const signals: IdleSignal[] = [];
      for (let i = 0; i < 60; i++) {
        const step = rnd() < 0.1 ? rnd() * 3 * HOUR : 5 * SEC;
        mono += rnd() < 0.2 ? SEC : step;
        wall += step + (rnd() < 0.1 ? (rnd() - 0.5) * 4 * HOUR : 0);
        const kind = kinds[Math.floor(rnd() * kinds.length)]!;
        signals.push(kind === 'sample' ? sample(wall, mono, Math.floor(rnd() * 900)) : ev(kind, wall, mono));
      }
      for (const a of run(signals)) {
        raised++;
        expect(a.to - a.from).toBeGreaterThanOrEqual(THRESHOLD);
        expect(Number.isFinite(a.from) && Number.isFinite(a.to)).toBe(true);
      }
    }
    expect(raised).toBeGreaterThan(200); // the sequences did exercise the rules
  });
});

describe('what each answer does', () => {
  const start = Date.parse('2026-11-23T08:00:00Z');
  const away: Away = { from: Date.parse('2026-11-23T10:00:00Z'), to: Date.parse('2026-11-23T10:40:00Z'), reason: 'idle' };
  const now = Date.parse('2026-11-23T10:41:00Z');

  it('keep: nothing changes', () => {
    expect(planIdle(start, away, { kind: 'keep' }, now)).toEqual({ stopAt: null, discardTimer: false, split: null, restartAt: null });
  });
  it('discard: the entry ends when idleness began, no timer after', () => {
    expect(planIdle(start, away, { kind: 'discard' }, now)).toEqual({ stopAt: away.from, discardTimer: false, split: null, restartAt: null });
  });
  it('discard and continue: that, and a timer like it from now', () => {
    expect(planIdle(start, away, { kind: 'discard_continue' }, now)).toEqual({ stopAt: away.from, discardTimer: false, split: null, restartAt: now });
  });
  it('split: the time away becomes its own entry and the timer goes on from the return', () => {
    expect(planIdle(start, away, { kind: 'split', description: '  Lunch ' }, now)).toEqual({
      stopAt: away.from, discardTimer: false, split: { start: away.from, end: away.to, description: 'Lunch' }, restartAt: away.to,
    });
  });
  it('idleness that began before the timer started: the whole timer was time away', () => {
    const late = Date.parse('2026-11-23T10:10:00Z');
    expect(planIdle(late, away, { kind: 'discard' }, now)).toEqual({ stopAt: null, discardTimer: true, split: null, restartAt: null });
    expect(planIdle(late, away, { kind: 'discard_continue' }, now)).toEqual({ stopAt: null, discardTimer: true, split: null, restartAt: now });
    expect(planIdle(late, away, { kind: 'split', description: 'Call' }, now))
      .toEqual({ stopAt: null, discardTimer: true, split: { start: late, end: away.to, description: 'Call' }, restartAt: away.to });
  });
  it('never reaches past now, never ends at or before its start, and plans whole seconds', () => {
    const future: Away = { from: away.from + 300, to: now + HOUR, reason: 'gap' };
    const p = planIdle(start, future, { kind: 'split', description: 'x' }, now + 700);
    expect(p).toEqual({ stopAt: away.from, discardTimer: false, split: { start: away.from, end: now, description: 'x' }, restartAt: now });
    // A timer started after the return: the time away was not counted, so nothing to do.
    const after = away.to + MIN;
    for (const choice of [{ kind: 'discard' }, { kind: 'discard_continue' }, { kind: 'split', description: 'x' }] as const) {
      expect(planIdle(after, away, choice, now)).toEqual({ stopAt: null, discardTimer: false, split: null, restartAt: null });
    }
    // Away less than a second within the timer: no empty pieces.
    expect(planIdle(start, { from: start + 200, to: start + 900, reason: 'idle' }, { kind: 'split', description: 'x' }, now).split).toBeNull();
  });
});
