/**
 * The contract suite's world: a fake provider on loopback, a real core on a temp database with a
 * clock the test moves (so backoff waits pass instantly), and the real sync engine using the real
 * global fetch. `expectMatchesIntent` judges the server's store and the local list against what the
 * user did (a UserIntent of the fields the test typed), independently of the connectors: it encodes
 * each seed's rules (rounding, per-day split) on its own.
 */
import { expect } from 'vitest';
import type { Entry, Provider } from '../../shared/entry';
import { createSyncEngine, type SyncReport } from '../../electron/core/sync/engine';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { fakeFor, type FakeProvider, type Held } from '../providers';
import { heldFor, type Expected } from './expected-records';
import { testCore, type TestCore } from './temp';
import { testHourStart } from './test-hour';

export const ZONE = 'Europe/Amsterdam';
export const TOKEN_ENV = 'TIMETRAY_FAKE_TOKEN';

export interface World extends Omit<TestCore, 'done'> {
  server: FakeProvider;
  provider: Provider;
  engine: ReturnType<typeof createSyncEngine>;
  /** One forced sync pass, then the clock moves an hour so every backoff has passed. */
  sync(): Promise<SyncReport>;
  /** One forced sync pass at the clock's time, which stays where it is (timelines: Retry-After). */
  pass(): Promise<SyncReport>;
  /** Passes until nothing is queued (bounded). Returns how many passes it took. */
  drain(max?: number): Promise<number>;
  add(i: number, over?: AddOver): Entry;
  /** The fields `add(i, over)` types, as the user gives them (ISO times). */
  typed(i: number, over?: AddOver): Omit<Intended, 'id'>;
  /** Restarts the fake on the same port (after `server.close()`), empty. */
  restart(): Promise<void>;
  done(): Promise<void>;
}

/** What a test may set of an entry `add` makes; the rest follows from its index. */
export type AddOver = Partial<{ description: string; start: number; seconds: number; project_id: string }>;

export async function world(provider: Provider, o: { timeoutMs?: number; leaseMs?: number } = {}): Promise<World> {
  let server = await fakeFor(provider)();
  // What the user configured; a test may rotate the server's token to simulate revocation.
  const token = server.token;
  const port = Number(new URL(server.url).port);
  // Entries are placed in the last days so a pull (14-day window) sees them too.
  const t = testCore({ now: new Date(testHourStart()).toISOString(), zone: ZONE });
  const a = server.account();
  t.core.accounts.add({ name: 'acct', provider, ...a, token_env: TOKEN_ENV, is_default: true });
  const engine = createSyncEngine({
    core: t.core,
    fetch: nodeFetch,
    tokenFor: () => token,
    backoff: { minMs: 1000, maxMs: 60_000, random: () => 1 },
    timeoutMs: o.timeoutMs ?? 2000,
    leaseMs: o.leaseMs ?? 60_000,
    windowDays: 14,
  });
  const dayStart = t.clock.now() - 3 * 86_400_000;

  const w: World = {
    ...t,
    server,
    provider,
    engine,
    async sync() {
      const r = await engine.syncAll(true);
      t.clock.advance(3_600_000);
      return r;
    },
    pass: () => engine.syncAll(true),
    async drain(max = 12) {
      for (let i = 1; i <= max; i++) {
        const r = await w.sync();
        if (r.pending === 0) return i;
      }
      throw new Error(`still queued after ${max} passes: ${JSON.stringify(t.core.queue.report().queued.map((q) => q.last_error))}`);
    },
    add: (i, over) => t.core.entries.create(w.typed(i, over)),
    typed(i, over = {}) {
      const start = over.start ?? dayStart + i * 7 * 60_000;
      return {
        description: over.description ?? `task ${i}`,
        start: new Date(start).toISOString(),
        end: new Date(start + (over.seconds ?? 1800 + i) * 1000).toISOString(),
        project_id: over.project_id ?? '101',
      };
    },
    async restart() {
      w.server = server = await fakeFor(provider)({ port });
    },
    async done() {
      await server.close();
      engine.close();
      t.done();
    },
  };
  return w;
}

/** The records the server should hold for one of our entries, by its provider's declared precision. */
export function expectedRecords(provider: Provider, e: Pick<Entry, 'description' | 'start' | 'end' | 'project_id'>): Expected[] {
  return heldFor(provider, { description: e.description, project_id: e.project_id, start: Date.parse(e.start), end: Date.parse(e.end) }, ZONE);
}

/** An entry as the user last left it: the fields the test typed, never read back from the core. */
export interface Intended {
  id: string;
  description: string;
  start: string;
  end: string;
  project_id: string | null;
}

/** What the user did to entries of shape T: the live ones with their last fields, and what was deleted. */
export abstract class Intent<T extends { id: string }> {
  readonly live = new Map<string, T>();
  readonly deleted = new Set<string>();
  edited(id: string, patch: Partial<Omit<T, 'id'>>): void {
    const e = this.live.get(id);
    if (!e) throw new Error(`the test edited ${id}, which it never made or already deleted`);
    Object.assign(e, patch);
  }
  removed(id: string): void {
    this.live.delete(id);
    this.deleted.add(id);
  }
}

/** The test's model of what the user did: live entries with their last fields, and what was deleted. */
export class UserIntent extends Intent<Intended> {
  made(e: Intended): void {
    this.live.set(e.id, { ...e });
  }
}

/**
 * The user adds entry `i` (as `w.add`): the intent keeps the fields typed, never what `create`
 * answered, so a create that rewrites or drops a field here and there alike is caught.
 */
export function userAdds(w: World, intent: UserIntent, i: number, over?: AddOver): Entry {
  const typed = w.typed(i, over);
  const e = w.core.entries.create(typed);
  intent.made({ id: e.id, ...typed });
  return e;
}

/**
 * Judges both sides against what the user did, not against the local database: the server holds
 * exactly the records each live entry should make (in the seed's precision) and nothing else, and
 * the local list is exactly the live entries with their last fields, each synced; nothing deleted
 * is in either. Every divergence is listed before the first assertion fails.
 */
export function expectMatchesIntent(w: World, intent: UserIntent, o: { remoteIds?: boolean } = {}): void {
  const norm = (h: Omit<Held, 'id' | 'ref'>) => JSON.stringify({ description: h.description, start: h.start, date: h.date, seconds: h.seconds, project_id: h.project_id });
  const want = [...intent.live.values()].flatMap((e) => expectedRecords(w.provider, e).map((r) => ({ key: norm(r), entry: e.id })));
  const held = w.server.held().map((h) => ({ key: norm(h), id: h.id }));
  const extra = [...held];
  const missing: typeof want = [];
  for (const x of want) {
    const i = extra.findIndex((h) => h.key === x.key);
    if (i < 0) missing.push(x);
    else extra.splice(i, 1);
  }
  const local = w.core.entries.list({});
  const fields = (e: Intended) => JSON.stringify({ description: e.description, start: e.start, end: e.end, project_id: e.project_id });
  const localById = new Map(local.map((e) => [e.id, e]));
  const problems = [
    ...missing.map((x) => `server lacks a record of live entry ${x.entry}: ${x.key}`),
    ...extra.map((h) => `server holds a record the user does not have: ${h.id} ${h.key}`),
    ...[...intent.live.values()].flatMap((e) => {
      const l = localById.get(e.id);
      if (!l) return [`local list lacks live entry ${e.id} (${e.description})`];
      const out = fields(l) === fields(e) ? [] : [`local entry ${e.id} is ${fields(l)}, the user left it ${fields(e)}`];
      return l.sync.state === 'synced' ? out : [...out, `local entry ${e.id} is ${l.sync.state}: ${l.sync.error}`];
    }),
    ...local.filter((l) => !intent.live.has(l.id)).map((l) => intent.deleted.has(l.id)
      ? `local list shows deleted entry ${l.id} (${l.description}) again, ${l.sync.state}`
      : `local list shows an entry the user never made: ${l.id} (${l.description}) ${l.sync.state}`),
  ];
  if (o.remoteIds) problems.push(...misnamedRecords(w, intent, localById, norm));
  expect(problems, `${problems.length} divergences from what the user did`).toEqual([]);
}

/**
 * With `remoteIds`: each live entry names exactly the server records made for it, and no record is
 * named by two entries — otherwise the user's next edit or delete of it would miss the server, or
 * reach another entry's record, though both sides look right today.
 */
function misnamedRecords(w: World, intent: UserIntent, localById: Map<string, Entry>, norm: (h: Omit<Held, 'id' | 'ref'>) => string): string[] {
  const heldById = new Map(w.server.held().map((h) => [h.id, norm(h)]));
  const namedBy = new Map<string, string>();
  const problems: string[] = [];
  for (const e of intent.live.values()) {
    const l = localById.get(e.id);
    if (!l) continue;
    const ids = (l.sync.remote_id ?? '').split(',').filter(Boolean);
    const mine = expectedRecords(w.provider, e).map(norm);
    if (ids.length !== mine.length) problems.push(`local entry ${e.id} names ${ids.length} server records (${ids.join(',')}), the user's entry makes ${mine.length}`);
    for (const id of ids) {
      const key = heldById.get(id);
      const at = key === undefined ? -1 : mine.indexOf(key);
      if (key === undefined) problems.push(`local entry ${e.id} names record ${id}, which the server does not hold`);
      else if (at < 0) problems.push(`local entry ${e.id} names record ${id}, which is not one of its own: ${key}`);
      else mine.splice(at, 1);
      const other = namedBy.get(id);
      if (other !== undefined) problems.push(`record ${id} is named by both ${other} and ${e.id}`);
      namedBy.set(id, e.id);
    }
  }
  return problems;
}
