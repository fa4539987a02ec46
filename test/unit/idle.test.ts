/**
 * The idle rules against clock scenarios: what counts as time away (idle, sleep, lock, a sleep
 * with no suspend event, across midnight and DST, with the clock set back or forward), and what
 * each answer does to the running timer.
 */
import { describe, expect, it } from 'vitest';
import { initialIdleState, observeIdle, planIdle, type Away, type IdleSignal, type IdleState } from '../../electron/core/idle';
import { localDateOf } from '../../shared/time';

const MIN = 60_000;
const THRESHOLD = 5 * MIN;

/** Feeds signals in order; returns every Away raised. `wall` and `mono` are given per signal. */
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

/** Samples every 5 s from `wall`/`mono` with the given idle seconds at each step. */
function samples(wall: number, mono: number, idle: number[]): IdleSignal[] {
  return idle.map((idleSeconds, i) => ({ kind: 'sample', wall: wall + i * 5000, mono: mono + i * 5000, idleSeconds }));
}

const T0 = Date.parse('2026-11-23T10:00:00Z');

describe('what counts as time away', () => {
  it('idle past the threshold, then input: away from the last input until the new one', () => {
    const idle = Array.from({ length: 12 * 10 }, (_, i) => 30 + i * 5); // 30 s … 10 min idle
    const back = samples(T0 + idle.length * 5000, 1e6 + idle.length * 5000, [2]);
    const a = run([...samples(T0, 1e6, idle), ...back]);
    expect(a).toEqual([{ from: T0 - 30_000, to: T0 + idle.length * 5000 - 2000, reason: 'idle' }]);
  });

  it('idle below the threshold asks nothing; the threshold 0 turns it off', () => {
    expect(run([...samples(T0, 0, [60, 120, 240, 290]), ...samples(T0 + 20_000, 20_000, [0])])).toEqual([]);
    expect(run([...samples(T0, 0, [3600]), ...samples(T0 + 5000, 5000, [0])], 0)).toEqual([]);
  });

  it('suspend then resume: away from the last input before the suspend', () => {
    const a = run([
      ...samples(T0, 0, [40]),
      { kind: 'suspend', wall: T0 + 1000, mono: 1000 },
      // Linux's monotonic clock does not run during suspend: 2 hours later it has moved 1 s.
      { kind: 'resume', wall: T0 + 2 * 3600_000, mono: 2000 },
    ]);
    expect(a).toEqual([{ from: T0 - 40_000, to: T0 + 2 * 3600_000, reason: 'suspend' }]);
  });

  it('a sleep across local midnight counts its whole length, on both days', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York']) {
      const before = Date.parse(zone === 'Europe/Berlin' ? '2026-11-23T22:30:00Z' : '2026-11-24T04:30:00Z'); // 23:30 local
      const a = run([
        { kind: 'sample', wall: before, mono: 0, idleSeconds: 0 },
        { kind: 'suspend', wall: before + 1000, mono: 1000 },
        { kind: 'resume', wall: before + 8 * 3600_000, mono: 1500 },
      ]);
      expect(a).toHaveLength(1);
      expect(a[0]!.to - a[0]!.from).toBe(8 * 3600_000);
      expect(localDateOf(a[0]!.from, zone)).not.toBe(localDateOf(a[0]!.to, zone));
    }
  });

  it('a sleep across a DST change counts the real elapsed time, not the wall-clock difference of local times', () => {
    // Europe/Berlin, 2026-03-29: 01:30 CET → 03:30 CEST is one real hour.
    const from = Date.parse('2026-03-29T00:30:00Z');
    const to = Date.parse('2026-03-29T01:30:00Z');
    const a = run([
      { kind: 'sample', wall: from, mono: 0, idleSeconds: 0 },
      { kind: 'suspend', wall: from, mono: 10 },
      { kind: 'resume', wall: to, mono: 20 },
    ]);
    expect(a[0]!.to - a[0]!.from).toBe(3600_000);
    // America/New_York, 2026-11-01: 01:30 EDT → 01:30 EST is one real hour too.
    const ny = Date.parse('2026-11-01T05:30:00Z');
    const b = run([{ kind: 'lock', wall: ny, mono: 0 }, { kind: 'unlock', wall: ny + 3600_000, mono: 3600_000 }]);
    expect(b).toEqual([{ from: ny, to: ny + 3600_000, reason: 'lock' }]);
  });

  it('the clock set backwards while idle: no negative or phantom time, the real idle span only', () => {
    const signals: IdleSignal[] = [
      ...samples(T0, 0, [0, 300, 600]), // idle since T0 (10 min by the third sample)
      // The user (or NTP) sets the clock back one hour; the monotonic clock moves 5 s.
      { kind: 'sample', wall: T0 + 15_000 - 3600_000, mono: 15_000, idleSeconds: 615 },
      { kind: 'sample', wall: T0 + 20_000 - 3600_000, mono: 20_000, idleSeconds: 0 },
    ];
    const a = run(signals);
    expect(a).toHaveLength(1);
    expect(a[0]!.to).toBeGreaterThan(a[0]!.from);
    expect(a[0]!.to - a[0]!.from).toBe(620_000);
    // Set back while present: nothing at all.
    expect(run([...samples(T0, 0, [0, 1]), { kind: 'sample', wall: T0 - 7200_000, mono: 10_000, idleSeconds: 0 }])).toEqual([]);
    // Set back during a lock: the lock's length, measured after the jump.
    const l = run([{ kind: 'lock', wall: T0, mono: 0 }, { kind: 'sample', wall: T0 - 3600_000 + 5000, mono: 5000, idleSeconds: 5 }, { kind: 'unlock', wall: T0 - 3600_000 + 10 * MIN, mono: 10 * MIN }]);
    expect(l).toEqual([{ from: T0 - 3600_000, to: T0 - 3600_000 + 10 * MIN, reason: 'lock' }]);
  });

  it('a resume with no suspend event: a wall-clock gap the monotonic clock never saw is time away', () => {
    const a = run([
      { kind: 'sample', wall: T0, mono: 500_000, idleSeconds: 2 },
      { kind: 'sample', wall: T0 + 30 * MIN, mono: 505_000, idleSeconds: 0 },
    ]);
    expect(a).toEqual([{ from: T0 - 2000, to: T0 + 30 * MIN, reason: 'gap' }]);
    // Small scheduling hiccups are not gaps.
    expect(run([{ kind: 'sample', wall: T0, mono: 0, idleSeconds: 0 }, { kind: 'sample', wall: T0 + 6500, mono: 5000, idleSeconds: 0 }])).toEqual([]);
  });

  it('the clock set forwards by hours while present is a gap too: the question lets the user keep it', () => {
    const a = run([{ kind: 'sample', wall: T0, mono: 0, idleSeconds: 0 }, { kind: 'sample', wall: T0 + 3 * 3600_000, mono: 5000, idleSeconds: 0 }]);
    expect(a).toEqual([{ from: T0, to: T0 + 3 * 3600_000, reason: 'gap' }]);
  });

  it('lock then unlock after more than the threshold; a short lock asks nothing', () => {
    expect(run([{ kind: 'lock', wall: T0, mono: 0 }, { kind: 'unlock', wall: T0 + 2 * MIN, mono: 2 * MIN }])).toEqual([]);
    expect(run([{ kind: 'lock', wall: T0, mono: 0 }, { kind: 'unlock', wall: T0 + 12 * MIN, mono: 12 * MIN }])).toEqual([{ from: T0, to: T0 + 12 * MIN, reason: 'lock' }]);
  });

  it('idle first, then the machine slept: one span from the idle start, not two', () => {
    const a = run([
      ...samples(T0, 0, [400, 405]),
      { kind: 'suspend', wall: T0 + 10_000, mono: 10_000 },
      { kind: 'resume', wall: T0 + 3600_000, mono: 11_000 },
      { kind: 'sample', wall: T0 + 3605_000, mono: 16_000, idleSeconds: 3 },
    ]);
    expect(a).toEqual([{ from: T0 - 400_000, to: T0 + 3600_000, reason: 'idle' }]);
  });
});

describe('what each answer does', () => {
  const start = Date.parse('2026-11-23T08:00:00Z');
  const away: Away = { from: Date.parse('2026-11-23T10:00:00Z'), to: Date.parse('2026-11-23T10:40:00Z'), reason: 'idle' };
  const now = Date.parse('2026-11-23T10:41:00Z');

  it('keep: nothing changes', () => {
    expect(planIdle(start, away, { kind: 'keep' }, now)).toEqual({ stopAt: null, discardTimer: false, split: null, restartAt: null });
  });
  it('discard: the entry ends when idleness began', () => {
    expect(planIdle(start, away, { kind: 'discard' }, now)).toEqual({ stopAt: away.from, discardTimer: false, split: null, restartAt: null });
  });
  it('discard and continue: that, and a new timer from now', () => {
    expect(planIdle(start, away, { kind: 'discard_continue' }, now)).toEqual({ stopAt: away.from, discardTimer: false, split: null, restartAt: now });
  });
  it('split: the away time becomes its own entry and the timer goes on from the return', () => {
    expect(planIdle(start, away, { kind: 'split', description: '  Lunch ' }, now)).toEqual({
      stopAt: away.from, discardTimer: false, split: { start: away.from, end: away.to, description: 'Lunch' }, restartAt: away.to,
    });
  });
  it('idleness that began before the timer started: the whole timer was away time', () => {
    const late = Date.parse('2026-11-23T10:10:00Z');
    expect(planIdle(late, away, { kind: 'discard' }, now)).toEqual({ stopAt: null, discardTimer: true, split: null, restartAt: null });
    expect(planIdle(late, away, { kind: 'split', description: 'Call' }, now).split).toEqual({ start: late, end: away.to, description: 'Call' });
  });
  it('never ends after now or before it starts', () => {
    const future: Away = { from: away.from, to: now + 3600_000, reason: 'gap' };
    const p = planIdle(start, future, { kind: 'split', description: 'x' }, now);
    expect(p.split!.end).toBe(now);
    expect(p.restartAt).toBe(now);
  });
});
