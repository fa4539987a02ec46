/** shared/lazy.ts: a schema built on first use answers exactly as the schema itself. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazy } from '../../shared/lazy';
import { timerInputSchema, parseOrThrow } from '../../shared/schemas';
import { ValidationError } from '../../shared/errors';

describe('lazy', () => {
  it('builds nothing until first used, then once', () => {
    let built = 0;
    const s = lazy(() => (built++, z.string().min(2, 'too short')));
    expect(built).toBe(0);
    expect(s.safeParse('ab').success).toBe(true);
    expect(s.safeParse('a').error?.issues[0]?.message).toBe('too short');
    expect(built).toBe(1);
  });

  it('is the schema to instanceof, composition and spreading', () => {
    const inner = lazy(() => z.string().transform((v) => v.trim()));
    expect(inner instanceof z.ZodType).toBe(true);
    const outer = z.object({ name: inner, tags: z.array(inner) }).strict();
    expect(outer.parse({ name: ' a ', tags: [' b'] })).toEqual({ name: 'a', tags: ['b'] });
    const fields = lazy(() => ({ name: inner }));
    expect(z.object({ ...fields }).parse({ name: ' c ' })).toEqual({ name: 'c' });
  });

  it('a lazily built shared schema refuses with the same field and rule', () => {
    expect(() => parseOrThrow(timerInputSchema, { description: 'x', tags: ['a,b'] })).toThrow(ValidationError);
    try {
      parseOrThrow(timerInputSchema, { description: 'x', tags: ['a,b'], bogus: 1 });
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([
        { field: 'tags.0', rule: 'must not contain a comma (CSV export joins tags with commas)' },
        { field: 'input', rule: 'unknown field(s): bogus' },
      ]);
    }
  });
});
