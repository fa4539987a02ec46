/**
 * What a rounding server holds, said on the entry: the user's typed instants and the server's
 * records (written here by hand, in each API's precision) in, the note out. Times are read in
 * Europe/Amsterdam, where 2026-03-29 has 23 hours and 2026-12-01 is UTC+1.
 */
import { describe, expect, it } from 'vitest';
import { heldAsOf } from '../../electron/core/held-as';
import { localClockOf, localDateOf } from '../../shared/time';

const AMS = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

describe('heldAsOf: APIs with times of day', () => {
  it('Moneybird floors 09:00:37–10:31:07 to the minute: the note gives the minutes it holds, in the user zone', () => {
    const h = heldAsOf({
      provider: 'moneybird', start: at('2026-12-01T09:00:37+01:00'), end: at('2026-12-01T10:31:07+01:00'), zone: AMS,
      refs: [{ piece: '', base: { start: at('2026-12-01T08:00:00Z'), end: at('2026-12-01T09:31:00Z'), description: 'x' } }],
    });
    expect(h?.note).toBe('Moneybird holds 09:00–10:31 (minutes, rounded down)');
    expect(h?.summary).toBe('09:00–10:31');
    expect(h?.records).toEqual([{ date: '2026-12-01', start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T09:31:00.000Z', seconds: 5460 }]);
  });

  it('equal → null: the server holds exactly what was typed', () => {
    const start = at('2026-12-01T09:00:00+01:00');
    const end = at('2026-12-01T10:31:00+01:00');
    expect(heldAsOf({ provider: 'moneybird', start, end, zone: AMS, refs: [{ piece: '', base: { start, end } }] })).toBeNull();
    expect(heldAsOf({ provider: 'expensicat', start: start + 37_000, end, zone: AMS, refs: [{ piece: '', base: { start: start + 37_000, end } }] })).toBeNull();
  });

  it('a base without times (an older row, or none at all) says nothing rather than guess', () => {
    const start = at('2026-12-01T09:00:37+01:00');
    const end = at('2026-12-01T10:31:07+01:00');
    expect(heldAsOf({ provider: 'moneybird', start, end, zone: AMS, refs: [{ piece: '', base: { description: 'x' } }] })).toBeNull();
    expect(heldAsOf({ provider: 'moneybird', start, end, zone: AMS, refs: [] })).toBeNull();
  });

  it('Voltasis keeps the times as sent but counts whole minutes: 5430 s is held as 1 h 31 min', () => {
    const start = at('2026-12-01T09:00:37+01:00');
    const end = at('2026-12-01T10:31:07+01:00');
    const h = heldAsOf({ provider: 'voltasis', start, end, zone: AMS, refs: [{ piece: '', base: { start, end } }] });
    expect(h?.note).toBe('Voltasis holds 1 h 31 min (whole minutes)');
    expect(h?.records).toEqual([{ date: '2026-12-01', start: '2026-12-01T08:00:37.000Z', end: '2026-12-01T09:31:07.000Z', seconds: 5460 }]);
    // A whole number of minutes, seconds and all: nothing to say.
    expect(heldAsOf({ provider: 'voltasis', start, end: end + 30_000, zone: AMS, refs: [{ piece: '', base: { start, end: end + 30_000 } }] })).toBeNull();
  });

  it('seconds the server keeps are shown when its times differ from the typed ones', () => {
    const h = heldAsOf({
      provider: 'voltasis', start: at('2026-12-01T09:00:37+01:00'), end: at('2026-12-01T10:31:07+01:00'), zone: AMS,
      refs: [{ piece: '', base: { start: at('2026-12-01T09:00:37+01:00'), end: at('2026-12-01T10:31:37+01:00') } }],
    });
    expect(h?.note).toBe('Voltasis holds 09:00:37–10:31:37 (whole minutes)');
  });

  it('across midnight both ends carry their day', () => {
    const h = heldAsOf({
      provider: 'moneybird', start: at('2026-11-30T23:59:30+01:00'), end: at('2026-12-01T00:30:10+01:00'), zone: AMS,
      refs: [{ piece: '', base: { start: at('2026-11-30T23:59:00+01:00'), end: at('2026-12-01T00:30:00+01:00') } }],
    });
    expect(h?.note).toBe('Moneybird holds 30 Nov 23:59–1 Dec 00:30 (minutes, rounded down)');
  });

  it('on the spring DST day the held times are wall-clock times in the user zone (01:59 CET to 03:00 CEST)', () => {
    const h = heldAsOf({
      provider: 'moneybird', start: at('2026-03-29T01:59:30+01:00'), end: at('2026-03-29T03:00:45+02:00'), zone: AMS,
      refs: [{ piece: '', base: { start: at('2026-03-29T00:59:00Z'), end: at('2026-03-29T01:00:00Z') } }],
    });
    expect(h?.note).toBe('Moneybird holds 01:59–03:00 (minutes, rounded down)');
    expect(h?.records[0]!.seconds).toBe(60);
  });
});

describe('heldAsOf: date-only APIs (one record per local day)', () => {
  it('Kantata holds 09:00:37–10:31:07 (5430 s) as 91 whole minutes', () => {
    const h = heldAsOf({
      provider: 'kantata', start: at('2026-12-01T09:00:37+01:00'), end: at('2026-12-01T10:31:07+01:00'), zone: AMS,
      refs: [{ piece: '2026-12-01', base: { duration: 5460, description: 'x' } }],
    });
    expect(h?.note).toBe('Kantata holds 1 h 31 min (whole minutes)');
    expect(h?.records).toEqual([{ date: '2026-12-01', start: null, end: null, seconds: 5460 }]);
  });

  it('an entry over midnight: one record per day, each named with its day', () => {
    const start = at('2026-11-30T23:19:40+01:00');
    const end = at('2026-12-01T01:20:00+01:00');
    const h = heldAsOf({
      provider: 'kantata', start, end, zone: AMS,
      refs: [{ piece: '2026-12-01', base: { duration: 4800 } }, { piece: '2026-11-30', base: { duration: 2400 } }],
    });
    expect(h?.note).toBe('Kantata holds 2 records: 30 Nov 0 h 40 min, 1 Dec 1 h 20 min (whole minutes)');
    // The same split held to the second (Kukkingu keeps seconds): nothing to say.
    expect(heldAsOf({
      provider: 'kukkingu', start, end, zone: AMS,
      refs: [{ piece: '2026-11-30', base: { duration: 2420 } }, { piece: '2026-12-01', base: { duration: 4800 } }],
    })).toBeNull();
  });

  it('on the 23-hour DST day the day is measured in real seconds, not wall-clock hours', () => {
    // 01:30:20 CET to 03:30 CEST is 59 min 40 s (the clock skips 02:00–03:00).
    const start = at('2026-03-29T01:30:20+01:00');
    const end = at('2026-03-29T03:30:00+02:00');
    expect(heldAsOf({ provider: 'kukkingu', start, end, zone: AMS, refs: [{ piece: '2026-03-29', base: { duration: 3580 } }] })).toBeNull();
    expect(heldAsOf({ provider: 'kantata', start, end, zone: AMS, refs: [{ piece: '2026-03-29', base: { duration: 3600 } }] })?.note)
      .toBe('Kantata holds 1 h 0 min (whole minutes)');
  });

  it('days are the ones the entry was split into (its own zone), not the zone the user reads it in', () => {
    // 20:00–21:00 in New York is 02:00–03:00 on the next day in Amsterdam.
    const start = at('2026-12-01T20:00:00-05:00');
    const end = at('2026-12-01T21:00:00-05:00');
    const refs = [{ piece: '2026-12-01', base: { duration: 3600 } }];
    expect(heldAsOf({ provider: 'kukkingu', start, end, zone: AMS, dayZone: 'America/New_York', refs })).toBeNull();
    expect(heldAsOf({ provider: 'kukkingu', start, end, zone: AMS, refs })?.note).toBe('Kukkingu holds 1 record: 1 Dec 1 h 0 min (whole seconds)');
  });

  it('an older base without a duration says nothing', () => {
    expect(heldAsOf({
      provider: 'kantata', start: at('2026-12-01T09:00:37+01:00'), end: at('2026-12-01T10:31:07+01:00'), zone: AMS,
      refs: [{ piece: '2026-12-01', base: { description: 'x' } }],
    })).toBeNull();
  });
});

describe('heldAsOf: wall-clock times', () => {
  it('agree with shared/time for every 389 minutes of 2026 in zones with DST, none, and a half-hour offset', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    let checked = 0;
    for (const zone of ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      for (let t = from; t < from + 365 * 86_400_000; t += 389 * 60_000) {
        const start = t + 7_000;
        const end = t + 3_600_000 + 9_000;
        const h = heldAsOf({ provider: 'moneybird', start, end, zone, refs: [{ piece: '', base: { start: t, end: t + 3_600_000 } }] });
        const same = localDateOf(t, zone) === localDateOf(t + 3_600_000, zone);
        const want = same
          ? `${localClockOf(t, zone)}–${localClockOf(t + 3_600_000, zone)}`
          : `${localClockOf(t, zone)}–`;
        if (same) expect(h?.summary).toBe(want);
        else expect(h?.summary).toContain(want);
        expect(h?.records[0]!.date).toBe(localDateOf(t, zone));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });
});
