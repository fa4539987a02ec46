/**
 * The desk over a real core on a temp SQLite file: the idle question applied to the timer (each
 * answer, all or nothing, stale answers refused), reminders and the pomodoro rhythm.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/core/desk';
import { createIdleMonitor } from '../../electron/core/idle-monitor';
import { noTimerReminderDue, isWorkingTime } from '../../electron/core/reminders';
import { pomodoroLabel, startPomodoro, tickPomodoro } from '../../electron/core/pomodoro';
import { SETTING_DEFAULTS } from '../../electron/core/settings';
import type { IdleSignal } from '../../shared/idle';
import { testCore, type TestCore } from '../helpers/temp';

const MIN = 60_000;
let t: TestCore;
afterEach(() => t?.done());

function awayFor(minutes: number) {
  const m = createIdleMonitor({ core: t.core });
  const back = t.core.clock.now();
  const signals: IdleSignal[] = [
    { kind: 'sample', wall: back - 5000, mono: 1e6, idleSeconds: minutes * 60 - 5 },
    { kind: 'sample', wall: back, mono: 1e6 + 5000, idleSeconds: 0 },
  ];
  const prompt = signals.map((s) => m.signal(s)).find(Boolean)!;
  return { m, prompt, back };
}
const outboxFor = (id: string) => t.core.db.prepare('SELECT op FROM outbox WHERE entry_id = ?').all(id);

describe('the idle question over the core', () => {
  it('is asked only with a timer running, and names the timer and the span', () => {
    t = testCore({ now: '2026-11-23T11:00:00Z' });
    expect(awayFor(20).prompt).toBeUndefined();
    t.core.timer.start({ description: 'Deep work', start: '2026-11-23T09:00:00Z', project_id: 'acme', tags: ['focus'] });
    const { prompt } = awayFor(20);
    expect(prompt).toMatchObject({ away_from: '2026-11-23T10:40:00.000Z', away_to: '2026-11-23T11:00:00.000Z', away_seconds: 1200, reason: 'idle', timer: { description: 'Deep work' } });
  });

  it('split: the entry ends when idleness began, the time away is its own entry with the same fields, the timer goes on', () => {
    t = testCore({ now: '2026-11-23T11:00:00Z' });
    t.core.accounts.add({ name: 'client', provider: 'voltasis', base_url: 'https://voltasis.example' });
    t.core.timer.start({ description: 'Deep work', start: '2026-11-23T09:00:00Z', project_id: 'acme', tags: ['focus'], billable: true });
    const { m, prompt } = awayFor(20);
    const r = m.resolve(prompt.id, { kind: 'split', description: 'Client call' });
    expect(r.stopped).toMatchObject({ description: 'Deep work', end: '2026-11-23T10:40:00.000Z', duration_seconds: 100 * 60 });
    expect(r.split).toMatchObject({ description: 'Client call', start: '2026-11-23T10:40:00.000Z', end: '2026-11-23T11:00:00.000Z', project_id: 'acme', tags: ['focus'] });
    expect(r.running).toMatchObject({ description: 'Deep work', start: '2026-11-23T11:00:00.000Z', project_id: 'acme' });
    // Both new entries are queued for the account, like any other write.
    expect(r.split!.account).toBe('client');
    expect(outboxFor(r.split!.id)).toEqual([{ op: 'create' }]);
    expect(outboxFor(r.stopped!.id)).toEqual([{ op: 'create' }]);
    expect(m.pending()).toBeNull();
  });

  it('discard, discard and continue, keep', () => {
    t = testCore({ now: '2026-11-23T11:00:00Z' });
    t.core.timer.start({ description: 'A', start: '2026-11-23T10:00:00Z' });
    let q = awayFor(30);
    expect(q.m.resolve(q.prompt.id, { kind: 'keep' })).toMatchObject({ stopped: null, split: null, running: { description: 'A', start: '2026-11-23T10:00:00.000Z' } });
    q = awayFor(30);
    const dc = q.m.resolve(q.prompt.id, { kind: 'discard_continue' });
    expect(dc.stopped).toMatchObject({ end: '2026-11-23T10:30:00.000Z' });
    expect(dc.running).toMatchObject({ description: 'A', start: '2026-11-23T11:00:00.000Z' });
    t.clock.advance(40 * MIN);
    q = awayFor(15);
    const d = q.m.resolve(q.prompt.id, { kind: 'discard' });
    expect(d.stopped).toMatchObject({ start: '2026-11-23T11:00:00.000Z', end: '2026-11-23T11:25:00.000Z' });
    expect(d.running).toBeNull();
    expect(t.core.entries.list({}).map((e) => e.duration_seconds)).toEqual([25 * 60, 30 * 60]);
  });

  it('idleness that began before the timer: discard throws the timer away, stores nothing', () => {
    t = testCore({ now: '2026-11-23T11:00:00Z' });
    t.core.timer.start({ description: 'Started then left', start: '2026-11-23T10:50:00Z' });
    const { m, prompt } = awayFor(30);
    expect(prompt.away_from).toBe('2026-11-23T10:50:00.000Z');
    expect(m.resolve(prompt.id, { kind: 'discard' })).toEqual({ stopped: null, split: null, running: null });
    expect(t.core.entries.list({})).toEqual([]);
  });

  it('an answer that no longer fits changes nothing and says why; a failing split leaves all as it was', () => {
    t = testCore({ now: '2026-11-23T11:00:00Z' });
    t.core.timer.start({ description: 'A', start: '2026-11-23T09:00:00Z' });
    const { m, prompt } = awayFor(20);
    expect(() => m.resolve('not-this-one', { kind: 'discard' })).toThrow(/prompt: is no longer open/);
    expect(() => m.resolve(prompt.id, { kind: 'split', description: '   ' })).toThrow(/description: must describe the time away/);
    expect(() => m.resolve(prompt.id, { kind: 'split', description: 'x'.repeat(5000) })).toThrow(/description/);
    expect(t.core.timer.status()).toMatchObject({ description: 'A', start: '2026-11-23T09:00:00.000Z' });
    expect(t.core.entries.list({})).toEqual([]);
    // The timer was switched meanwhile (from the tray, the CLI): the question is void.
    t.core.timer.start({ description: 'B' });
    expect(() => m.resolve(prompt.id, { kind: 'discard' })).toThrow(/timer: has changed/);
    expect(t.core.entries.list({}).map((e) => e.description)).toEqual(['A']);
    expect(t.core.timer.status()?.description).toBe('B');
  });
});

describe('reminders and pomodoro', () => {
  const s = { ...SETTING_DEFAULTS, remind_no_timer: true };
  it('working hours are read on the local clock of the zone, DST included', () => {
    // Monday 2026-03-30 08:30 UTC = 10:30 in Berlin (CEST), 04:30 in New York (EDT).
    const at = Date.parse('2026-03-30T08:30:00Z');
    expect(isWorkingTime(at, 'Europe/Berlin', s.working_hours)).toBe(true);
    expect(isWorkingTime(at, 'America/New_York', s.working_hours)).toBe(false);
    // Saturday, and 17:00 sharp, are outside.
    expect(isWorkingTime(Date.parse('2026-11-21T10:00:00Z'), 'UTC', s.working_hours)).toBe(false);
    expect(isWorkingTime(Date.parse('2026-11-23T17:00:00Z'), 'UTC', s.working_hours)).toBe(false);
    expect(isWorkingTime(Date.parse('2026-11-23T16:59:00Z'), 'UTC', s.working_hours)).toBe(true);
  });

  it('the no-timer reminder: only when on, in working time, without a timer, at its interval', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const due = (o: Partial<Parameters<typeof noTimerReminderDue>[0]>) =>
      noTimerReminderDue({ now, zone: 'UTC', settings: s, running: false, lastRemindedAt: null, ...o });
    expect(due({})).toBe(true);
    expect(due({ running: true })).toBe(false);
    expect(due({ settings: { ...s, remind_no_timer: false } })).toBe(false);
    expect(due({ lastRemindedAt: now - 29 * MIN })).toBe(false);
    expect(due({ lastRemindedAt: now - 30 * MIN })).toBe(true);
  });

  it('pomodoro: work, break, work; a long sleep lands in the right phase with one message', () => {
    const p = startPomodoro(0, s);
    expect(pomodoroLabel(p, 60_000)).toBe('Work 24:00 left');
    expect(tickPomodoro(p, 24 * MIN, s).transition).toBeNull();
    const b = tickPomodoro(p, 25 * MIN, s);
    expect(b.p).toMatchObject({ phase: 'break', round: 1, endsAt: 30 * MIN });
    expect(b.transition?.to).toBe('break');
    const w = tickPomodoro(b.p, 30 * MIN, s);
    expect(w.p).toMatchObject({ phase: 'work', round: 2 });
    // Asleep for 2 hours: four rounds pass; one transition, into the phase the clock is in.
    const late = tickPomodoro(w.p, 30 * MIN + 120 * MIN, s);
    expect(late.p).toMatchObject({ phase: 'work', round: 6 });
    expect(late.transition?.to).toBe('work');
  });

  it('the desk: pomodoro stops the timer for the break and continues the entry after it; a long timer is reminded once', () => {
    t = testCore({ now: '2026-11-23T09:00:00Z' });
    const said: string[] = [];
    const desk = createDesk({ core: t.core, remind: (m) => said.push(m), onPomodoro: () => undefined });
    t.core.entries.create({ description: 'Write proposal', start: '2026-11-23T08:00:00Z', end: '2026-11-23T08:30:00Z', project_id: 'acme' });
    desk.pomodoro.start();
    expect(t.core.timer.status()).toMatchObject({ description: 'Write proposal', project_id: 'acme' });
    t.clock.advance(25 * MIN);
    desk.tick();
    expect(t.core.timer.status()).toBeNull();
    expect(said.at(-1)).toMatch(/Pomodoro 1 done/);
    t.clock.advance(5 * MIN);
    desk.tick();
    expect(t.core.timer.status()).toMatchObject({ description: 'Write proposal', project_id: 'acme' });
    desk.pomodoro.stop();
    t.core.settings.set('long_timer_minutes', 60);
    t.clock.advance(61 * MIN);
    desk.tick();
    desk.tick();
    expect(said.filter((m) => /running for over 60 minutes/.test(m))).toHaveLength(1);
  });
});
