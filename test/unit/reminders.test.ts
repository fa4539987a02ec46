/**
 * When Timetray nags: working hours read on the user's local clock (whatever the zone, on both
 * sides of a DST change, at weekday edges), the no-timer reminder's repeat interval, and the
 * long-timer reminder.
 */
import { describe, expect, it } from 'vitest';
import { isWorkingTime, longTimerDue, noTimerReminderDue } from '../../electron/core/reminders';
import { SETTING_DEFAULTS } from '../../electron/core/settings';
import { longTimerDue as shellLongTimerDue } from '../../electron/shell/shortcuts-plan';
import type { WorkingHours } from '../../shared/bridge';
import { zonedInstant } from '../../shared/time';

const MIN = 60_000;
const WEEKDAYS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const at = (iso: string) => Date.parse(iso);

describe('working hours', () => {
  it('one instant is working time in one zone and not in another', () => {
    // Monday 2026-11-23 14:30 UTC: 15:30 in Berlin, 09:30 in New York, 23:30 in Tokyo.
    const now = at('2026-11-23T14:30:00Z');
    expect(isWorkingTime(now, 'Europe/Berlin', WEEKDAYS)).toBe(true);
    expect(isWorkingTime(now, 'America/New_York', WEEKDAYS)).toBe(true);
    expect(isWorkingTime(now, 'Asia/Tokyo', WEEKDAYS)).toBe(false);
    expect(isWorkingTime(at('2026-11-23T13:30:00Z'), 'America/New_York', WEEKDAYS)).toBe(false); // 08:30
  });

  it('starts at the start minute and is over at the end minute', () => {
    const zone = 'Europe/Berlin';
    expect(isWorkingTime(zonedInstant(2026, 11, 23, 8, 59, zone), zone, WEEKDAYS)).toBe(false);
    expect(isWorkingTime(zonedInstant(2026, 11, 23, 9, 0, zone), zone, WEEKDAYS)).toBe(true);
    expect(isWorkingTime(zonedInstant(2026, 11, 23, 16, 59, zone) + 59_000, zone, WEEKDAYS)).toBe(true);
    expect(isWorkingTime(zonedInstant(2026, 11, 23, 17, 0, zone), zone, WEEKDAYS)).toBe(false);
  });

  it('stays at 09:00 local on both sides of a DST change', () => {
    // Berlin springs forward on Sunday 2026-03-29: 09:00 is 08:00 UTC on Friday, 07:00 UTC on Monday.
    expect(isWorkingTime(at('2026-03-27T08:00:00Z'), 'Europe/Berlin', WEEKDAYS)).toBe(true);
    expect(isWorkingTime(at('2026-03-27T07:30:00Z'), 'Europe/Berlin', WEEKDAYS)).toBe(false);
    expect(isWorkingTime(at('2026-03-30T07:00:00Z'), 'Europe/Berlin', WEEKDAYS)).toBe(true);
    expect(isWorkingTime(at('2026-03-30T06:59:00Z'), 'Europe/Berlin', WEEKDAYS)).toBe(false);
    // New York falls back on Sunday 2026-11-01: 09:00 is 13:00 UTC on Friday, 14:00 UTC on Monday.
    expect(isWorkingTime(at('2026-10-30T13:00:00Z'), 'America/New_York', WEEKDAYS)).toBe(true);
    expect(isWorkingTime(at('2026-11-02T13:30:00Z'), 'America/New_York', WEEKDAYS)).toBe(false);
    expect(isWorkingTime(at('2026-11-02T14:00:00Z'), 'America/New_York', WEEKDAYS)).toBe(true);
    expect(isWorkingTime(at('2026-11-02T21:59:00Z'), 'America/New_York', WEEKDAYS)).toBe(true); // 16:59 EST
  });

  it('on the DST night itself: hours that were skipped are simply not there', () => {
    const night: WorkingHours = { days: [7], start: '02:00', end: '04:00' };
    // Sunday 2026-03-29, Berlin: 01:59 CET is followed by 03:00 CEST.
    expect(isWorkingTime(at('2026-03-29T00:59:00Z'), 'Europe/Berlin', night)).toBe(false); // 01:59 CET
    expect(isWorkingTime(at('2026-03-29T01:00:00Z'), 'Europe/Berlin', night)).toBe(true); // 03:00 CEST
    expect(isWorkingTime(at('2026-03-29T02:00:00Z'), 'Europe/Berlin', night)).toBe(false); // 04:00 CEST
  });

  it('reads the weekday on the local calendar, not in UTC', () => {
    const late: WorkingHours = { days: [1, 2, 3, 4, 5], start: '18:00', end: '23:00' };
    // Friday 20:00 in New York is already Saturday 01:00 UTC: still Friday's work.
    expect(isWorkingTime(at('2026-11-28T01:00:00Z'), 'America/New_York', late)).toBe(true);
    expect(isWorkingTime(at('2026-11-28T01:00:00Z'), 'UTC', late)).toBe(false);
    // Monday 08:00 in Tokyo is still Sunday 23:00 UTC: a working Monday there.
    const early: WorkingHours = { days: [1], start: '07:00', end: '12:00' };
    expect(isWorkingTime(at('2026-11-22T23:00:00Z'), 'Asia/Tokyo', early)).toBe(true);
    expect(isWorkingTime(at('2026-11-22T23:00:00Z'), 'UTC', early)).toBe(false);
    // Sunday is day 7 and Monday day 1 (ISO), whatever the locale's week start.
    const sunday: WorkingHours = { days: [7], start: '00:00', end: '23:59' };
    expect(isWorkingTime(zonedInstant(2026, 11, 29, 12, 0, 'Europe/Berlin'), 'Europe/Berlin', sunday)).toBe(true);
    expect(isWorkingTime(zonedInstant(2026, 11, 30, 0, 0, 'Europe/Berlin'), 'Europe/Berlin', sunday)).toBe(false);
    expect(isWorkingTime(zonedInstant(2026, 11, 29, 0, 0, 'Europe/Berlin'), 'Europe/Berlin', sunday)).toBe(true);
  });

  it('no working days: never working time', () => {
    expect(isWorkingTime(at('2026-11-23T10:00:00Z'), 'UTC', { ...WEEKDAYS, days: [] })).toBe(false);
  });
});

describe('the no-timer reminder', () => {
  const settings = { ...SETTING_DEFAULTS, remind_no_timer: true, working_hours: WEEKDAYS };
  const now = at('2026-11-23T10:00:00Z'); // Monday 11:00 in Berlin
  const due = (o: Partial<Parameters<typeof noTimerReminderDue>[0]>) =>
    noTimerReminderDue({ now, zone: 'Europe/Berlin', settings, running: false, lastRemindedAt: null, ...o });

  it('only when switched on, in working time, with no timer running', () => {
    expect(due({})).toBe(true);
    expect(due({ running: true })).toBe(false);
    expect(due({ settings: { ...settings, remind_no_timer: false } })).toBe(false);
    expect(due({ now: at('2026-11-23T17:00:00Z') })).toBe(false); // 18:00 in Berlin
    expect(due({ now: at('2026-11-22T10:00:00Z') })).toBe(false); // Sunday
    expect(due({ zone: 'America/New_York' })).toBe(false); // 05:00 there
  });

  it('repeats at its interval, not sooner', () => {
    expect(due({ lastRemindedAt: now - 29 * MIN })).toBe(false);
    expect(due({ lastRemindedAt: now - 30 * MIN })).toBe(true);
    const hourly = { ...settings, remind_every_minutes: 60 };
    expect(due({ settings: hourly, lastRemindedAt: now - 45 * MIN })).toBe(false);
    expect(due({ settings: hourly, lastRemindedAt: now - 60 * MIN })).toBe(true);
  });

  it('a clock set back does not silence it for hours; a small NTP step does not repeat it', () => {
    expect(due({ lastRemindedAt: now + 2 * 60 * MIN })).toBe(true);
    expect(due({ lastRemindedAt: now + 2_000 })).toBe(false);
  });
});

describe('the long-timer reminder', () => {
  it('fires at the limit, never when off', () => {
    expect(longTimerDue('2026-01-15T09:00:00Z', at('2026-01-15T13:00:00Z'), 240)).toBe(true);
    expect(longTimerDue('2026-01-15T09:00:00Z', at('2026-01-15T12:59:00Z'), 240)).toBe(false);
    expect(longTimerDue('2026-01-15T09:00:00Z', at('2026-01-16T09:00:00Z'), 0)).toBe(false);
  });

  it('measures real elapsed time across a DST change', () => {
    // 4 h of real time across Berlin's spring-forward night reads as 5 h on the wall clock.
    expect(longTimerDue('2026-03-29T00:00:00Z', at('2026-03-29T04:00:00Z'), 240)).toBe(true);
    expect(longTimerDue('2026-03-29T00:00:00Z', at('2026-03-29T03:59:00Z'), 240)).toBe(false);
  });

  it('agrees with the shell\'s copy it replaces', () => {
    const start = '2026-01-15T09:00:00.000Z';
    for (const limit of [0, 1, 60, 240, 1440]) {
      for (const minutes of [-5, 0, 1, 59, 60, 61, 239, 240, 241, 2000]) {
        const now = at(start) + minutes * MIN;
        expect(longTimerDue(start, now, limit)).toBe(shellLongTimerDue(start, now, limit));
      }
    }
  });
});
