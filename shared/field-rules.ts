/**
 * The rules of an entry's fields as plain functions: the zod schemas (schemas.ts) refine with
 * them, and the timer's start checks a plain input with them without loading zod at all
 * (timer-input.ts), so both doors hold the very same rules.
 */
import { DESCRIPTION_MAX, EARLIEST_INSTANT, ID_LENGTH_MAX, LATEST_INSTANT, TAGS_MAX, TAG_LENGTH_MAX } from './limits';
import { parseIsoInstant } from './time';

/** A test on a field's value after its transform, and the rule it names when it fails. */
export type Rule<T> = readonly [test: (v: T) => boolean, rule: string];

/**
 * A lone UTF-16 surrogate is not a character: SQLite stores text as UTF-8 and keeps U+FFFD in its
 * place, so what was typed would silently come back different.
 */
export const WELL_FORMED_RULE = 'must be valid Unicode text (it holds a lone surrogate)';
export const wellFormed = (s: string) => !/\p{Cs}/u.test(s);

export const ISO_RULE = 'must be an ISO 8601 date-time with an offset, e.g. 2026-01-15T09:00:00Z';
export const RANGE_RULE = 'must be between the years 2000 and 2099';

/** An instant as typed or as epoch ms, to whole seconds; a rule when it is none. */
export function toInstant(v: string | number): number | { rule: string } {
  const ms = typeof v === 'number' ? v : parseIsoInstant(v);
  if (ms === null || !Number.isFinite(ms)) return { rule: ISO_RULE };
  if (ms < EARLIEST_INSTANT || ms >= LATEST_INSTANT) return { rule: RANGE_RULE };
  return Math.floor(ms / 1000) * 1000;
}

export const descriptionRules: readonly Rule<string>[] = [
  [(s) => [...s].length <= DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters`],
  [wellFormed, WELL_FORMED_RULE],
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  [(s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s), 'must not contain control characters'],
];

export const tagRules: readonly Rule<string>[] = [
  [(s) => s.length > 0, 'must not be empty'],
  [(s) => [...s].length <= TAG_LENGTH_MAX, `must be at most ${TAG_LENGTH_MAX} characters`],
  [(s) => !s.includes(','), 'must not contain a comma (CSV export joins tags with commas)'],
  [wellFormed, WELL_FORMED_RULE],
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  [(s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters'],
];

/** Checked after duplicates are dropped: the same tag twice is one tag. */
export const tagListRules: readonly Rule<string[]>[] = [[(tags) => tags.length <= TAGS_MAX, `must be at most ${TAGS_MAX} tags`]];

/** A remote id: null or "" (after trimming) clears it. */
export const toRefId = (s: string | null): string | null => (s === null ? null : s.trim() || null);
export const refIdRules: readonly Rule<string | null>[] = [
  [(s) => s === null || s.length <= ID_LENGTH_MAX, `must be at most ${ID_LENGTH_MAX} characters`],
  [(s) => s === null || wellFormed(s), WELL_FORMED_RULE],
];

export const passes = <T>(rules: readonly Rule<T>[], v: T) => rules.every(([test]) => test(v));
