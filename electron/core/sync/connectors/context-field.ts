/** The rules an account's context ids follow, for the descriptors' `context` fields. */
import { z } from 'zod';
import { ID_LENGTH_MAX } from '../../../../shared/limits';
import type { ContextField } from '../connector';

/** Trimmed text of 1 to ID_LENGTH_MAX characters; `digits` where the API's ids are numbers. */
export function contextId(o: { digits?: boolean } = {}): z.ZodType<string, string> {
  const text = z.string({ error: 'must be text' }).transform((s) => s.trim())
    .refine((s) => s.length > 0 && s.length <= ID_LENGTH_MAX, `must be 1 to ${ID_LENGTH_MAX} characters`);
  return o.digits ? text.refine((s) => /^\d+$/.test(s), 'must be digits only (the number in the service\'s address)') : text;
}

/** A context field whose value is an id as defined above; the flag is `--<key> <id>`. */
export function contextField(f: Omit<ContextField, 'flag' | 'schema'> & { digits?: boolean }): ContextField {
  const { digits, ...rest } = f;
  return { ...rest, flag: `--${f.key} <id>`, schema: contextId({ digits }) };
}
