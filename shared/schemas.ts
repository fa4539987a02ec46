/**
 * The rules every entry and account obeys, whichever door it came in by (CLI, IPC, import).
 * Messages name the rule; `toValidationError` prefixes the field. Every schema is built on first
 * use (`lazy`): a CLI command parses with one or two of them, and building them all was the
 * largest part of a `timetray status` (profiled).
 */
import { z } from 'zod';
import { FieldIssue, ValidationError } from './errors';
import { lazy } from './lazy';
import {
  ISO_RULE, WELL_FORMED_RULE, descriptionRules, refIdRules, tagListRules, tagRules, toInstant, toRefId, wellFormed,
  type Rule,
} from './field-rules';
import { MAX_DURATION_SECONDS } from './limits';
import { isTimeZone } from './time';

/** Each rule a refinement of its own: a value breaking two rules is told both. */
function refined<S extends z.ZodType>(schema: S, rules: readonly Rule<z.output<S>>[]): S {
  return rules.reduce((s, [test, rule]) => s.refine(test, rule), schema);
}

export const instantSchema = lazy(() => z
  .union([z.string(), z.number()], { error: ISO_RULE })
  .transform((v, ctx) => {
    const ms = toInstant(v);
    if (typeof ms === 'number') return ms;
    ctx.addIssue({ code: 'custom', message: ms.rule });
    return z.NEVER;
  }));

export const descriptionSchema = lazy(() => refined(z.string({ error: 'must be text' }).transform((s) => s.trim()), descriptionRules));

export const tagSchema = lazy(() => refined(z.string({ error: 'must be text' }).transform((s) => s.trim()), tagRules));

export const tagsSchema = lazy(() => refined(
  z.array(tagSchema, { error: 'must be a list of tags' }).transform((tags) => [...new Set(tags)]),
  tagListRules,
));

/** A remote id (project, task, client): opaque text; null or "" clears it. */
export const refIdSchema = lazy(() => refined(
  z.union([z.string(), z.null()], { error: 'must be text or null' }).transform(toRefId),
  refIdRules,
));

const billableSchema = lazy(() => z.boolean({ error: 'must be true or false' }));
const accountRefSchema = lazy(() => z.union([z.string(), z.null()], { error: 'must be an account name or null' }));
const fieldsShape = {
  description: descriptionSchema,
  start: instantSchema,
  end: instantSchema,
  project_id: refIdSchema,
  task_id: refIdSchema,
  client_id: refIdSchema,
  tags: tagsSchema,
  billable: billableSchema,
  account: accountRefSchema,
};

/** What a new entry and a starting timer may leave out; called inside a builder, as the fields are lazy. */
const optionalFields = () => ({
  description: fieldsShape.description.optional(),
  project_id: fieldsShape.project_id.optional(),
  task_id: fieldsShape.task_id.optional(),
  client_id: fieldsShape.client_id.optional(),
  tags: fieldsShape.tags.optional(),
  billable: fieldsShape.billable.optional(),
  account: fieldsShape.account.optional(),
});

/** A new entry. Missing optional fields take their defaults in the core. */
export const entryInputSchema = lazy(() => z.object({ ...fieldsShape, ...optionalFields() }).strict());
export type EntryInput = z.input<typeof entryInputSchema>;

/** A change to an entry: any subset of its fields. */
export const entryPatchSchema = lazy(() => z
  .object({
    description: fieldsShape.description,
    start: fieldsShape.start,
    end: fieldsShape.end,
    project_id: fieldsShape.project_id,
    task_id: fieldsShape.task_id,
    client_id: fieldsShape.client_id,
    tags: fieldsShape.tags,
    billable: fieldsShape.billable,
  })
  .partial()
  .strict());
export type EntryPatch = z.input<typeof entryPatchSchema>;

/**
 * A timer being started: an entry without its end, its start optional. Written out rather than
 * derived from entryInputSchema with omit and extend: `timetray start` built both, and zod's
 * clones of a whole object schema were ~3 ms of its first parse.
 */
export const timerInputSchema = lazy(() => z.object({ ...optionalFields(), start: fieldsShape.start.optional() }).strict());
export type TimerInput = z.input<typeof timerInputSchema>;

/**
 * Rules across fields, checked on the whole entry after defaults and patches are applied.
 * `now` bounds how far ahead an entry may lie.
 */
export function intervalIssues(start: number, end: number, now: number, maxFutureSeconds: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (end <= start) issues.push({ field: 'end', rule: 'must be after start (duration must be > 0)' });
  else if ((end - start) / 1000 > MAX_DURATION_SECONDS)
    issues.push({
      field: 'end',
      rule: `must be at most ${MAX_DURATION_SECONDS / 3600}h after start (give the real end of a forgotten timer)`,
    });
  if (start > now + maxFutureSeconds * 1000)
    issues.push({ field: 'start', rule: `must not be more than ${maxFutureSeconds / 3600}h in the future` });
  return issues;
}

export const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** localhost, 127.0.0.0/8 or ::1, as the WHATWG URL parser spells a hostname (127.1 becomes 127.0.0.1). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * A provider as typed: which names exist is the connector registry's to say (core checks it
 * against the descriptors; shared/ cannot see them), so here only its shape.
 */
export const providerSchema = lazy(() => z
  .string({ error: 'must be a provider name' })
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => /^[a-z][a-z0-9-]{0,63}$/.test(s), 'must be a provider name such as kantata (see: timetray accounts add --help)'));

/**
 * The account's context ids by key (`{tenant: "tnt_1"}`): which keys a provider needs, and their
 * rules, are its descriptor's (core checks them: `context.tenant: is required for Kukkingu`).
 */
const contextIdSchema = lazy(() => z.string({ error: 'must be text' }).refine(wellFormed, WELL_FORMED_RULE));
const contextSchema = lazy(() => z.record(z.string(), contextIdSchema, { error: 'must be an object of ids by key' }));
/** In an edit, `null` forgets the id; a key left out stays as it was. */
const contextPatchSchema = lazy(() => z.record(z.string(), contextIdSchema.nullable(), { error: 'must be an object of ids by key' }));

const accountFields = lazy(() => ({
  name: z
    .string({ error: 'must be text' })
    .refine((s) => ACCOUNT_NAME.test(s), 'must be 1 to 64 letters, digits, "_", "." or "-", starting with a letter or digit'),
  provider: providerSchema,
  base_url: z
    .string({ error: 'must be a URL' })
    .transform((s) => s.trim().replace(/\/+$/, ''))
    .refine(wellFormed, WELL_FORMED_RULE)
    .refine((s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !u.search && !u.hash;
      } catch {
        return false;
      }
    }, 'must be an http(s) URL without credentials, query or fragment')
    // A token sent over plain http can be read on the way; only this machine's own servers are exempt.
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol !== 'http:' || isLoopbackHost(u.hostname);
      } catch {
        return true;
      }
    }, 'must be https unless the host is this machine'),
  token_env: z
    .string({ error: 'must be an environment variable name' })
    .refine((s) => ENV_NAME.test(s), 'must be an environment variable name (letters, digits, "_")')
    .nullable()
    .optional(),
  context: contextSchema.optional(),
  is_default: z.boolean({ error: 'must be true or false' }).optional(),
}));

/** A token as typed or pasted: surrounding whitespace dropped, nothing that could split a header. */
const tokenSchema = lazy(() => z
  .string({ error: 'must be text' })
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'must not be empty').max(4096, 'is too long').regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces')));

export const accountInputSchema = lazy(() => z.object({ ...accountFields }).strict());
/** The settings window's account form: the account plus a token for the encrypted store. */
export const accountFormSchema = lazy(() => z.object({ ...accountFields, token: tokenSchema.optional() }).strict());
/** An edit of a saved account: its name and provider stay; `token: null` forgets the stored token. */
export const accountFormPatchSchema = lazy(() => z
  .object({
    base_url: accountFields.base_url, token_env: accountFields.token_env, context: contextPatchSchema, is_default: z.literal(true, { error: 'can only be set to true' }), token: tokenSchema.nullable(),
  })
  .partial()
  .strict());
/** What "Test connection" calls: a saved account by name, or the form's unsaved values. */
export const connectionTargetSchema = lazy(() => z
  .object({
    name: accountFields.name.optional(), provider: providerSchema.optional(), base_url: accountFields.base_url.optional(),
    context: contextSchema.optional(), token: tokenSchema.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (!t.provider) {
      if (!t.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'must name a saved account, or give a provider' });
      return;
    }
    if (!t.base_url) ctx.addIssue({ code: 'custom', path: ['base_url'], message: 'is required' });
    if (!t.token) ctx.addIssue({ code: 'custom', path: ['token'], message: 'is required to test an unsaved account' });
  }));
export type AccountForm = z.input<typeof accountFormSchema>;
export type AccountFormPatch = z.input<typeof accountFormPatchSchema>;
export type ConnectionTarget = z.input<typeof connectionTargetSchema>;
export type AccountInput = z.input<typeof accountInputSchema>;

export const timeZoneSchema = lazy(() => z
  .string({ error: 'must be an IANA time zone name' })
  .refine(isTimeZone, 'must be an IANA time zone name such as Europe/Amsterdam'));

/** Parses or throws a ValidationError naming each field and rule. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw toValidationError(r.error, prefix);
}

export function toValidationError(error: z.ZodError, prefix = ''): ValidationError {
  return new ValidationError(
    error.issues.map((i) => {
      const path = i.path.join('.');
      const field = [prefix, path].filter(Boolean).join('.') || 'input';
      let rule = i.message;
      if (i.code === 'unrecognized_keys') rule = `unknown field(s): ${i.keys.join(', ')}`;
      return { field, rule };
    }),
  );
}
