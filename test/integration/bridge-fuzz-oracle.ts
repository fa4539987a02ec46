/**
 * How a bridge-fuzz answer is judged. A refusal is one of the API's own (a ValidationError naming
 * each field and rule, a NotFoundError naming what is missing, no timer running) and changed
 * nothing; an acceptance did what the payload asked; no answer carries a token; every request
 * went to a server the user gave, and a token only to the server it was given for.
 */
import { expect } from 'vitest';
import type { BridgeMethod, Envelope } from '../../shared/bridge';
import { diffState, dumpState, sameState, PROCESS_SECRET, PROCESS_SECRET_ENV, type World } from './bridge-fuzz-world';
import { TYPED_TOKEN, type RefKind } from './bridge-fuzz-payloads';

/** The placeholders of a generated payload, replaced by the seeded world's things; JSON on the way, as on the wire. */
export function resolveRefs(raw: unknown, w: World, promptId: string | null): unknown {
  const accounts = w.runtime.core.accounts.list();
  const one = (kind: RefKind, i: number): unknown => {
    switch (kind) {
      case 'entry': return w.ids.entries[i % w.ids.entries.length];
      case 'deleted': return w.ids.deleted;
      case 'history': return w.ids.withHistory;
      case 'item': return w.ids.historyItems[i % w.ids.historyItems.length];
      case 'account': return w.ids.accounts[i % w.ids.accounts.length];
      case 'accountUrl': return accounts.find((a) => a.name === w.ids.accounts[i % w.ids.accounts.length])!.base_url;
      case 'prompt': return promptId ?? 'no-open-prompt';
    }
  };
  const text = JSON.stringify(raw);
  if (text === undefined) return undefined;
  return JSON.parse(text, (_k, v) => {
    const m = typeof v === 'string' ? /^⟦(\w+):(\d+)⟧$/.exec(v) : null;
    return m ? one(m[1] as RefKind, Number(m[2])) : v;
  });
}

/** What a JS engine says when code met input it did not expect: never what a refusal should read. */
const ENGINE_TEXT = /TypeError|RangeError|SyntaxError|ReferenceError|Cannot read|Cannot convert|is not a function|is not iterable|is not defined|Invalid time value|Invalid array length|Maximum call stack|\[object Object\]|SQLITE_|NOT NULL constraint|UNIQUE constraint|FOREIGN KEY/;

/** What is wrong with a refusal, or null when it is one of the API's own (an engine error or a plain Error is a defect). */
export function refusalProblem(error: Extract<Envelope, { ok: false }>['error']): string | null {
  if (!['ValidationError', 'NotFoundError', 'NoTimerRunningError'].includes(error.name)) return `a refusal of the API's own, not ${error.name}: ${error.message}`;
  if (ENGINE_TEXT.test(error.message)) return `engine text in a refusal: ${error.message}`;
  if (error.name === 'ValidationError') {
    if (!error.issues?.length) return 'a ValidationError names no field';
    for (const i of error.issues) {
      if (!/^(?!undefined|null)\S/.test(i.field) || !/\S/.test(i.rule)) return `an issue without a field or rule: ${JSON.stringify(i)}`;
    }
  }
  if (error.name === 'NotFoundError' && !/^[\w ]+: no /.test(error.message)) return `a NotFoundError naming nothing: ${error.message}`;
  return null;
}

/** Checked on every input: plain code, so the thousands that pass cost no assertion machinery. */
function must(ok: boolean, problem: () => string): void {
  if (!ok) throw new Error(problem());
}

/** Methods that only read: even their acceptance changes nothing. */
export const READ_ONLY = new Set<BridgeMethod>([
  'timer.status', 'entries.list', 'entries.history', 'accounts.list', 'providers.list', 'accounts.test', 'catalog.list', 'reports.get', 'reports.csv',
  'idle.pending', 'pomodoro.status', 'settings.get', 'sync.status', 'app.info',
]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the arguments and answers judged are generated JSON of any shape
type Args = any[];
const trimmed = (s: unknown) => (typeof s === 'string' ? s.trim() : s);
const live = (w: World, id: string) => w.runtime.core.db.prepare('SELECT 1 FROM entries WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined;
/** An accepted instant as stored: to the whole second, whichever form (ISO text with an offset, epoch ms) it came in. */
const instant = (v: string | number) => new Date(Math.floor((typeof v === 'number' ? v : Date.parse(v.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))) / 1000) * 1000).toISOString();
const isObj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an accepted call must have done, per method; typed by the contract, so none is left out. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see Args
export const ACCEPTED: Record<BridgeMethod, (value: any, args: Args, w: World) => void> = {
  'timer.status': (v) => expect(v === null || typeof v.id === 'string').toBe(true),
  'timer.start': (v, [input], w) => {
    expect(w.runtime.core.timer.status()?.id).toBe(v.running.id);
    if (typeof input.description === 'string') expect(v.running.description).toBe(input.description.trim());
    if (input.start !== undefined) expect(v.running.start).toBe(instant(input.start));
  },
  'timer.stop': (v, _a, w) => {
    expect(w.runtime.core.timer.status()).toBeNull();
    expect(live(w, v.id)).toBe(true);
  },
  'timer.discard': (_v, _a, w) => expect(w.runtime.core.timer.status()).toBeNull(),
  'entries.list': (v, [q]) => {
    expect(Array.isArray(v)).toBe(true);
    if (q.limit) expect(v.length).toBeLessThanOrEqual(q.limit);
  },
  'entries.create': (v, [input], w) => {
    const e = w.runtime.core.entries.get(v.id);
    expect(e.description).toBe(trimmed(input.description) ?? '');
    for (const k of ['project_id', 'task_id', 'client_id'] as const) if (k in input) expect(e[k], k).toBe(trimmed(input[k]) || null);
    if ('tags' in input) expect(e.tags).toEqual([...new Set(input.tags.map(trimmed))]);
    if ('billable' in input) expect(e.billable).toBe(input.billable);
    if ('account' in input) expect(e.account).toBe(input.account);
    expect([e.start, e.end]).toEqual([input.start, input.end].map(instant));
  },
  'entries.edit': (v, [id, patch], w) => {
    expect(v.id).toBe(id);
    const now = w.runtime.core.entries.get(id);
    if ('description' in patch) expect(now.description).toBe(trimmed(patch.description));
    if ('billable' in patch) expect(now.billable).toBe(patch.billable);
    if ('tags' in patch) expect(new Set(now.tags)).toEqual(new Set(patch.tags.map(trimmed)));
    for (const k of ['project_id', 'task_id', 'client_id'] as const) if (k in patch) expect(now[k], k).toBe(trimmed(patch[k]) || null);
  },
  'entries.remove': (v, [id], w) => {
    expect(v.id).toBe(id);
    expect(live(w, id)).toBe(false);
  },
  'entries.restore': (v, [e], w) => {
    expect(v.id).toBe(e.id);
    expect(e.id, 'only an id Timetray made comes back').toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(live(w, e.id)).toBe(true);
  },
  'entries.continue': (v, [id], w) => expect(v.running.description).toBe(w.runtime.core.entries.get(id).description),
  'entries.history': (v) => expect(Array.isArray(v)).toBe(true),
  'entries.restoreHistory': (v, [id]) => expect(v.id).toBe(id),
  'entries.setAccount': (_v, [ids, account], w) => {
    for (const id of ids) expect(w.runtime.core.entries.get(id).account).toBe(account);
  },
  'entries.resend': (v) => expect(Array.isArray(v)).toBe(true),
  'accounts.list': (v) => expect(Array.isArray(v)).toBe(true),
  'providers.list': (v) => expect(Array.isArray(v) && v.length > 0).toBe(true),
  'accounts.add': (v, [form], w) => {
    expect(w.runtime.core.accounts.byName(form.name).id).toBe(v.id);
    expect(v.has_stored_secret).toBe(form.token !== undefined);
    if (form.token !== undefined) expect(w.secrets.get(v.id)).toBe(form.token.trim());
    expect(v.token_env ?? null).toBeNull();
    for (const [k, x] of Object.entries(form.context ?? {})) expect(v.context[k], `context.${k}`).toBe(trimmed(x));
  },
  'accounts.update': (v, [name, patch], w) => {
    expect(v.name).toBe(name);
    if (typeof patch.token === 'string') expect(w.secrets.get(v.id)).toBe(patch.token.trim());
    if (patch.token === null) expect(w.secrets.has(v.id)).toBe(false);
    if (typeof patch.base_url === 'string') expect(v.base_url).toBe(patch.base_url.trim().replace(/\/+$/, ''));
    for (const [k, x] of Object.entries(patch.context ?? {})) expect(v.context[k] ?? null, `context.${k}`).toBe(trimmed(x) ?? null);
    // Elsewhere than before, the token given for the old server stays behind unless typed anew.
    const before = w.seeded.accounts!.map((row) => JSON.parse(row) as { name: string; base_url: string }).find((a) => a.name === name)!;
    if (new URL(v.base_url).origin !== new URL(before.base_url).origin && patch.token === undefined) {
      expect(v.has_stored_secret, 'a moved account keeps no token').toBe(false);
      expect(v.token_env, 'a moved account keeps no token variable').toBeNull();
    }
  },
  'accounts.remove': (_v, [name], w) => expect(w.runtime.core.accounts.list().some((a) => a.name === name)).toBe(false),
  'accounts.test': (v) => expect(typeof v.ok === 'boolean' && typeof v.message === 'string').toBe(true),
  'catalog.list': (v) => expect(Array.isArray(v)).toBe(true),
  'catalog.refresh': (v) => expect(typeof v.ok === 'boolean' && typeof v.count === 'number').toBe(true),
  'reports.get': (v) => expect(isObj(v)).toBe(true),
  'reports.csv': (v) => expect(typeof v).toBe('string'),
  'idle.pending': (v) => expect(v === null || typeof v.id === 'string').toBe(true),
  'idle.resolve': (v, [, choice], w) => {
    expect(isObj(v) && 'running' in v).toBe(true);
    if (choice.kind === 'split') expect(w.runtime.core.entries.get(v.split.id).description).toBe(choice.description.trim());
    expect(w.runtime.core.timer.status()?.id ?? null).toBe(v.running?.id ?? null);
  },
  'pomodoro.status': (v) => expect(v === null || typeof v.phase === 'string').toBe(true),
  'pomodoro.start': (v) => expect(v === null || typeof v.phase === 'string').toBe(true),
  'pomodoro.stop': (v) => expect(v).toBeNull(),
  'settings.get': (v) => expect(isObj(v)).toBe(true),
  'settings.set': (v, [patch], w) => {
    expect(v).toEqual(w.runtime.core.settings.all());
    for (const [k, x] of Object.entries(patch)) if (x !== null) expect(v[k], k).toEqual(x);
  },
  'sync.status': (v) => expect(Array.isArray(v.accounts)).toBe(true),
  'sync.now': (v) => expect(Array.isArray(v.accounts)).toBe(true),
  'app.info': (v) => expect(v).toMatchObject({ host: 'browser', version: 'fuzz' }),
};

/** Every token the seeded world holds, with the origin it was given for, and the origins saved. */
const seededFacts = new WeakMap<World, { tokens: [string, string][]; origins: string[] }>();
function facts(w: World) {
  let f = seededFacts.get(w);
  if (!f) {
    const stored = new Map((w.seeded['(secret store)'] ?? []).map((kv) => JSON.parse(kv) as [string, string]));
    const accounts = (w.seeded.accounts ?? []).map((row) => JSON.parse(row) as { id: string; base_url: string; token_env: string | null });
    f = {
      tokens: accounts.flatMap((a): [string, string][] => {
        const t = a.token_env === PROCESS_SECRET_ENV ? PROCESS_SECRET : stored.get(a.id);
        return t ? [[t, new URL(a.base_url).origin]] : [];
      }),
      origins: accounts.map((a) => new URL(a.base_url).origin),
    };
    seededFacts.set(w, f);
  }
  return f;
}

/**
 * The sync store makes an account's bookkeeping row when it is first read (engine.state, which the
 * status reads): all empty, it says what no row says. Left out when judging a read.
 */
function withoutBlankSyncRows(d: Record<string, string[]>): Record<string, string[]> {
  const blank = (row: string) => Object.entries(JSON.parse(row) as Record<string, unknown>).every(([k, v]) => k === 'account_id' || v === null);
  return { ...d, account_sync: (d.account_sync ?? []).filter((r) => !blank(r)) };
}

/** The whole judgement of one call, from the seeded state (`w.reset()` ran before it). */
export function judge(method: BridgeMethod, args: unknown, r: Envelope, w: World, sentFrom: number): void {
  const answer = JSON.stringify(r);
  must(Object.keys(Object.prototype).length === 0 && !('polluted' in {}), () => `Object.prototype was polluted: ${Object.keys(Object.prototype).join(', ')}`);
  const { tokens, origins } = facts(w);
  for (const [t] of tokens) must(!answer.includes(t), () => `an answer carries the token for ${t.slice(0, 4)}…: ${answer.slice(0, 300)}`);
  for (const t of JSON.stringify(args).match(TYPED_TOKEN) ?? []) must(!answer.includes(t), () => `a typed token came back: ${answer.slice(0, 300)}`);

  // Requests: only to a server the user named (saved before the call, or typed in it); a saved token only to its own.
  const sent = w.sent.slice(sentFrom);
  if (sent.length) {
    const typed = new Set<string>();
    JSON.stringify(args, (_k, v) => {
      if (typeof v === 'string') try { typed.add(new URL(v.trim()).origin); } catch { /* not a URL */ }
      return v;
    });
    for (const s of sent) {
      expect([...origins, ...typed], `a request to ${s.url}`).toContain(s.origin);
      for (const [t, origin] of tokens) if (s.carried.includes(t)) expect(s.origin, `a token for ${origin} sent to ${s.url}`).toBe(origin);
    }
  }

  const after = dumpState(w.db, w.secrets);
  const same = sameState(w.seeded, after);
  w.dirty = !same;
  if (!r.ok) {
    const problem = refusalProblem(r.error);
    must(problem === null, () => problem!);
    if (!same) expect(diffState(w.seeded, after), `refused (${r.error.message.slice(0, 200)}) yet changed`).toEqual([]);
    return;
  }
  if (READ_ONLY.has(method) && !same) expect(diffState(w.seeded, withoutBlankSyncRows(after)), `${method} only reads`).toEqual([]);
  ACCEPTED[method](r.value, args as Args, w);
}
