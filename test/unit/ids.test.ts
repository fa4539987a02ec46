/**
 * Entry ids: unique, in creation order, shaped as ULIDs, and random where ULIDs are random — the
 * pooled byte source must not repeat itself across refills or lean to one side.
 */
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId, pooledPrng } from '../../electron/core/ids';

describe('newId', () => {
  it('makes unique ULIDs that sort in the order they were made', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('pooledPrng', () => {
  it('draws uniform bytes in [0, 1) and fresh ones after each refill of its pool', () => {
    const next = pooledPrng();
    const draws = Array.from({ length: 3 * 4096 }, () => next());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBe(256);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
    const block = (i: number) => draws.slice(i * 4096, (i + 1) * 4096).join(',');
    expect(block(1)).not.toBe(block(0));
    expect(block(2)).not.toBe(block(1));
  });
});
