/**
 * The field rules a fake declares in its table, and the one check that applies them. A rule names
 * what the API accepts and the words a refusal uses; each fake formats a refusal in its own
 * envelope (`Shape.errors.invalid`), so every API names the field and the rule it broke.
 */
import { isDate, isIso } from './server';

/** How an API spells one field's rule; `custom` returns the problem in words, or null. */
export type Rule =
  | 'text' // a non-empty string
  | 'nonblank' // a string with more than white space
  | 'string'
  | 'iso' // an ISO 8601 instant
  | 'date' // YYYY-MM-DD
  | 'positive' // an integer ≥ 1 (whole minutes)
  | 'count' // an integer ≥ 0
  | 'boolean'
  | 'strings' // string[]
  | 'integer-id' // a positive integer, as a number or a string of digits (Kantata)
  | 'digits-id' // a string of digits or a safe integer (Moneybird)
  | 'reference' // an object whose listed keys are non-empty strings (Kantata's external_reference)
  | { custom: (v: unknown) => string | null };

export interface Field {
  rule: Rule;
  /** Must be there on create (and on a replacing update). */
  required?: boolean;
  /** null is accepted (and kept) as well. */
  nullable?: boolean;
  /** Longest string accepted. */
  max?: number;
  /** What a create (or a replacing update) stores when the field is not sent. */
  default?: unknown;
  /** The record keeps it under another name (Kukkingu's projectId → project). */
  as?: string;
  /** How the server keeps what it accepted (ids as strings, times floored to the minute). */
  keep?: (v: unknown) => unknown;
  /** Keys of a `reference` object. */
  keys?: readonly string[];
}

export type Fields = Readonly<Record<string, Field>>;

/** One broken rule: the field, the rule in words, and whether the field was missing (Moneybird's `blank`). */
export interface Problem {
  field: string;
  words: string;
  missing: boolean;
  /** Where the object sits in the body (`time_entry`, `time_entries[3]`), for APIs that say so. */
  where: string;
}

const WORDS: Record<Exclude<Rule, { custom: unknown }>, string> = {
  text: 'must be a non-empty string',
  nonblank: 'must not be blank',
  string: 'must be a string',
  iso: 'must be an ISO 8601 timestamp',
  date: 'must be a YYYY-MM-DD date',
  positive: 'must be a positive integer',
  count: 'must be a non-negative integer',
  boolean: 'must be a boolean',
  strings: 'must be an array of strings',
  'integer-id': 'must be an integer',
  'digits-id': 'is invalid',
  reference: 'is required',
};

const PASSES: Record<Exclude<Rule, { custom: unknown }>, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length > 0,
  nonblank: (v) => typeof v === 'string' && v.trim().length > 0,
  string: (v) => typeof v === 'string',
  iso: isIso,
  date: isDate,
  positive: (v) => Number.isSafeInteger(v) && (v as number) >= 1,
  count: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  boolean: (v) => typeof v === 'boolean',
  strings: (v) => Array.isArray(v) && v.every((t) => typeof t === 'string'),
  'integer-id': (v) => (Number.isSafeInteger(v) && (v as number) > 0) || (typeof v === 'string' && /^[1-9]\d*$/.test(v)),
  'digits-id': (v) => (typeof v === 'string' && /^\d+$/.test(v)) || Number.isSafeInteger(v),
  reference: () => true,
};

function broken(name: string, f: Field, v: unknown): Omit<Problem, 'where'> | null {
  if (v === null && f.nullable) return null;
  if (typeof f.rule === 'object') {
    const words = f.rule.custom(v);
    return words ? { field: name, words, missing: v === undefined } : null;
  }
  if (f.rule === 'reference') {
    const r = v as Record<string, unknown> | null;
    const gap = (f.keys ?? []).find((k) => !r || typeof r[k] !== 'string' || !(r[k] as string).length);
    return gap === undefined ? null : { field: `${name}.${gap}`, words: WORDS.reference, missing: true };
  }
  if (!PASSES[f.rule](v)) return { field: name, words: v === undefined ? 'is required' : WORDS[f.rule], missing: v === undefined || v === '' };
  if (f.max !== undefined && typeof v === 'string' && v.length > f.max) return { field: name, words: `must NOT have more than ${f.max} characters`, missing: false };
  return null;
}

/**
 * The first broken rule of `body` against the table, in the table's order; null when it passes.
 * `partial`: only the fields sent are checked (a PATCH, Kantata's PUT).
 */
export function firstProblem(fields: Fields, body: Record<string, unknown>, partial: boolean, where: string): Problem | null {
  for (const [name, f] of Object.entries(fields)) {
    const v = body[name];
    if (v === undefined && (partial || !f.required)) continue;
    const p = broken(name, f, v);
    if (p) return { ...p, where };
  }
  return null;
}

/**
 * What the server keeps of an accepted body, under the record's own names. `whole`: fields not
 * sent take their defaults (a create, or an update that replaces the record).
 */
export function kept(fields: Fields, body: Record<string, unknown>, whole: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(fields)) {
    const v = body[name];
    if (v === undefined && !whole) continue;
    const value = v === undefined ? (f.default === undefined ? null : structuredClone(f.default)) : v;
    out[f.as ?? name] = value === null || !f.keep ? value : f.keep(value);
  }
  return out;
}
