/** The receiving side's checks of every bridge call: method names and argument tuples. */
import { z } from 'zod';
import type { BridgeMethod } from './bridge';
import { ValidationError } from './errors';
import { reportQuerySchema } from './report-schema';
import { accountFormPatchSchema, accountFormSchema, connectionTargetSchema, entryInputSchema, entryPatchSchema, timerInputSchema } from './schemas';

const id = z.string({ error: 'must be an id' }).min(1, 'must be an id').max(64, 'is too long');
const accountName = z.string({ error: 'must be an account name' }).min(1, 'must be an account name').max(64, 'is too long');
const idleChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keep') }).strict(),
  z.object({ kind: z.literal('discard') }).strict(),
  z.object({ kind: z.literal('discard_continue') }).strict(),
  z.object({
    kind: z.literal('split'),
    description: z.string({ error: 'must be text' }).trim().min(1, 'must describe the time away').max(1000, 'is too long'),
  }).strict(),
], { error: 'must be keep, discard, discard_continue or split' });
const entryIds = z.array(id, { error: 'must be a list of entry ids' }).min(1, 'must name at least one entry').max(10_000, 'is too many entries at once');
const entrySchema = z.object({ id, description: z.string(), start: z.string(), end: z.string() }).passthrough();

/** Every callable method with its argument tuple. Anything else is refused. */
export const BRIDGE_METHODS: Record<BridgeMethod, z.ZodType> = {
  'timer.status': z.tuple([]),
  'timer.start': z.tuple([timerInputSchema]),
  'timer.stop': z.tuple([]),
  'timer.discard': z.tuple([]),
  'entries.list': z.tuple([z.object({ from: z.string().optional(), to: z.string().optional(), limit: z.number().int().min(1).max(1_000_000).optional() }).strict()]),
  'entries.create': z.tuple([entryInputSchema]),
  'entries.edit': z.tuple([id, entryPatchSchema]),
  'entries.remove': z.tuple([id]),
  'entries.restore': z.tuple([entrySchema]),
  'entries.continue': z.tuple([id]),
  'entries.history': z.tuple([id]),
  'entries.restoreHistory': z.tuple([id, z.number({ error: 'must be a history item number' }).int('must be a history item number').min(1, 'must be a history item number')]),
  'entries.setAccount': z.tuple([
    entryIds,
    z.union([accountName, z.null()], { error: 'must be an account name, or null for local-only' }),
  ]),
  'entries.resend': z.tuple([entryIds]),
  'providers.list': z.tuple([]),
  'accounts.list': z.tuple([]),
  'accounts.add': z.tuple([accountFormSchema]),
  'accounts.update': z.tuple([accountName, accountFormPatchSchema]),
  // nullish: a JSON transport sends an omitted trailing argument as null.
  'accounts.remove': z.tuple([accountName, z.object({ keep_local: z.boolean({ error: 'must be true or false' }).optional() }).strict().nullish()]),
  'accounts.test': z.tuple([connectionTargetSchema]),
  'catalog.list': z.tuple([accountName.optional()]),
  'catalog.refresh': z.tuple([accountName]),
  'reports.get': z.tuple([reportQuerySchema]),
  'reports.csv': z.tuple([reportQuerySchema]),
  'idle.pending': z.tuple([]),
  'idle.resolve': z.tuple([id, idleChoiceSchema]),
  'pomodoro.status': z.tuple([]),
  'pomodoro.start': z.tuple([]),
  'pomodoro.stop': z.tuple([]),
  'settings.get': z.tuple([]),
  'settings.set': z.tuple([z.record(z.string(), z.unknown())]),
  'sync.status': z.tuple([]),
  'sync.now': z.tuple([]),
  'app.info': z.tuple([]),
};

export const isBridgeMethod = (m: unknown): m is BridgeMethod => typeof m === 'string' && Object.hasOwn(BRIDGE_METHODS, m);

/** Checks a call's arguments against its method's schema; the issues name the argument's fields. */
export function checkArgs(method: BridgeMethod, args: unknown): ValidationError | null {
  const r = BRIDGE_METHODS[method].safeParse(args);
  if (r.success) return null;
  return new ValidationError(r.error.issues.map((i) => ({
    field: i.path.slice(1).join('.') || (i.path.length ? `argument ${String(i.path[0])}` : 'arguments'),
    rule: i.message,
  })));
}

