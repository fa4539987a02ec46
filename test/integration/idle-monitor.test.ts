/**
 * The idle question over a real core on a temp SQLite file: what each answer leaves in the
 * entries, the timer and the outbox; answers that no longer fit are refused and change nothing;
 * and a failure anywhere in an answer leaves all of it undone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { createIdleMonitor, type IdleMonitor } from '../../electron/core/idle-monitor';
import { ValidationError } from '../../shared/errors';
import type { IdlePrompt, IdleSignal } from '../../shared/idle';
import { testCore, type TestCore } from '../helpers/temp';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

let t: TestCore;
let m: IdleMonitor;
let mono = 0;
let lastWall = 0;
afterEach(() => t?.done());

const FIELDS = { project_id: 'acme', task_id: 'design', client_id: 'acme-inc', tags: ['focus', 'q4'], billable: false, account: 'client-x' };

function setup(now: string, zone = 'Europe/Berlin') {
  t = testCore({ now, zone });
  t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'http://127.0.0.1:9', is_default: true });
  t.core.accounts.add({ name: 'client-x', provider: 'voltasis', base_url: 'http://127.0.0.1:9' });
  m = createIdleMonitor({ core: t.core });
  mono = 1e6;
  leftAt = null;
  lastWall = t.clock.now();
}

/**
 * One observation at the core's clock. The monotonic clock moves as the wall clock did since the
 * previous signal (the machine was awake), or by `monoStep` (it slept: Linux's does not run).
 */
function signal(kind: IdleSignal['kind'], o: { idleSeconds?: number; monoStep?: number } = {}): IdlePrompt | null {
  const wall = t.clock.now();
  mono += o.monoStep ?? wall - lastWall;
  lastWall = wall;
  return m.signal(kind === 'sample' ? { kind, wall, mono, idleSeconds: o.idleSeconds ?? 0 } : { kind, wall, mono });
}

/** The user is at work for `ms`: input all along, polled every 30 s. */
function present(ms: number): void {
  for (let done = 0; done < ms; done += 30 * SEC) {
    t.clock.advance(Math.min(30 * SEC, ms - done));
    expect(signal('sample')).toBeNull();
  }
}

/** No input for `ms` (continuing an idleness already under way), polled every 30 s. */
let leftAt: number | null = null;
function idle(ms: number): void {
  leftAt ??= t.clock.now();
  for (let done = 0; done < ms; done += 30 * SEC) {
    t.clock.advance(Math.min(30 * SEC, ms - done));
    expect(signal('sample', { idleSeconds: (t.clock.now() - leftAt) / 1000 })).toBeNull();
  }
}

/** Input again: the return. */
function back(): IdlePrompt | null {
  leftAt = null;
  return signal('sample', { idleSeconds: 0 });
}

/** The user leaves now and comes back `minutes` later. */
function awayFor(minutes: number): IdlePrompt | null {
  idle(minutes * MIN);
  return back();
}

const outbox = () => t.core.db.prepare('SELECT entry_id, op FROM outbox ORDER BY entry_id').all() as { entry_id: string; op: string }[];

function refused(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('the question', () => {
  it('is asked only with a timer running, about the time that timer counted', () => {
    setup('2026-11-23T10:20:00Z');
    expect(awayFor(20)).toBeNull();
    expect(m.pending()).toBeNull();
    t.core.timer.start({ description: 'Deep work', start: '2026-11-23T09:00:00Z', ...FIELDS });
    const p = awayFor(20);
    expect(p).toMatchObject({
      away_from: '2026-11-23T10:40:00.000Z', away_to: '2026-11-23T11:00:00.000Z', away_seconds: 1200, reason: 'idle',
      timer: { description: 'Deep work', start: '2026-11-23T09:00:00.000Z', ...FIELDS },
    });
    expect(m.pending()).toEqual(p);
  });

  it('follows the threshold setting: longer than 20 min asks nothing for 20 min, 0 never asks', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'A', start: '2026-11-23T09:00:00Z' });
    t.core.settings.set('idle_threshold_minutes', 30);
    expect(awayFor(20)).toBeNull();
    t.core.settings.set('idle_threshold_minutes', 0);
    expect(awayFor(50)).toBeNull();
    signal('suspend');
    t.clock.advance(3 * HOUR);
    expect(signal('resume', { monoStep: SEC })).toBeNull();
  });

  it('away again before answering: one question for both spans; back at work in between, a new one', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'A', start: '2026-11-23T09:00:00Z' });
    const first = awayFor(20)!;
    present(MIN); // back for a minute, unanswered, then away again
    const second = awayFor(10)!;
    expect(second).toMatchObject({ away_from: '2026-11-23T10:40:00.000Z', away_to: '2026-11-23T11:11:00.000Z' });
    expect(refused(() => m.resolve(first.id, { kind: 'keep' })).issues).toEqual([{ field: 'prompt', rule: expect.stringMatching(/no longer open/) }]);
    // Back and working for an hour without answering, then away once more.
    present(HOUR);
    expect(awayFor(10)).toMatchObject({ away_from: '2026-11-23T12:11:00.000Z', away_to: '2026-11-23T12:21:00.000Z' });
  });
});

describe('each answer', () => {
  it('keep: the timer runs on as it was, nothing stored', () => {
    setup('2026-11-23T10:40:00Z');
    const { running } = t.core.timer.start({ description: 'Deep work', start: '2026-11-23T09:00:00Z', ...FIELDS });
    const p = awayFor(20)!;
    expect(m.resolve(p.id, { kind: 'keep' })).toEqual({ stopped: null, split: null, running: { ...running, elapsed_seconds: 2 * 3600 } });
    expect(t.core.entries.list({})).toEqual([]);
    expect(outbox()).toEqual([]);
    expect(m.pending()).toBeNull();
  });

  it('discard: the entry ends when idleness began, with all its fields; no timer after', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'Deep work', start: '2026-11-23T09:00:00Z', ...FIELDS });
    const p = awayFor(20)!;
    const r = m.resolve(p.id, { kind: 'discard' });
    expect(r.stopped).toMatchObject({ description: 'Deep work', start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T10:40:00.000Z', duration_seconds: 100 * 60, ...FIELDS });
    expect(r).toMatchObject({ split: null, running: null });
    expect(t.core.timer.status()).toBeNull();
    expect(outbox()).toEqual([{ entry_id: r.stopped!.id, op: 'create' }]);
  });

  it('discard and continue: that, and a timer with the same fields from now', () => {
    setup('2026-11-23T10:39:30Z');
    t.core.timer.start({ description: 'Deep work', start: '2026-11-23T09:00:00Z', ...FIELDS });
    const p = awayFor(20)!;
    t.clock.advance(30 * SEC); // the user read the question for half a minute
    const r = m.resolve(p.id, { kind: 'discard_continue' });
    expect(r.stopped).toMatchObject({ end: '2026-11-23T10:39:30.000Z', duration_seconds: 99 * 60 + 30 });
    expect(r.running).toMatchObject({ description: 'Deep work', start: '2026-11-23T11:00:00.000Z', ...FIELDS });
    expect(r.running!.id).not.toBe(p.timer.id);
    expect(outbox()).toEqual([{ entry_id: r.stopped!.id, op: 'create' }]);
  });

  it('split: three pieces end to end; the time away is its own entry with the same fields; the timer goes on', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'Deep work', start: '2026-11-23T09:00:00Z', ...FIELDS });
    const p = awayFor(20)!;
    t.clock.advance(MIN);
    const r = m.resolve(p.id, { kind: 'split', description: '  Lunch with the team ' });
    expect(r.stopped).toMatchObject({ description: 'Deep work', end: '2026-11-23T10:40:00.000Z', ...FIELDS });
    expect(r.split).toMatchObject({
      description: 'Lunch with the team', start: '2026-11-23T10:40:00.000Z', end: '2026-11-23T11:00:00.000Z', duration_seconds: 1200, ...FIELDS,
    });
    // The timer goes on from the return, not from the answer a minute later.
    expect(r.running).toMatchObject({ description: 'Deep work', start: '2026-11-23T11:00:00.000Z', elapsed_seconds: 60, ...FIELDS });
    expect(t.core.entries.list({}).map((e) => [e.description, e.duration_seconds])).toEqual([['Lunch with the team', 1200], ['Deep work', 6000]]);
    expect(outbox().map((o) => o.entry_id).sort()).toEqual([r.stopped!.id, r.split!.id].sort());
  });

  it('a 2 h suspend with a timer: the question shows 2 h and split stores 2 h', () => {
    setup('2026-11-23T09:00:00Z');
    t.core.timer.start({ description: 'Report', start: '2026-11-23T08:00:00Z' });
    signal('sample');
    signal('suspend');
    t.clock.advance(2 * HOUR);
    const p = signal('resume', { monoStep: SEC })!;
    expect(p).toMatchObject({ away_seconds: 7200, reason: 'suspend', away_from: '2026-11-23T09:00:00.000Z' });
    const r = m.resolve(p.id, { kind: 'split', description: 'Away' });
    expect(r.split?.duration_seconds).toBe(7200);
    expect(r.stopped?.duration_seconds).toBe(3600);
  });

  it('a sleep across midnight and the DST night: one entry of the real length, listed on both days', () => {
    setup('2026-03-28T21:30:00Z'); // 22:30 CET, Saturday
    t.core.timer.start({ description: 'Late', start: '2026-03-28T21:00:00Z' });
    signal('sample');
    signal('suspend');
    // Asleep 21:30Z → 06:30Z: 22:30 CET → 08:30 CEST reads as 10 h but is 9 h.
    t.clock.set('2026-03-29T06:30:00Z');
    const p = signal('resume', { monoStep: SEC })!;
    expect(p.away_seconds).toBe(9 * 3600);
    const r = m.resolve(p.id, { kind: 'split', description: 'Asleep' });
    expect(r.split).toMatchObject({ start: '2026-03-28T21:30:00.000Z', end: '2026-03-29T06:30:00.000Z', duration_seconds: 9 * 3600 });
    expect(t.core.entries.list({ from: '2026-03-29', to: '2026-03-29' }).map((e) => e.description)).toEqual(['Asleep']);
    expect(t.core.entries.list({ from: '2026-03-28', to: '2026-03-28' }).map((e) => e.description).sort()).toEqual(['Asleep', 'Late']);
  });

  it('idleness that began before the timer started: discard stores nothing, split keeps only the timer\'s part', () => {
    setup('2026-11-23T10:30:00Z');
    idle(20 * MIN);
    // Started from the CLI (or a shortcut pressed by accident) while the user was away.
    t.core.timer.start({ description: 'Started then left' });
    idle(10 * MIN);
    const p = back()!;
    expect(p).toMatchObject({ away_from: '2026-11-23T10:50:00.000Z', away_to: '2026-11-23T11:00:00.000Z', away_seconds: 600 });
    expect(m.resolve(p.id, { kind: 'discard' })).toEqual({ stopped: null, split: null, running: null });
    expect(t.core.entries.list({})).toEqual([]);
    expect(outbox()).toEqual([]);

    idle(5 * MIN);
    t.core.timer.start({ description: 'Again', ...FIELDS });
    idle(10 * MIN);
    const q = back()!;
    const r = m.resolve(q.id, { kind: 'split', description: 'Coffee' });
    expect(r.stopped).toBeNull();
    expect(r.split).toMatchObject({ description: 'Coffee', start: '2026-11-23T11:05:00.000Z', end: '2026-11-23T11:15:00.000Z', ...FIELDS });
    expect(r.running).toMatchObject({ description: 'Again', start: '2026-11-23T11:15:00.000Z', ...FIELDS });
  });
});

describe('answers that no longer fit change nothing', () => {
  it('a wrong or already used prompt id', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'A', start: '2026-11-23T09:00:00Z' });
    const p = awayFor(20)!;
    expect(refused(() => m.resolve('not-this-one', { kind: 'discard' })).issues[0]?.field).toBe('prompt');
    expect(t.core.timer.status()).toMatchObject({ id: p.timer.id, start: '2026-11-23T09:00:00.000Z' });
    expect(t.core.entries.list({})).toEqual([]);
    m.resolve(p.id, { kind: 'keep' });
    expect(refused(() => m.resolve(p.id, { kind: 'discard' })).issues[0]?.field).toBe('prompt');
    expect(t.core.timer.status()).toMatchObject({ id: p.timer.id });
    expect(t.core.entries.list({})).toEqual([]);
  });

  it('the timer was stopped meanwhile by another process (the CLI): refused, the question is void', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'A', start: '2026-11-23T09:00:00Z' });
    const p = awayFor(20)!;
    const cli = openCore({ dataDir: t.dir, clock: t.clock, zone: 'Europe/Berlin' });
    cli.timer.stop();
    cli.close();
    expect(m.pending()).toBeNull();
    const e = refused(() => m.resolve(p.id, { kind: 'split', description: 'Lunch' }));
    expect(e.issues).toEqual([{ field: 'timer', rule: expect.stringMatching(/has changed .*stopped.*nothing was changed/) }]);
    expect(t.core.entries.list({}).map((x) => [x.description, x.end])).toEqual([['A', '2026-11-23T11:00:00.000Z']]);
    expect(t.core.timer.status()).toBeNull();
    expect(refused(() => m.resolve(p.id, { kind: 'keep' })).issues[0]?.field).toBe('prompt');
  });

  it('another timer was started meanwhile: refused, both timers as the user left them', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'A', start: '2026-11-23T09:00:00Z' });
    const p = awayFor(20)!;
    t.core.timer.start({ description: 'B' });
    expect(refused(() => m.resolve(p.id, { kind: 'discard' })).issues).toEqual([{ field: 'timer', rule: expect.stringMatching(/another timer runs/) }]);
    expect(t.core.entries.list({}).map((e) => [e.description, e.end])).toEqual([['A', '2026-11-23T11:00:00.000Z']]);
    expect(t.core.timer.status()).toMatchObject({ description: 'B', start: '2026-11-23T11:00:00.000Z' });
  });
});

describe('all or nothing', () => {
  it('a split whose description is refused changes nothing, and the question can be answered again', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'A', start: '2026-11-23T09:00:00Z', ...FIELDS });
    const p = awayFor(20)!;
    expect(refused(() => m.resolve(p.id, { kind: 'split', description: '   ' })).issues[0]?.field).toBe('description');
    // Not empty, so only the entry rules refuse it, after the timer was already stopped inside the transaction.
    expect(refused(() => m.resolve(p.id, { kind: 'split', description: 'Lunch\u0007' })).issues[0]?.field).toBe('description');
    expect(t.core.timer.status()).toMatchObject({ id: p.timer.id, start: '2026-11-23T09:00:00.000Z', ...FIELDS });
    expect(t.core.entries.list({})).toEqual([]);
    expect(outbox()).toEqual([]);
    expect(m.pending()?.id).toBe(p.id);
    expect(m.resolve(p.id, { kind: 'split', description: 'Lunch' }).split?.description).toBe('Lunch');
  });

  it('a failure at the last step (the new timer cannot be written) undoes the stop and the split entry', () => {
    setup('2026-11-23T10:40:00Z');
    t.core.timer.start({ description: 'A', start: '2026-11-23T09:00:00Z', ...FIELDS });
    const p = awayFor(20)!;
    // Stands in for a crash or a full disk between the steps.
    t.core.db.exec("CREATE TEMP TRIGGER fail_restart BEFORE INSERT ON running_timer BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => m.resolve(p.id, { kind: 'split', description: 'Lunch' })).toThrow(/disk full/);
    expect(t.core.timer.status()).toMatchObject({ id: p.timer.id, start: '2026-11-23T09:00:00.000Z' });
    expect(t.core.entries.list({})).toEqual([]);
    expect(outbox()).toEqual([]);
    t.core.db.exec('DROP TRIGGER fail_restart');
    const r = m.resolve(p.id, { kind: 'split', description: 'Lunch' });
    // Retried once the disk is back: the pieces end to end.
    expect([r.stopped?.end, r.split?.start, r.split?.end, r.running?.start])
      .toEqual(['2026-11-23T10:40:00.000Z', '2026-11-23T10:40:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T11:00:00.000Z']);
  });
});
