/**
 * shared/timer-input.ts: the timer's start checked without zod gives, on any input, the verdict
 * and the value of `timerInputSchema` (the rules and messages users see), or defers to it.
 * Replay a failure with the seed fast-check prints: `fc.assert(..., { seed, path })`.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_MAX, TAGS_MAX, TAG_LENGTH_MAX, ID_LENGTH_MAX } from '../../shared/limits';
import { timerInputSchema } from '../../shared/schemas';
import { quickTimerInput } from '../../shared/timer-input';
import { tempDir } from '../helpers/temp';

const awkward = fc.constantFrom(' ', '\t', '\n', ',', '\u0000', '\u0007', '\u001f', '\u007f', '\ud800', '\udc00', '😀', 'é', 'x');
const text = (max: number) => fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 12 }) },
  fc.array(awkward, { maxLength: 6 }).map((a) => a.join('')),
  fc.tuple(fc.string({ maxLength: 3 }), fc.array(awkward, { maxLength: 3 })).map(([s, a]) => ` ${s}${a.join('')} `),
  // At the length limit and one past it, in code points (an emoji is two UTF-16 units).
  fc.integer({ min: max - 1, max: max + 1 }).chain((n) => fc.constantFrom('a'.repeat(n), '😀'.repeat(n), ` ${'b'.repeat(n)} `)),
);
const instant = fc.oneof(
  fc.date({ min: new Date('1999-12-31T00:00:00Z'), max: new Date('2100-01-02T00:00:00Z'), noInvalidDate: true }).chain((d) =>
    fc.constantFrom(d.toISOString(), d.toISOString().replace('Z', '+02:00'), d.toISOString().slice(0, 19), d.getTime(), d.getTime() + 0.5)),
  fc.constantFrom('2026-02-30T10:00:00Z', '2026-01-15T24:00:00Z', ' 2026-01-15T09:00:00Z ', 'now', '', NaN, Infinity, -1),
);
const anything = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }), fc.constant({}));
const tags = fc.oneof(
  fc.array(fc.oneof(fc.stringMatching(/^[a-z -]{1,8}$/), text(TAG_LENGTH_MAX), fc.constantFrom('dup', ' dup ')), { maxLength: 5 }),
  fc.integer({ min: TAGS_MAX - 1, max: TAGS_MAX + 1 }).chain((n) => fc.constantFrom(
    Array.from({ length: n }, (_, i) => `t${i}`),
    [...Array.from({ length: n }, (_, i) => `t${i}`), 't0'],
  )),
  fc.array(anything, { maxLength: 2 }),
);
const ref = fc.oneof(fc.constant(null), text(ID_LENGTH_MAX));
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: anything });
const fields = fc.record({
  description: mostly(text(DESCRIPTION_MAX)),
  project_id: mostly(ref),
  task_id: mostly(ref),
  client_id: mostly(ref),
  tags: mostly(tags),
  billable: mostly(fc.boolean()),
  account: mostly(fc.string({ maxLength: 6 })),
  start: mostly(instant),
}, { requiredKeys: [] });
const input = fc.oneof(
  { weight: 12, arbitrary: fields },
  // A field a start does not take: an entry's end, or a typo.
  { weight: 1, arbitrary: fc.tuple(fields, fc.constantFrom('end', 'bogus', 'Description'), instant).map(([o, k, v]) => ({ ...o, [k]: v })) },
  { weight: 1, arbitrary: fc.oneof(anything, fc.array(fc.string()), fc.constant(new Date())) },
);

describe('the quick check of a timer start', () => {
  it('accepts exactly what the schema accepts, with the same value', () => {
    let quick = 0;
    fc.assert(fc.property(input, (v) => {
      const q = quickTimerInput(v);
      const z = timerInputSchema.safeParse(v);
      if (q !== null) {
        quick++;
        expect(z.success).toBe(true);
        expect(q).toEqual(z.data);
      } else if (z.success) {
        // Deferring is allowed only for what is not a plain object.
        expect(Object.getPrototypeOf(v)).not.toBe(Object.prototype);
      }
    }), { numRuns: 3000 });
    // A check that never accepts would pass the above by deferring everything.
    expect(quick).toBeGreaterThan(300);
  });

  it('takes the common starts without help', () => {
    expect(quickTimerInput({ description: ' write tests ', start: '2026-03-02T09:00:00+01:00' }))
      .toEqual({ description: 'write tests', start: Date.parse('2026-03-02T08:00:00Z') });
    expect(quickTimerInput({ description: 'x', tags: ['a', ' a', 'b'], project_id: ' ', billable: false }))
      .toEqual({ description: 'x', tags: ['a', 'b'], project_id: null, billable: false });
    expect(quickTimerInput({})).toEqual({});
  });

  it('leaves refusals to the schema, which names the field and the rule', () => {
    for (const v of [{ description: 'a\u0000' }, { tags: ['a,b'] }, { start: 'now' }, { bogus: 1 }, Object.create({ description: 'x' }), 'x', null]) {
      expect(quickTimerInput(v)).toBeNull();
    }
  });

  it('`timetray start` with a description and a time never loads zod; a refused one does', () => {
    const t = tempDir();
    try {
      // zod's core marks the global it evaluated in; the bundle is what users run (built before the tests).
      const probe = join(t.dir, 'probe.cjs');
      writeFileSync(probe, "process.on('exit', () => process.stderr.write(`zod:${'__zod_globalConfig' in globalThis}`));\n");
      const cli = join(__dirname, '..', '..', 'dist', 'cli.cjs');
      const env = { ...process.env, TIMETRAY_DATA_DIR: join(t.dir, 'data') };
      const zodOf = (args: string[]) => spawnSync(process.execPath, ['-r', probe, cli, ...args], { env, encoding: 'utf8' }).stderr;
      expect(zodOf(['start', 'write', 'tests', '--tag', 'dev', '--at', '2026-03-02T09:00:00Z'])).toBe('zod:false');
      expect(zodOf(['stop', '--at', '2026-03-02T10:00:00Z'])).toMatch(/zod:false$/);
      expect(zodOf(['start', 'a,b', '--tag', 'a,b'])).toMatch(/tags\.0: must not contain a comma.*zod:true$/s);
    } finally {
      t.cleanup();
    }
  });
});
