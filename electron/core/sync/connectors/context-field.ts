/** The rules an account's context ids follow: the descriptors' `context` fields, and the check against them. */
import { z } from 'zod';
import type { AccountContext } from '../../../../shared/entry';
import { ValidationError, type FieldIssue } from '../../../../shared/errors';
import { ID_LENGTH_MAX } from '../../../../shared/limits';
import { lazy } from '../../../../shared/lazy';
import type { ContextField, ProviderDescriptor } from '../connector';

/** Trimmed text of 1 to ID_LENGTH_MAX characters; `digits` where the API's ids are numbers. */
export function contextId(o: { digits?: boolean } = {}): z.ZodType<string, string> {
  const text = z.string({ error: 'must be text' }).transform((s) => s.trim())
    .refine((s) => s.length > 0 && s.length <= ID_LENGTH_MAX, `must be 1 to ${ID_LENGTH_MAX} characters`);
  return o.digits ? text.refine((s) => /^\d+$/.test(s), 'must be digits only (the number in the service\'s address)') : text;
}

/** A context field whose value is an id as defined above; the flag is `--<key> <id>`. */
export function contextField(f: Omit<ContextField, 'flag' | 'schema'> & { digits?: boolean }): ContextField {
  const { digits, ...rest } = f;
  // Built on first use: every connector declares its fields at load, and a CLI run checks none.
  return { ...rest, flag: `--${f.key} <id>`, schema: lazy(() => contextId({ digits })) };
}

/**
 * The context an account of `d` will hold: `base` (what it holds now) with `given` over it (null
 * forgets a key), each id checked by its field's rule, none missing that `d` requires and none
 * `d` does not use. Every problem is named (`context.tenant: is required for Kukkingu`) and
 * thrown together, so a refused account changes nothing.
 */
export function checkContext(
  d: Pick<ProviderDescriptor, 'name' | 'context'>, given: Readonly<Record<string, string | null | undefined>> = {}, base: AccountContext = {},
): AccountContext {
  const issues: FieldIssue[] = [];
  const out: AccountContext = {};
  const known = new Set(d.context.map((f) => f.key));
  const takes = d.context.length ? `it takes ${d.context.map((f) => f.key).join(', ')}` : 'it takes none';
  for (const key of Object.keys(given)) {
    if (!known.has(key)) issues.push({ field: `context.${key}`, rule: `is not an id ${d.name} uses (${takes})` });
  }
  for (const f of d.context) {
    const v = Object.hasOwn(given, f.key) ? given[f.key] : base[f.key];
    if (v === null || v === undefined) {
      if (f.required) issues.push({ field: `context.${f.key}`, rule: `is required for ${d.name}` });
      continue;
    }
    const r = f.schema.safeParse(v);
    if (r.success) out[f.key] = r.data;
    else issues.push(...r.error.issues.map((i) => ({ field: `context.${f.key}`, rule: i.message })));
  }
  if (issues.length) throw new ValidationError(issues);
  return out;
}
