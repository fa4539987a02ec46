/** What a form's date, times and duration become: the UTC instants stored, overnight and DST included. */
import { describe, expect, it } from 'vitest';
import { parseClockInput } from '../../shared/clock-input';
import { endsText, resolveTimes, type TimesInput } from '../../renderer/src/entry-times';
import { humanMessage, messagesByField } from '../../renderer/src/field-messages';

const Z = 'Europe/Amsterdam';
const t = (v: Partial<TimesInput>): TimesInput => ({ date: '2026-11-16', start: '', end: '', duration: '', from: 'end', ...v });
const iso = (ms: number) => new Date(ms).toISOString();

describe('typed times', () => {
  it.each([
    ['9:30', 9, 30], ['09:30', 9, 30], ['9.30', 9, 30], ['0930', 9, 30], ['9', 9, 0], ['21:30', 21, 30], ['9:30 pm', 21, 30],
    ['9:30PM', 21, 30], ['9pm', 21, 0], ['12 am', 0, 0], ['12:15 pm', 12, 15], ['9:30\u202fAM', 9, 30], ['0:00', 0, 0], ['23:59', 23, 59],
  ])('%j → %i:%i', (text, hour, minute) => expect(parseClockInput(text)).toEqual({ ok: true, hour, minute }));

  it.each(['', '24:00', '9:60', '13pm', '0am', 'noon', '9:3', '1:30:00', '-1'])('%j is refused with an example', (text) =>
    expect(parseClockInput(text)).toEqual({ ok: false, rule: 'Type a time like 9:30, 21:30 or 9:30 pm' }));
});

describe('resolveTimes', () => {
  it('22:00–01:00 ends the next day: 3 hours, said as such', () => {
    const r = resolveTimes(t({ start: '22:00', end: '01:00' }), Z);
    expect(r).toMatchObject({ ok: true, seconds: 3 * 3600, days: 1 });
    if (!r.ok) throw new Error('refused');
    expect([iso(r.start), iso(r.end)]).toEqual(['2026-11-16T21:00:00.000Z', '2026-11-17T00:00:00.000Z']);
    expect(endsText(r)).toBe('ends next day, 3h');
  });

  it('the same times in 12-hour form give the same instants', () => {
    expect(resolveTimes(t({ start: '10:00 PM', end: '1:00 AM' }), Z)).toEqual(resolveTimes(t({ start: '22:00', end: '01:00' }), Z));
  });

  it('a same-day entry says nothing beside the end', () => {
    const r = resolveTimes(t({ start: '9:00', end: '10:30' }), Z);
    expect(r).toMatchObject({ ok: true, seconds: 5400, days: 0 });
    expect(endsText(r)).toBeNull();
  });

  it('overnight across the spring DST change counts the real hours (01:00–04:00 on 29 March is 2h)', () => {
    // 2026-03-28 23:00 → 2026-03-29 04:00 in Amsterdam: clocks skip 02:00–03:00.
    expect(resolveTimes(t({ date: '2026-03-28', start: '23:00', end: '04:00' }), Z)).toMatchObject({ ok: true, seconds: 4 * 3600, days: 1 });
  });

  it('a duration sets the end, across midnight too', () => {
    const r = resolveTimes(t({ start: '23:00', duration: '1h30', from: 'duration' }), Z);
    expect(r).toMatchObject({ ok: true, seconds: 5400, days: 1 });
    expect(resolveTimes(t({ start: '9:00', duration: '26h', from: 'duration' }), Z)).toMatchObject({ ok: true, days: 1 });
    expect(resolveTimes(t({ start: '9:00', duration: '50h', from: 'duration' }), Z)).toMatchObject({ ok: true, days: 2 });
  });

  it('refusals name the field, in words', () => {
    expect(resolveTimes(t({ start: '9:00', end: '9:00' }), Z)).toEqual({ ok: false, issues: [{ field: 'end', rule: 'End must be after start' }] });
    expect(resolveTimes(t({ start: '', end: '' }), Z)).toEqual({ ok: false, issues: [
      { field: 'start', rule: 'Start time is needed' }, { field: 'end', rule: 'End time (or a duration) is needed' }] });
    expect(resolveTimes(t({ date: '2026-02-30', start: 'x', duration: '1.5', from: 'duration' }), Z)).toEqual({ ok: false, issues: [
      { field: 'date', rule: 'Pick a date' }, { field: 'start', rule: 'Type a time like 9:30, 21:30 or 9:30 pm' },
      { field: 'duration', rule: 'Type a duration like 1h30, 1:30, 90m or 1.5h' }] });
  });
});

describe('field messages', () => {
  it("the core's rules in words, by field", () => {
    expect(humanMessage({ field: 'end', rule: 'must be after start (duration must be > 0)' })).toBe('End must be after start');
    expect(humanMessage({ field: 'end', rule: 'must be at most 168h after start (give the real end of a forgotten timer)' }))
      .toBe('An entry can last at most 7 days: give the real end of a forgotten timer');
    expect(humanMessage({ field: 'start', rule: 'must not be more than 24h in the future' })).toBe('Start can be at most a day from now');
    expect(humanMessage({ field: 'tags.2', rule: 'must not contain a comma (CSV export joins tags with commas)' })).toBe('A tag cannot contain a comma: commas separate tags');
    expect(humanMessage({ field: 'description', rule: 'must be at most 1024 characters' })).toBe('Description is too long');
    expect(humanMessage({ field: 'account', rule: 'no account named "x"' })).toBe('Account no account named "x"');
  });

  it('one message per shown field; the rest together, nothing dropped', () => {
    expect(messagesByField([
      { field: 'end', rule: 'must be after start (duration must be > 0)' }, { field: 'end', rule: 'second' },
      { field: 'tags.0', rule: 'must not be empty' }, { field: 'input', rule: 'unknown field(s): x' },
    ], ['end', 'tags'])).toEqual({ end: 'End must be after start', tags: 'Tags cannot be empty', other: 'input unknown field(s): x' });
  });
});
