/** The timer bar's running time reads like a stopwatch: h:mm:ss, hours unbounded. */
import { describe, expect, it } from 'vitest';
import { elapsedClock } from '../../renderer/src/elapsed';

describe('elapsedClock', () => {
  it.each([
    [0, '0:00:00'], [6, '0:00:06'], [59, '0:00:59'], [60, '0:01:00'], [3599, '0:59:59'],
    [3600, '1:00:00'], [3906, '1:05:06'], [26 * 3600, '26:00:00'], [-5, '0:00:00'], [6.9, '0:00:06'],
  ])('%s s → %s', (s, text) => expect(elapsedClock(s)).toBe(text));
});
