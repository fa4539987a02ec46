/** The form's duration field: what people type, and what is refused with a reason. */
import { describe, expect, it } from 'vitest';
import { durationInputText, parseDurationInput } from '../../shared/duration-input';

const M = 60;
describe('duration typing', () => {
  it.each([
    ['1h30', 90 * M], ['1h30m', 90 * M], ['1h 30m', 90 * M], ['1 h 30', 90 * M], ['1:30', 90 * M], ['0:45', 45 * M],
    ['90m', 90 * M], ['90 min', 90 * M], ['90', 90 * M], ['45', 45 * M], ['1.5h', 90 * M], ['1,5 h', 90 * M],
    ['2h', 120 * M], ['2 hours', 120 * M], ['0.25h', 15 * M], ['  3h  ', 180 * M], ['1H30M', 90 * M], ['10:00', 600 * M],
    ['168h', 168 * 60 * M], ['2m', 2 * M],
  ])('%s → %i s', (text, seconds) => {
    expect(parseDurationInput(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['', 'Type a duration like 1h30, 1:30, 90m or 1.5h'],
    ['abc', 'Type a duration like 1h30, 1:30, 90m or 1.5h'],
    ['1.5', 'Type a duration like 1h30, 1:30, 90m or 1.5h'],
    ['1.5h30', 'Type a duration like 1h30, 1:30, 90m or 1.5h'],
    ['1:75', 'Type a duration like 1h30, 1:30, 90m or 1.5h'],
    ['-1h', 'Type a duration like 1h30, 1:30, 90m or 1.5h'],
    ['1h30x', 'Type a duration like 1h30, 1:30, 90m or 1.5h'],
    ['h', 'Type a duration like 1h30, 1:30, 90m or 1.5h'],
    ['0', 'Duration must be more than zero'],
    ['0h', 'Duration must be more than zero'],
    ['0:00', 'Duration must be more than zero'],
    ['1.5m', 'Durations are in whole minutes'],
    ['0.01h', 'Durations are in whole minutes'],
    ['169h', 'An entry can last at most 7 days'],
  ])('%j is refused: %s', (text, rule) => {
    expect(parseDurationInput(text)).toEqual({ ok: false, rule });
  });

  it('what the form shows reads back to the same duration', () => {
    for (const s of [60, 45 * M, 90 * M, 180 * M, 125 * M, 24 * 60 * M]) {
      const text = durationInputText(s);
      expect(parseDurationInput(text)).toEqual({ ok: true, seconds: s });
    }
    expect([durationInputText(90 * M), durationInputText(45 * M), durationInputText(180 * M)]).toEqual(['1h30', '45m', '3h']);
  });
});
