/**
 * The world every bridge-fuzz input meets: the real app runtime (the same one Electron's main and
 * the browser host start) on a SQLite file in a temp dir, accounts on the five fake providers on
 * loopback with their tokens in the secret store, entries (one deleted, one with history), a
 * running timer, an open idle question and a cached catalog. Each input starts from this state:
 * whatever an accepted call changed is put back, so a failing input replays alone by its path.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../electron/core/db';
import { startAppRuntime, type AppRuntime } from '../../electron/core/app-runtime';
import { tokenResolver, type SecretStore } from '../../electron/core/secrets';
import type { FetchLike } from '../../electron/core/sync/http';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import type { Provider } from '../../shared/entry';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { manualClock } from '../helpers/temp';

export const NOW = '2026-01-15T12:00:00Z';
export const PROCESS_SECRET_ENV = 'FUZZ_PROCESS_SECRET';
export const PROCESS_SECRET = 'process-secret-never-sent-elsewhere';

/** One request the runtime tried to make; only 127.0.0.1 is let through. */
export interface Sent {
  url: string;
  origin: string;
  /** Every header value and the URL, where a token could ride. */
  carried: string;
  blocked: boolean;
}

/** The secret store of the app, kept in a Map the test can read and put back. */
function recordingSecrets() {
  const all = new Map<string, string>();
  const store: SecretStore = {
    get: (id) => all.get(id) ?? null,
    set: (id, token) => void all.set(id, token),
    remove: (id) => void all.delete(id),
  };
  return { store, all };
}

const readers = new WeakMap<Database, (readonly [string, { all(): unknown[] }])[]>();

/** Every table's rows, each table's rows sorted, and the secret store: equal dumps, nothing changed. */
export function dumpState(db: Database, secrets: Map<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let reads = readers.get(db);
  if (!reads) {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    reads = tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`)] as const);
    readers.set(db, reads);
  }
  for (const [name, read] of reads) out[name] = (read.all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  out['(secret store)'] = [...secrets].map((kv) => JSON.stringify(kv)).sort();
  return out;
}

/** Whether two dumps hold the same rows. */
export function sameState(a: Record<string, string[]>, b: Record<string, string[]>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k]!.length === b[k]?.length && a[k]!.every((row, i) => row === b[k]![i]));
}

/** The tables (and the secret store) whose contents differ, with what was added and removed. */
export function diffState(a: Record<string, string[]>, b: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = new Set(a[k] ?? []);
    const y = new Set(b[k] ?? []);
    const gone = [...x].filter((r) => !y.has(r));
    const added = [...y].filter((r) => !x.has(r));
    if (gone.length || added.length) out.push(`${k}: -${JSON.stringify(gone).slice(0, 400)} +${JSON.stringify(added).slice(0, 400)}`);
  }
  return out;
}

export interface World {
  runtime: AppRuntime;
  dir: string;
  db: Database;
  secrets: Map<string, string>;
  fakes: Record<Provider, FakeProvider>;
  sent: Sent[];
  /** Ids a valid payload can name: entries (live), the deleted one, accounts, history items. */
  ids: { entries: string[]; deleted: string; withHistory: string; historyItems: number[]; accounts: string[] };
  /** The seeded state, as dumpState gives it. */
  seeded: Record<string, string[]>;
  /** Whether the state may differ from the seeded one; the oracle clears it when it compared them equal. */
  dirty: boolean;
  /** Puts the seeded state back (tables, secrets, the idle question, pomodoro) if anything differs. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Lets a request through only to 127.0.0.1; anything else is refused unsent, as a dead host would be. */
function guardedFetch(sent: Sent[]): FetchLike {
  return (input, init) => {
    const u = new URL(input);
    const headers = Object.values((init.headers ?? {}) as Record<string, string>);
    const blocked = u.hostname !== '127.0.0.1';
    sent.push({ url: input, origin: u.origin, carried: [input, ...headers].join('\n'), blocked });
    if (blocked) return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('blocked by the fuzz test'), { code: 'ENOTFOUND' }) }));
    return nodeFetch(input, init);
  };
}

export async function openWorld(): Promise<World> {
  // Memory-backed where the system has it: thousands of fsynced commits would otherwise be the run time.
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const path = mkdtempSync(join(base, 'timetray-bridge-fuzz-'));
  const dir = { dir: path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
  const fakes = {} as Record<Provider, FakeProvider>;
  for (const [p, start] of Object.entries(FAKE_PROVIDERS)) fakes[p as Provider] = await start();
  const clock = manualClock(NOW);
  const sent: Sent[] = [];
  const { store, all: secrets } = recordingSecrets();
  const runtime = startAppRuntime({
    dataDir: dir.dir, clock, zone: 'Europe/Amsterdam', host: 'browser', version: 'fuzz', fetch: guardedFetch(sent),
    secrets: store, secretStorage: 'memory', tokenFor: tokenResolver({ [PROCESS_SECRET_ENV]: PROCESS_SECRET }, store),
    sync: false, watchMs: 60_000, deskTickMs: 3_600_000,
  });
  const { core, api } = runtime;
  const call = async (method: string, ...args: unknown[]) => {
    const r = await api.dispatch(method, args);
    if (!r.ok) throw new Error(`seeding ${method}: ${JSON.stringify(r.error)}`);
    return r.value as { id: string };
  };

  for (const [p, fake] of Object.entries(fakes)) {
    // Each server its own token, so a token that reaches the wrong one is seen.
    fake.token = `${p}-token-${'x'.repeat(12)}`;
    await call('accounts.add', { name: p, provider: p, ...fake.account(), token: fake.token, is_default: p === 'voltasis' });
  }
  // As `timetray accounts add --token-env` writes it: only the command line names a variable.
  core.accounts.add({ name: 'from-cli', provider: 'voltasis', base_url: fakes.voltasis!.account().base_url, token_env: PROCESS_SECRET_ENV });
  await call('accounts.add', { name: 'no-token', provider: 'kantata', base_url: 'http://127.0.0.1:9' });
  const day = (d: number, h: number) => `2026-01-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`;
  const entries: string[] = [];
  for (let i = 0; i < 6; i++) {
    const e = await call('entries.create', {
      description: `work ${i}`, start: day(10 + i, 8), end: day(10 + i, 9 + i), tags: i % 2 ? ['a', 'b'] : [],
      project_id: i % 3 ? `p${i}` : null, account: i < 2 ? null : (['voltasis', 'kantata', 'kukkingu', 'moneybird'] as const)[i - 2],
    });
    entries.push(e.id);
  }
  const gone = await call('entries.create', { description: 'deleted', start: day(9, 8), end: day(9, 9) });
  await call('entries.remove', gone.id);
  // As a sync merge writes it: the value the server's edit replaced, restorable by the user.
  const ins = core.db.prepare("INSERT INTO entry_history (entry_id, at, source, fields, note) VALUES (?, ?, 'remote', ?, ?)");
  const historyItems = [
    Number(ins.run(entries[2]!, Date.parse(NOW) - 3600_000, JSON.stringify({ description: 'before the merge' }), 'replaced by an edit on the server').lastInsertRowid),
    Number(ins.run(entries[2]!, Date.parse(NOW) - 1800_000, JSON.stringify({ duration: 1800 }), 'replaced by an edit on the server').lastInsertRowid),
  ];
  core.catalog.replaceRemote(core.accounts.byName('kukkingu').id, [
    { kind: 'project', id: 'p1', name: 'Project one', parent_id: null },
    { kind: 'task', id: 't1', name: 'Task one', parent_id: 'p1' },
  ], Date.parse(NOW));
  await call('timer.start', { description: 'running', start: '2026-01-15T09:00:00Z', account: 'kukkingu' });

  let mono = 1e9;
  /** Away for 30 minutes behind a locked screen with the timer running: the idle question opens. */
  const raiseIdle = () => {
    const wall = clock.now();
    runtime.idleSignal({ kind: 'lock', wall: wall - 1_800_000, mono: (mono += 1_000) });
    const prompt = runtime.idleSignal({ kind: 'unlock', wall, mono: (mono += 1_800_000) });
    if (!prompt) throw new Error('seeding: no idle question after 30 minutes away');
  };
  raiseIdle();

  const db = core.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    // AUTOINCREMENT inserts write sqlite_sequence themselves: it is put back last.
    .sort((a, b) => Number(a === 'sqlite_sequence') - Number(b === 'sqlite_sequence'));
  const restore = tables.map((name) => {
    const rows = db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    const cols = Object.keys(rows[0] ?? {});
    const insert = cols.length ? db.prepare(`INSERT INTO "${name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`) : null;
    return { name, wipe: db.prepare(`DELETE FROM "${name}"`), put: () => rows.forEach((r) => insert!.run(...Object.values(r))) };
  });
  const putBack = db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const t of restore) t.wipe.run();
    for (const t of restore) {
      if (t.name === 'sqlite_sequence') t.wipe.run();
      t.put();
    }
  });
  const seededSecrets = new Map(secrets);
  const seeded = dumpState(db, secrets);

  const world: World = {
    runtime, db, secrets, fakes, sent, seeded, dir: dir.dir, dirty: true,
    ids: { entries, deleted: gone.id, withHistory: entries[2]!, historyItems, accounts: core.accounts.list().map((a) => a.name) },
    async reset() {
      clock.set(NOW);
      runtime.desk.pomodoro.stop();
      if (this.dirty && !sameState(dumpState(db, secrets), seeded)) {
        putBack();
        secrets.clear();
        for (const [k, v] of seededSecrets) secrets.set(k, v);
      }
      this.dirty = true;
      const pending = await api.dispatch('idle.pending', []);
      if (pending.ok && pending.value === null) raiseIdle();
    },
    async close() {
      await runtime.close();
      for (const f of Object.values(fakes)) await f.close();
      dir.cleanup();
    },
  };
  return world;
}
