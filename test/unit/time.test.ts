import { describe, expect, it } from 'vitest';
import {
  addLocalDays, formatDuration, localDateOf, localDayStart, localDaysRange, parseDuration, parseIsoInstant,
  parseWhen, splitByLocalDay,
} from '../../shared/time';

const AMS = 'Europe/Amsterdam';
const NY = 'America/New_York';
const h = 3600_000;

describe('parseIsoInstant', () => {
  it('reads Z and numeric offsets to the same instant', () => {
    const z = parseIsoInstant('2026-01-15T09:00:00Z');
    expect(z).toBe(Date.UTC(2026, 0, 15, 9));
    expect(parseIsoInstant('2026-01-15T10:00:00+01:00')).toBe(z);
    expect(parseIsoInstant('2026-01-15T10:00+0100')).toBe(z);
    expect(parseIsoInstant('2026-01-15T09:00:00.250Z')).toBe(z! + 250);
  });
  it('refuses dates that do not exist and text without an offset', () => {
    for (const bad of ['2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z', '2026-01-15T24:00:00Z',
      '2026-01-15T09:00:00', '2026-01-15', 'yesterday', '2026-01-15T09:00:00+25:00']) {
      expect(parseIsoInstant(bad), bad).toBeNull();
    }
    expect(parseIsoInstant('2028-02-29T00:00:00Z')).not.toBeNull();
  });
});

describe('parseWhen', () => {
  it('reads HH:MM as today in the given zone, whatever the UTC date is', () => {
    // 23:30 UTC on Jan 15 is already Jan 16 in Amsterdam.
    const now = Date.UTC(2026, 0, 15, 23, 30);
    const r = parseWhen('09:00', AMS, now);
    expect(r).toEqual({ ok: true, ms: Date.UTC(2026, 0, 16, 8) });
  });
  it('names the rule for malformed input', () => {
    const r = parseWhen('25:00', AMS, 0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.rule).toMatch(/ISO 8601.*HH:MM/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['1h30m', 5400], ['90m', 5400], ['45m30s', 2730], ['1:30', 5400], ['2h', 7200], ['30s', 30], ['0:05', 300],
  ])('%s = %i s', (text, s) => expect(parseDuration(text)).toBe(s));
  it.each(['', 'h', '1.5h', '1:75', '10', 'abc', '1m1h'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('local days', () => {
  it('has 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    const [s1, e1] = localDaysRange('2026-03-29', '2026-03-29', AMS);
    expect(e1 - s1).toBe(23 * h);
    const [s2, e2] = localDaysRange('2026-10-25', '2026-10-25', AMS);
    expect(e2 - s2).toBe(25 * h);
    const [s3, e3] = localDaysRange('2026-03-08', '2026-03-08', NY);
    expect(e3 - s3).toBe(23 * h);
  });
  it('starts the day at local midnight', () => {
    expect(localDayStart('2026-01-15', AMS)).toBe(Date.UTC(2026, 0, 14, 23));
    expect(localDayStart('2026-07-15', AMS)).toBe(Date.UTC(2026, 6, 14, 22));
  });
  it('knows which local day an instant falls on', () => {
    expect(localDateOf(Date.UTC(2026, 0, 14, 23, 30), AMS)).toBe('2026-01-15');
    expect(localDateOf(Date.UTC(2026, 0, 14, 23, 30), 'UTC')).toBe('2026-01-14');
  });
});

describe('splitByLocalDay', () => {
  it('splits a timer across midnight into its two local days', () => {
    const start = Date.UTC(2026, 0, 15, 21); // 22:00 Amsterdam
    const end = Date.UTC(2026, 0, 16, 1); // 02:00 Amsterdam next day
    const pieces = splitByLocalDay(start, end, AMS);
    expect(pieces.map((p) => [p.date, p.seconds])).toEqual([
      ['2026-01-15', 2 * 3600],
      ['2026-01-16', 2 * 3600],
    ]);
  });
  it('counts real elapsed time across the fall-back night (25 h day)', () => {
    // 00:00 → 23:59:59 local on 2026-10-25 is 25 h minus a second of real time.
    const start = localDayStart('2026-10-25', AMS);
    const end = localDayStart('2026-10-26', AMS);
    const pieces = splitByLocalDay(start, end, AMS);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.seconds).toBe(25 * 3600);
  });
  it('keeps the total equal to the entry whatever the split', () => {
    const start = Date.UTC(2026, 2, 28, 20);
    const end = Date.UTC(2026, 2, 30, 5);
    const total = splitByLocalDay(start, end, AMS).reduce((s, p) => s + p.seconds, 0);
    expect(total).toBe((end - start) / 1000);
  });
});

describe('formatDuration', () => {
  it('is compact', () => {
    expect(formatDuration(7500)).toBe('2h05m');
    expect(formatDuration(2700)).toBe('45m');
    expect(formatDuration(12)).toBe('12s');
  });
});

describe('addLocalDays', () => {
  it('steps calendar dates both ways across months, years and 29 February', () => {
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addLocalDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addLocalDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addLocalDays('2026-01-14', -13)).toBe('2026-01-01');
    expect(addLocalDays('2026-01-14', 0)).toBe('2026-01-14');
  });
});
