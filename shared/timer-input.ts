/**
 * A timer's start input checked without zod. `timetray start` is a click from a key binding, and
 * loading zod and building the schema was ~15 ms of its ~165 (profiled; issue 15, the CLI). Only
 * acceptance is decided here, by the same rules the schema refines with (field-rules.ts): an
 * input this refuses, or is unsure of, goes to `timerInputSchema`, whose issues the user is told.
 * test/unit/timer-input.test.ts holds the two to the same verdicts and values on generated input.
 */
import type { z } from 'zod';
import { descriptionRules, passes, refIdRules, tagListRules, tagRules, toInstant, toRefId } from './field-rules';
import type { timerInputSchema } from './schemas';

/**
 * The checked input, as `timerInputSchema` gives it: derived from the schema (a type-only import,
 * so nothing of zod loads), so a field added there is a key CHECKS must cover.
 */
export type CheckedTimerInput = z.output<typeof timerInputSchema>;

type Check = (v: unknown) => { value: unknown } | null;

const text = (rules: typeof descriptionRules): Check => (v) => {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return passes(rules, s) ? { value: s } : null;
};

const refId: Check = (v) => {
  if (typeof v !== 'string' && v !== null) return null;
  const s = toRefId(v);
  return passes(refIdRules, s) ? { value: s } : null;
};

const tag = text(tagRules);

const CHECKS: Record<keyof CheckedTimerInput, Check> = {
  description: text(descriptionRules),
  project_id: refId,
  task_id: refId,
  client_id: refId,
  tags: (v) => {
    if (!Array.isArray(v)) return null;
    const tags: string[] = [];
    for (const t of v) {
      const c = tag(t);
      if (!c) return null;
      tags.push(c.value as string);
    }
    const unique = [...new Set(tags)];
    return passes(tagListRules, unique) ? { value: unique } : null;
  },
  billable: (v) => (typeof v === 'boolean' ? { value: v } : null),
  account: (v) => (typeof v === 'string' || v === null ? { value: v } : null),
  start: (v) => {
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    const ms = toInstant(v);
    return typeof ms === 'number' ? { value: ms } : null;
  },
};

/** The input as checked, or null when it breaks a rule or is not a plain object of known fields. */
export function quickTimerInput(input: unknown): CheckedTimerInput | null {
  if (typeof input !== 'object' || input === null) return null;
  const proto = Object.getPrototypeOf(input) as unknown;
  if (proto !== Object.prototype && proto !== null) return null;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const check = Object.hasOwn(CHECKS, key) ? CHECKS[key as keyof CheckedTimerInput] : undefined;
    if (!check) return null;
    const v = (input as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const c = check(v);
    if (!c) return null;
    out[key] = c.value;
  }
  return out as CheckedTimerInput;
}
