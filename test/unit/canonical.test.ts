import { describe, expect, it } from 'vitest';
import { canonical } from '../../electron/core/sync/util';

// The texts stored in sent_pieces and remote_refs were written by this replacer: a faster
// canonical() must give them byte for byte, or a stored fingerprint stops matching its piece.
const byReplacer = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v);

describe('canonical', () => {
  const cases: [string, unknown][] = [
    ['a piece body', { start_time: '2026-01-02T08:00:00.000Z', description: 'Fix "the" bug\n', duration_minutes: 20, tags: ['b', 'a'], billable: true, project_id: null }],
    ['undefined fields and array holes', { b: undefined, a: [undefined, () => 1, NaN, -0, 1e21], c: Symbol('x') }],
    ['nested objects, keys out of order', { z: { y: 1, x: { b: 2, a: 1 } }, a: [{ d: 1, c: 2 }] }],
    ['integer-like keys, which an object orders first', { b: 1, 10: 'ten', 2: 'two', a: 0 }],
    ['a key that is __proto__', JSON.parse('{"b":1,"__proto__":{"y":1,"x":2}}')],
    ['a Date', { when: new Date(0) }],
    ['an object with its own toJSON', { own: { toJSON: () => 'mine' } }],
    ['a null-prototype object', Object.assign(Object.create(null), { b: 2, a: 1 })],
    ['unicode and escapes in keys', { 'é': 1, 'e': 2, '"q': 3, '': 4 }],
    ['top-level values', ['x', 5, null, [], {}]],
  ];
  for (const [what, value] of cases) {
    it(`writes ${what} as the replacer did`, () => {
      expect(canonical(value)).toBe(byReplacer(value));
    });
  }

  it('leaves undefined undefined, as JSON.stringify does', () => {
    expect(canonical(undefined)).toBeUndefined();
  });

  it('refuses a BigInt as JSON.stringify does', () => {
    expect(() => canonical({ n: 1n })).toThrow(TypeError);
  });
});
