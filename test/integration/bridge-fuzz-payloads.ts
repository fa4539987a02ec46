/**
 * What a hostile window sends, per bridge method: arbitrary JSON, and valid argument tuples with
 * one thing broken (a field gone, a wrong type, an extra key such as __proto__, a 100k string,
 * control characters and lone surrogates, NaN or Infinity spelled as text, extreme numbers and
 * dates, ids that do not exist). Valid tuples name the world's things by placeholder
 * (⟦entry:2⟧), resolved against the seeded world when the input runs, so a printed
 * counterexample stays readable.
 */
import fc from 'fast-check';
import type { BridgeMethod } from '../../shared/bridge';

/** A thing of the seeded world: resolved by `resolveRefs` to the real id (or entry, or item number). */
export const ref = (kind: RefKind, i = 0) => `⟦${kind}:${i}⟧`;
export type RefKind = 'entry' | 'deleted' | 'history' | 'item' | 'account' | 'accountUrl' | 'prompt';
const entryRef = fc.oneof({ arbitrary: fc.nat(5).map((i) => ref('entry', i)), weight: 5 }, fc.constant(ref('deleted')));
const accountRef = fc.nat(6).map((i) => ref('account', i));

const text = fc.string({ maxLength: 30 });
const iso = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 16) }).map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString());
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-01-${String(d).padStart(2, '0')}`);
const tags = fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 4 });
const remoteId = fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/), { nil: null });
const accountName = fc.oneof(accountRef, fc.constant(null));
const loopbackUrl = fc.constantFrom('http://127.0.0.1:9', 'http://127.0.0.1:1/api', 'http://localhost:9');
/** A token as typed: marked, so the oracle can look for it in every answer. */
export const TYPED_TOKEN = /typed-[A-Za-z0-9_]{12,40}/g;
const token = fc.stringMatching(/^[A-Za-z0-9_]{12,40}$/).map((s) => `typed-${s}`);

const entryFields = {
  description: text, project_id: remoteId, task_id: remoteId, client_id: remoteId, tags, billable: fc.boolean(), account: accountName,
};
// After the running timer's 09:00 start and at most a little ahead of 12:00, the seeded now.
const timerStart = fc.integer({ min: Date.UTC(2026, 0, 15, 9), max: Date.UTC(2026, 0, 15, 13) }).map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString());
const timerInput = fc.record({ ...entryFields, start: fc.oneof(timerStart, iso) }, { requiredKeys: [] });
const entryInput = fc.tuple(iso, fc.integer({ min: 1, max: 36_000 }), fc.record(entryFields, { requiredKeys: [] }))
  .map(([start, secs, rest]) => ({ ...rest, start, end: new Date(Date.parse(start) + secs * 1000).toISOString() }));
const entryPatch = fc.tuple(
  fc.record({ description: text, project_id: remoteId, task_id: remoteId, client_id: remoteId, tags, billable: fc.boolean() }, { requiredKeys: [] }),
  fc.oneof(fc.constant({}), entryInput.map(({ start, end }) => ({ start, end })), fc.record({ start: iso, end: iso }, { requiredKeys: [] })),
).map(([fields, times]) => ({ ...fields, ...times }));
const contextIds = { org: fc.stringMatching(/^[a-z0-9_]{1,8}$/), tenant: fc.stringMatching(/^[a-z0-9_]{1,8}$/), administration: fc.stringMatching(/^[0-9]{1,6}$/), user: fc.stringMatching(/^[0-9]{1,6}$/) };
const context = fc.record(contextIds, { requiredKeys: [] });
const provider = fc.constantFrom('voltasis', 'kantata', 'kukkingu', 'expensicat', 'moneybird', 'orgapi');
const accountForm = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9_.-]{0,10}$/), provider, base_url: loopbackUrl, context, is_default: fc.boolean(), token,
}, { requiredKeys: ['name', 'provider', 'base_url'] });
const accountPatch = fc.record({
  base_url: fc.oneof(loopbackUrl, fc.constant(ref('accountUrl', 0))),
  context: fc.record(Object.fromEntries(Object.entries(contextIds).map(([k, a]) => [k, fc.option(a, { nil: null })])), { requiredKeys: [] }),
  is_default: fc.constant(true), token: fc.option(token, { nil: null }),
}, { requiredKeys: [] });
const reportQuery = fc.record({ from: day, to: day, group: fc.constantFrom('day', 'week', 'month'), by: fc.constantFrom('none', 'project', 'tag', 'billable') });
const settingsPatch = fc.record({
  tray_tick: fc.constantFrom('second', 'minute'), billable_default: fc.boolean(), launch_at_login: fc.boolean(), remind_no_timer: fc.boolean(),
  long_timer_minutes: fc.integer({ min: 0, max: 1440 }), idle_threshold_minutes: fc.integer({ min: 0, max: 240 }),
  remind_every_minutes: fc.integer({ min: 5, max: 1440 }), pomodoro_work_minutes: fc.integer({ min: 1, max: 240 }),
  pomodoro_break_minutes: fc.integer({ min: 1, max: 120 }), timezone: fc.constantFrom('Europe/Amsterdam', 'UTC', 'Asia/Tokyo', null),
  shortcut_toggle: fc.constantFrom('CommandOrControl+Alt+T', 'Ctrl+Shift+F5'), shortcut_open: fc.constantFrom('CommandOrControl+Alt+O', 'Alt+Space'),
  working_hours: fc.record({ days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }), start: fc.constantFrom('08:00', '09:30'), end: fc.constantFrom('17:00', '23:59') }),
}, { requiredKeys: [] });
const idleChoice = fc.oneof(
  fc.constantFrom({ kind: 'keep' }, { kind: 'discard' }, { kind: 'discard_continue' }),
  text.map((description) => ({ kind: 'split', description })),
);
const none = fc.constant([] as unknown[]);

/**
 * Valid argument tuples per method (valid as far as their shape goes: a valid tuple may still be
 * refused by the state, e.g. an account name already taken). Typed by the contract's method union,
 * so a method added to the bridge without a generator does not compile.
 */
export const VALID: Record<BridgeMethod, fc.Arbitrary<unknown[]>> = {
  'timer.status': none, 'timer.stop': none, 'timer.discard': none,
  'timer.start': fc.tuple(timerInput),
  'entries.list': fc.tuple(fc.record({ from: day, to: day, limit: fc.integer({ min: 1, max: 50 }) }, { requiredKeys: [] })),
  'entries.create': fc.tuple(entryInput),
  'entries.edit': fc.tuple(entryRef, entryPatch),
  'entries.remove': fc.tuple(entryRef),
  // Undo of a delete sends the entry as it was: the deleted one, a live one (a second undo), or one made up.
  'entries.restore': fc.tuple(fc.oneof(fc.constant(ref('deleted')), entryRef, fc.constant('01KB0000000000000000000000')), entryInput)
    .map(([id, input]) => [{ id, description: '', ...input }]),
  'entries.continue': fc.tuple(entryRef),
  'entries.history': fc.tuple(fc.oneof(entryRef, fc.constant(ref('history')))),
  'entries.restoreHistory': fc.tuple(fc.constant(ref('history')), fc.nat(1).map((i) => ref('item', i))),
  'entries.setAccount': fc.tuple(fc.uniqueArray(entryRef, { minLength: 1, maxLength: 3 }), accountName),
  'entries.resend': fc.tuple(fc.uniqueArray(entryRef, { minLength: 1, maxLength: 3 })),
  'accounts.list': none, 'providers.list': none,
  'accounts.add': fc.tuple(accountForm),
  'accounts.update': fc.tuple(accountRef, accountPatch),
  'accounts.remove': fc.tuple(accountRef, fc.option(fc.record({ keep_local: fc.boolean() }, { requiredKeys: [] }), { nil: null })),
  'accounts.test': fc.tuple(fc.oneof(
    accountRef.map((name) => ({ name })),
    fc.record({ provider, base_url: fc.oneof(loopbackUrl, fc.constant(ref('accountUrl', 2))), token, context }, { requiredKeys: ['provider', 'base_url', 'token'] }),
  )),
  'catalog.list': fc.oneof(none, fc.tuple(accountRef)),
  'catalog.refresh': fc.tuple(accountRef),
  'reports.get': fc.tuple(reportQuery),
  'reports.csv': fc.tuple(reportQuery),
  'idle.pending': none,
  'idle.resolve': fc.tuple(fc.constant(ref('prompt')), idleChoice),
  'pomodoro.status': none, 'pomodoro.start': none, 'pomodoro.stop': none,
  'settings.get': none,
  'settings.set': fc.tuple(settingsPatch),
  'sync.status': none, 'sync.now': none, 'app.info': none,
};

/** Values that break things: each is JSON (or becomes JSON on the wire), none is what a field wants. */
const HOSTILE_CONSTANTS: unknown[] = [
  null, true, false, 0, -0, -1, 1.5, 2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308, 5e-324, '', ' ', 'NaN', 'Infinity', '-Infinity', '1e309',
  '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '2026-02-30',
  '2026-01-15T25:00:00Z', '2026-13-01', '1970-01-01', '2026-01-15', 8.64e15, -8.64e15, 8.64e15 + 1, 253402300800000, -62198755200000,
  '01ZZZZZZZZZZZZZZZZZZZZZZZZ', 'no-such-id', 'no-such-account', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '../../etc/passwd',
  '\u0000', 'a\u0007b\u001b[2J', '\ud800', 'x\udfffy', '\u202e\u2066', 'é', '😀', [], {}, [null], JSON.parse('{"__proto__":{"polluted":true}}'), [[[[]]]],
  // Just inside and just outside the rules: the years 2000 to 2099, offsets, fractions, leap seconds, 24:00.
  '2000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2099-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '2026-01-14T08:00:00+14:00',
  '2026-01-14T08:00:00-1200', '2026-01-14t08:00:00z', '2026-01-14T08:00:00.9999999Z', '2026-06-30T23:59:60Z', '2026-01-14T24:00:00Z',
  '2026-01-14T08:00Z', '2026-01-14 08:00:00Z', '2026-01-14T08:00:00+24:00', 946684800000, 4102444799999, 4102444800000, 1_000_000, 1_000_001,
  'http://example.com', 'https://evil.invalid', 'file:///etc/passwd', 'javascript:alert(1)', 'http://127.0.0.1:9@evil.invalid', 'ftp://127.0.0.1',
];
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 });
const controls = fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 });
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS), weight: 6 },
  fc.constantFrom('x'.repeat(100_000), '😀'.repeat(50_000), 'a,'.repeat(50_000)),
  fc.tuple(text, fc.oneof(loneSurrogates, controls), text).map((p) => p.join('')),
  fc.double(), fc.integer(), fc.jsonValue({ maxDepth: 2 }),
  fc.array(fc.constantFrom('x', 1, null, '\u0000'), { minLength: 1, maxLength: 3 }),
);
const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'id', 'token_env', 'token'), fc.string({ maxLength: 8 }));

type Path = (string | number)[];
function containers(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (v && typeof v === 'object') {
    out.push(at);
    for (const [k, x] of Object.entries(v)) containers(x, [...at, Array.isArray(v) ? Number(k) : k], out);
  }
  return out;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a path walked through generated JSON of any shape
const getAt = (v: unknown, p: Path): any => p.reduce((o: any, k) => o[k], v);

type Mutation = { op: 'remove' | 'replace' | 'extra' | 'arity'; at: Path; key?: string | number; value?: unknown };

/** Applies one mutation to a deep copy. Own `__proto__` keys are defined, as JSON.parse makes them. */
export function mutate(args: unknown[], m: Mutation): unknown[] {
  const copy = structuredClone(args) as unknown[];
  const target = getAt(copy, m.at);
  if (m.op === 'arity') return m.value === undefined ? copy.slice(0, -1) : [...copy, m.value];
  if (m.op === 'remove' && Array.isArray(target)) target.splice(Number(m.key), 1);
  else if (m.op === 'remove') delete target[m.key!];
  else Object.defineProperty(target, m.key!, { value: m.value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** One thing broken in a valid tuple: a field gone, a field of the wrong type, or a key too many. */
export function mutationOf(args: unknown[]): fc.Arbitrary<Mutation> {
  const paths = containers(args);
  const fields = paths.flatMap((p) => Object.keys(getAt(args, p)).map((k) => ({ at: p, key: Array.isArray(getAt(args, p)) ? Number(k) : k })));
  const objects = paths.filter((p) => !Array.isArray(getAt(args, p)));
  const options: fc.Arbitrary<Mutation>[] = [fc.oneof(fc.constant(undefined), hostileValue).map((value) => ({ op: 'arity' as const, at: [], value }))];
  if (fields.length) {
    options.push(fc.constantFrom(...fields).map((f) => ({ op: 'remove' as const, ...f })));
    options.push(fc.tuple(fc.constantFrom(...fields), hostileValue).map(([f, value]) => ({ op: 'replace' as const, ...f, value })));
    options.push(fc.tuple(fc.constantFrom(...fields), hostileValue).map(([f, value]) => ({ op: 'replace' as const, ...f, value })));
  }
  if (objects.length) options.push(fc.tuple(fc.constantFrom(...objects), extraKey, hostileValue).map(([at, key, value]) => ({ op: 'extra' as const, at, key, value })));
  return fc.oneof(...options);
}

/** Everything a hostile caller sends for `method`: mostly broken valid tuples, some valid, some anything at all. */
export function payloads(method: BridgeMethod): fc.Arbitrary<unknown> {
  const valid = VALID[method];
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    { arbitrary: valid.chain((args) => mutationOf(args).map((m) => mutate(args, m))), weight: 5 },
    { arbitrary: valid.chain((args) => mutationOf(args).chain((m) => mutationOf(mutate(args, m)).map((m2) => mutate(mutate(args, m), m2)))), weight: 1 },
    { arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 })), weight: 1 },
  );
}
