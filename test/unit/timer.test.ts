import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { NoTimerRunningError } from '../../electron/core/timer';
import { localDateOf, splitByLocalDay } from '../../shared/time';
import { manualClock, testCore, type TestCore } from '../helpers/temp';

let t: TestCore | undefined;
afterEach(() => {
  t?.done();
  t = undefined;
});

const outboxOps = (tc: TestCore) =>
  tc.core.db.prepare('SELECT entry_id, op FROM outbox ORDER BY id').all() as { entry_id: string; op: string }[];

describe('timer', () => {
  it('stores the entry with its true start and end, queued when an account exists', () => {
    t = testCore({ now: '2026-01-15T09:00:00.400Z' });
    t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://x.test' });
    const { running } = t.core.timer.start({ description: 'api', tags: ['x'] });
    expect(running.start).toBe('2026-01-15T09:00:00.000Z');
    t.clock.set('2026-01-15T10:30:00.200Z');
    expect(t.core.timer.status()).toMatchObject({ description: 'api', elapsed_seconds: 5400 });
    const e = t.core.timer.stop();
    expect(e).toMatchObject({ id: running.id, description: 'api', start: '2026-01-15T09:00:00.000Z', end: '2026-01-15T10:30:01.000Z', account: 'work', sync: { state: 'pending' } });
    expect(outboxOps(t)).toEqual([{ entry_id: e.id, op: 'create' }]);
    expect(t.core.timer.status()).toBeNull();
  });

  it('the entry a stop or a switch returns is the entry as stored, with or without an account', () => {
    t = testCore({ now: '2026-01-15T09:00:00Z' });
    t.core.timer.start({ description: 'local', tags: ['a', 'b'], billable: false, project_id: 'p1' });
    t.clock.set('2026-01-15T09:30:00Z');
    const local = t.core.timer.stop();
    expect(local).toEqual(t.core.entries.get(local.id));
    expect(local.sync.state).toBe('local');
    t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://x.test' });
    t.core.timer.start({ description: 'synced', task_id: 't1' });
    t.clock.set('2026-01-15T10:00:00Z');
    const { stopped } = t.core.timer.start({ description: 'next' });
    expect(stopped).toEqual(t.core.entries.get(stopped!.id));
    expect(stopped).toMatchObject({ account: 'work', sync: { state: 'pending' } });
  });

  it('a start and a stop within one second make a one-second entry, not an error', () => {
    t = testCore({ now: '2026-01-15T09:00:00.100Z' });
    t.core.timer.start({ description: 'blink' });
    t.clock.set('2026-01-15T09:00:00.300Z');
    expect(t.core.timer.stop().duration_seconds).toBe(1);
  });

  it('switching stops the running timer at the same instant the new one starts', () => {
    t = testCore({ now: '2026-01-15T09:00:00Z' });
    t.core.timer.start({ description: 'first' });
    t.clock.set('2026-01-15T10:15:00Z');
    const r = t.core.timer.start({ description: 'second' });
    expect(r.stopped).toMatchObject({ description: 'first', end: '2026-01-15T10:15:00.000Z' });
    expect(r.running).toMatchObject({ description: 'second', start: '2026-01-15T10:15:00.000Z' });
    expect(r.stopped!.end).toBe(r.running.start);
  });

  it('switching with an explicit --at stops the first at that instant', () => {
    t = testCore({ now: '2026-01-15T12:00:00Z' });
    t.core.timer.start({ description: 'a', start: '2026-01-15T09:00:00Z' });
    const r = t.core.timer.start({ description: 'b', start: '2026-01-15T11:00:00Z' });
    expect(r.stopped!.end).toBe('2026-01-15T11:00:00.000Z');
    expect(() => t!.core.timer.start({ description: 'c', start: '2026-01-15T10:00:00Z' })).toThrow(/start: must not be before the running timer/);
    expect(t.core.timer.status()!.description).toBe('b');
  });

  it('discards a timer under one second when switching, instead of storing an empty entry', () => {
    t = testCore({ now: '2026-01-15T09:00:00.100Z' });
    t.core.timer.start({ description: 'oops' });
    t.clock.set('2026-01-15T09:00:00.600Z');
    const r = t.core.timer.start({ description: 'real' });
    expect(r.stopped).toBeNull();
    expect(r.discarded!.description).toBe('oops');
    expect(t.core.entries.list()).toEqual([]);
  });

  it('discard stores and queues nothing', () => {
    t = testCore();
    t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://x.test' });
    t.core.timer.start({ description: 'x' });
    expect(t.core.timer.discard()!.description).toBe('x');
    expect(t.core.entries.list()).toEqual([]);
    expect(outboxOps(t)).toEqual([]);
    expect(t.core.timer.discard()).toBeNull();
  });

  it('stop without a running timer says so', () => {
    t = testCore();
    expect(() => t!.core.timer.stop()).toThrow(NoTimerRunningError);
  });

  it('stop --at before the start is refused and the timer keeps running', () => {
    t = testCore({ now: '2026-01-15T12:00:00Z' });
    t.core.timer.start({ description: 'x', start: '2026-01-15T10:00:00Z' });
    expect(() => t!.core.timer.stop(Date.parse('2026-01-15T09:00:00Z'))).toThrow(/at: must be after start/);
    expect(t.core.timer.status()).not.toBeNull();
  });

  it('resumes after a restart with its true start time', () => {
    t = testCore({ now: '2026-01-15T09:00:00Z' });
    const { running } = t.core.timer.start({ description: 'long' });
    t.core.close();
    const clock = manualClock('2026-01-15T13:00:00Z');
    const again = openCore({ dataDir: t.dir, clock, zone: 'Europe/Amsterdam' });
    try {
      expect(again.timer.status()).toMatchObject({ id: running.id, start: '2026-01-15T09:00:00.000Z', elapsed_seconds: 4 * 3600 });
      expect(again.timer.stop().duration_seconds).toBe(4 * 3600);
    } finally {
      again.close();
      t.core = openCore({ dataDir: t.dir, zone: 'Europe/Amsterdam' });
    }
  });
});

describe('timer across midnight and DST', () => {
  it('an entry across local midnight is one entry, shown on both local days', () => {
    t = testCore({ now: '2026-01-15T22:00:00Z', zone: 'Europe/Amsterdam' }); // 23:00 local
    t.core.timer.start({ description: 'late' });
    t.clock.set('2026-01-16T01:00:00Z'); // 02:00 local, next day
    const e = t.core.timer.stop();
    expect(e.duration_seconds).toBe(3 * 3600);
    expect(t.core.entries.list({ from: '2026-01-15', to: '2026-01-15' }).map((x) => x.id)).toEqual([e.id]);
    expect(t.core.entries.list({ from: '2026-01-16', to: '2026-01-16' }).map((x) => x.id)).toEqual([e.id]);
    expect(t.core.entries.list({ from: '2026-01-17', to: '2026-01-17' })).toEqual([]);
    const days = splitByLocalDay(Date.parse(e.start), Date.parse(e.end), 'Europe/Amsterdam');
    expect(days.map((d) => [d.date, d.seconds])).toEqual([['2026-01-15', 3600], ['2026-01-16', 7200]]);
  });

  it('a timer over the fall-back night counts real time (the clock shows 02:00–03:00 twice)', () => {
    // 2026-10-25 in Amsterdam: 03:00 CEST becomes 02:00 CET.
    t = testCore({ now: '2026-10-24T23:30:00Z', zone: 'Europe/Amsterdam' }); // 01:30 CEST
    t.core.timer.start({ description: 'night' });
    t.clock.set('2026-10-25T02:30:00Z'); // 03:30 CET
    const e = t.core.timer.stop();
    expect(e.duration_seconds).toBe(3 * 3600); // wall clock says 2h, three real hours passed
    expect(localDateOf(Date.parse(e.start), 'Europe/Amsterdam')).toBe('2026-10-25');
  });

  it('a timer over the spring-forward night counts real time (02:00–03:00 does not exist)', () => {
    t = testCore({ now: '2026-03-29T00:30:00Z', zone: 'Europe/Amsterdam' }); // 01:30 CET
    t.core.timer.start({ description: 'night' });
    t.clock.set('2026-03-29T01:30:00Z'); // 03:30 CEST
    expect(t.core.timer.stop().duration_seconds).toBe(3600);
  });

  it('records the zone in force at start and at stop', () => {
    t = testCore({ now: '2026-01-15T09:00:00Z', zone: 'Europe/Amsterdam' });
    t.core.timer.start({ description: 'x' });
    t.clock.advance(3600_000);
    const e = t.core.timer.stop();
    expect(t.core.db.prepare('SELECT start_tz, end_tz FROM entries WHERE id = ?').get(e.id)).toEqual({ start_tz: 'Europe/Amsterdam', end_tz: 'Europe/Amsterdam' });
  });
});
