/**
 * The real thing the model suite drives: a real core on a temp SQLite file, a fake provider on
 * loopback, and up to two sync engines on that file (the app and the CLI beside it), each with
 * its own connection. An engine can be killed at any await: its fetch stops answering, so the
 * process's code never runs again, exactly as after kill -9 (what it committed stays committed;
 * a request it sent may or may not have reached the server).
 */
import type { Provider } from '../../shared/entry';
import { createSyncEngine, type SyncEngine } from '../../electron/core/sync/engine';
import type { FetchLike } from '../../electron/core/sync/http';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { fakeFor, type FakeProvider } from '../providers';
import { testCore, type TestCore } from '../helpers/temp';

export const ZONE = 'Europe/Amsterdam';
export const LEASE_MS = 60_000;
export const TIMEOUT_MS = 150;
const DEBUG = !!process.env.TIMETRAY_MODEL_DEBUG;

/** A user action run just before the pass's request number `after` goes out. */
export interface During {
  after: number;
  act: () => void;
}

/** Where a sync pass is cut: after `after` requests went out, the next one is the last thing it does. */
export interface Cut {
  after: number;
  /** 'lost': the server handles the request but the process dies before the answer; 'unsent': it dies before sending. */
  how: 'lost' | 'unsent';
}

interface Lane {
  engine: SyncEngine;
  killed: boolean;
}

export interface System extends TestCore {
  provider: Provider;
  server: FakeProvider;
  /** One sync pass on lane 0 (the app) or 1 (the CLI). Returns false when the cut killed it. */
  sync(lane: number, cut?: Cut, during?: During): Promise<boolean>;
  /**
   * A slow pass on the CLI outlives its lease: while its requests wait, the clock passes the
   * lease and the app takes the same rows over.
   */
  overtake(latencyMs: number): Promise<void>;
  /** Both lanes at once, as the app and `timetray sync` on one file. */
  syncBoth(): Promise<void>;
  /** Faults off, past every lease and backoff, passes until nothing is owed (bounded). */
  settle(): Promise<void>;
  stats: { passes: number; kills: number; requests: number; faults: number; meanwhile: number; overtakes: number; remoteEdits: number; remoteDeletes: number };
  close(): Promise<void>;
}

export async function startSystem(provider: Provider, now: number): Promise<System> {
  const server = await fakeFor(provider)();
  const t = testCore({ now: new Date(now).toISOString(), zone: ZONE });
  t.core.accounts.add({ name: 'acct', provider, ...server.account(), token_env: 'TIMETRAY_MODEL_TOKEN', is_default: true });
  const stats = { passes: 0, kills: 0, requests: 0, faults: 0, meanwhile: 0, overtakes: 0, remoteEdits: 0, remoteDeletes: 0 };

  function lane(): Lane & { arm(cut: Cut | undefined, onKill: () => void, during?: During): void } {
    let cut: Cut | undefined;
    let during: During | undefined;
    let onKill = () => {};
    let sent = 0;
    const l = {
      killed: false,
      engine: null as unknown as SyncEngine,
      arm(c: Cut | undefined, k: () => void, d?: During) {
        cut = c;
        onKill = k;
        during = d;
        sent = 0;
      },
    };
    const never = new Promise<never>(() => {});
    const inFlight = new Set<Promise<unknown>>();
    (l as { settled?: () => Promise<void> }).settled = async () => {
      await Promise.allSettled([...inFlight]);
    };
    const fetch: FetchLike = async (url, init) => {
      if (l.killed) return never;
      stats.requests++;
      if (DEBUG) console.log('→', init.method ?? 'GET', url.replace(server.url, ''), cut ? `(${sent}/${cut.after} ${cut.how})` : '');
      const last = cut && sent >= cut.after;
      // The user acts while this request is on its way (a delete during an in-flight create).
      if (during && sent === during.after) {
        const act = during.act;
        during = undefined;
        stats.meanwhile++;
        act();
      }
      sent++;
      if (last && cut!.how === 'unsent') {
        l.killed = true;
        onKill();
        return never;
      }
      const req = nodeFetch(url, init);
      inFlight.add(req);
      void req.finally(() => inFlight.delete(req)).catch(() => {});
      const res = await req;
      if (last) {
        l.killed = true;
        onKill();
      }
      // A process killed while this answer travelled never reads it.
      return l.killed ? never : res;
    };
    l.engine = createSyncEngine({
      core: t.core, fetch, tokenFor: () => server.token, timeoutMs: TIMEOUT_MS, leaseMs: LEASE_MS,
      backoff: { minMs: 1000, maxMs: 60_000, random: () => 1 }, batchSize: 7, concurrency: 3,
    });
    return l;
  }

  const lanes = [lane(), lane()];

  /**
   * A killed lane is a dead process: its connection closes and a new process takes its place.
   * Requests it had on the wire reach the server first (a request the server handles only after
   * the next process has looked it up is the race the README names as open).
   */
  async function replace(i: number) {
    const dead = lanes[i]!;
    await (dead as { settled?: () => Promise<void> }).settled?.();
    try {
      dead.engine.close();
    } catch {
      // Its connection may be mid-statement in a frozen promise: the file is what matters.
    }
    lanes[i] = lane();
  }

  const sys: System = {
    ...t,
    provider,
    server,
    stats,
    async sync(i, cut, during) {
      stats.passes++;
      const l = lanes[i]!;
      let killed: () => void = () => {};
      const died = new Promise<'killed'>((resolve) => (killed = () => resolve('killed')));
      l.arm(cut, killed, during);
      const r = await Promise.race([l.engine.syncAll(true), died]);
      if (DEBUG) console.log('pass', i, r === 'killed' ? 'killed' : JSON.stringify(r.accounts.map((a) => [a.state, a.error, a.pending])));
      l.arm(undefined, () => {});
      if (r === 'killed') {
        stats.kills++;
        await replace(i);
        return false;
      }
      return true;
    },
    async overtake(latencyMs) {
      stats.passes += 2;
      stats.overtakes++;
      server.inject({ fault: { kind: 'latency', ms: latencyMs }, times: 3 });
      const slow = lanes[1]!.engine.syncAll(true);
      await new Promise((r) => setTimeout(r, latencyMs / 2));
      t.clock.advance(LEASE_MS + 1000);
      await Promise.all([slow, lanes[0]!.engine.syncAll(true)]);
    },
    async syncBoth() {
      stats.passes += 2;
      await Promise.all([lanes[0]!.engine.syncAll(true), lanes[1]!.engine.syncAll(true)]);
    },
    async settle() {
      server.clearFaults();
      // Past any lease a dead process held and any backoff or Retry-After.
      t.clock.advance(LEASE_MS + 3_600_000);
      for (let i = 0; i < 30; i++) {
        stats.passes++;
        const r = await lanes[0]!.engine.syncAll(true);
        if (DEBUG) console.log('settle', JSON.stringify(r.accounts.map((a) => [a.state, a.error, a.pending])));
        const quiet = r.pending === 0 && r.accounts.every((a) => a.pushed === 0 && a.pulled.added === 0 && a.pulled.updated === 0);
        if (quiet) {
          if (DEBUG) console.log('held', JSON.stringify(server.held()), 'local', JSON.stringify(t.core.entries.list({}).map((e) => [e.id.slice(-4), e.description, e.start, e.end, e.sync.remote_id])));
          return;
        }
        t.clock.advance(3_600_000);
      }
      throw new Error(`still owed after 30 clean passes: ${JSON.stringify(t.core.queue.report())}`);
    },
    async close() {
      for (const l of lanes) {
        try {
          l.engine.close();
        } catch {
          // already closed
        }
      }
      await server.close();
      t.done();
    },
  };
  return sys;
}
