/**
 * A full sync pass over every account side by side; each account on its own, so one broken or slow
 * account or entry never blocks another. Per account (account-pass.ts):
 *
 *   no token in this process? ──yes──▶ skipped, said so (never a pause: the app may hold the token)
 *   held by a server's Retry-After? ──yes──▶ held until then, not even a probe (forced or not)
 *   paused (auth)? ──yes──▶ skip (unless forced: "Sync now" / `timetray sync`)
 *        │no
 *   offline? ──yes──▶ probe ──fail──▶ stay offline
 *        │no / probe ok
 *   pull the window and merge (first, so our pushes never overwrite unseen remote edits)
 *        │
 *   push passes until the queue is drained, stops moving, or the server is gone; a paced service
 *   (capabilities.rateLimit) gets batches its budget can send within half a lease
 *
 * Anything thrown inside one account's pass (a connector bug, SQLite busy) ends only that account's
 * pass: its leased rows are given back at once and the next account goes on.
 */
import type { Account } from '../../../shared/entry';
import type { Core } from '..';
import { createAccountGates } from './account-gate';
import { createAccountPass } from './account-pass';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { Connector } from './connector';
import type { SyncError } from './errors';
import { connectorFor } from './connectors';
import { createHttp, type FetchLike, type Http } from './http';
import type { PullReport } from './pull';
import { createPullStore } from './pull-store';
import { createSyncStore, type SyncStore } from './sync-db';
import { realSleep, type Sleep } from './pacer';
import { openDatabase, type OpenOptions } from '../db';
import { createCatalogSchedule } from './catalog-schedule';

/** What a dead pass's leftover requests get instead of the network (status 0 halts a push). */
const stopped: SyncError = { class: 'transient', status: 0, message: 'not sent: this account\'s pass was stopped by an error' };

export { CATALOG_MAX_AGE_MS } from './catalog-schedule';

export interface SyncEngineOptions {
  core: Pick<Core, 'db' | 'accounts' | 'clock' | 'zone'>;
  fetch: FetchLike;
  /**
   * The account's token, or null when this process has none: the account is then skipped and the
   * report says why; it is never paused, since another process (the app) may hold the token.
   */
  tokenFor(account: Account): string | null;
  backoff?: BackoffPolicy;
  leaseMs?: number;
  batchSize?: number;
  concurrency?: number;
  timeoutMs?: number;
  windowDays?: number;
  /** How to open the engine's own connection (the Electron app passes its native binding). */
  openOptions?: OpenOptions;
  /**
   * Replaces the registry (tests of the engine against a scripted connector). `http` is the one the
   * engine would give the real connector: holds, pacing and a dead pass's stop apply through it.
   */
  connector?: (account: Account, token: string, http: Http) => Connector;
  /** How pacing waits (tests pass one that moves their clock). */
  sleep?: Sleep;
  /**
   * The longest a pass waits for a paced account's budget before leaving the rest for a later
   * pass (the worker: other accounts and new edits are not held up). The CLI waits it all out.
   */
  maxPaceWaitMs?: number;
}

export interface AccountReport {
  account: string;
  provider: string;
  pushed: number;
  attention: number;
  /** Outbox rows still queued for this account after the pass (attention included). */
  pending: number;
  pulled: { added: number; updated: number; conflicts: number; skipped: PullReport['skipped'] };
  state: 'ok' | 'offline' | 'paused' | 'error' | 'held' | 'skipped';
  error: string | null;
  /** state 'held': no request to this account before this instant (epoch ms). */
  held_until: number | null;
  /** state 'skipped' because only the app holds the token: not a failure of this process. */
  app_syncs: boolean;
  /** What is left and when it goes: a hold's end, or a paced backlog's expected drain time. */
  note: string | null;
}

export interface SyncReport {
  accounts: AccountReport[];
  pending: number;
}

export function createSyncEngine(o: SyncEngineOptions) {
  const { accounts, clock, zone } = o.core;
  // The engine's own connection: its bookkeeping commits skip the fsync (see sync-db.ts for why that
  // is safe), so a drain is not one disk flush per entry; the user's writes keep theirs. SQLite's
  // stock 2 MiB page cache: a drain reads each queued row once, and better-sqlite3's 16 MiB filled
  // as a 100,000-entry backlog went by (+12 MB RSS that a 10,000 one never reached; bench: memory).
  const db = o.core.db.memory ? o.core.db : openDatabase(o.core.db.name, { ...o.openOptions, synchronous: 'NORMAL', cacheKiB: 2000 });
  const store = createSyncStore(db);
  const pullStore = createPullStore(db);
  const now = () => clock.now();
  const sleep = o.sleep ?? realSleep;
  const maxPaceWaitMs = o.maxPaceWaitMs ?? 10_000;
  const gates = createAccountGates({ store, now, sleep, maxWaitMs: maxPaceWaitMs });
  const leaseMs = o.leaseMs ?? 120_000;
  /** The leases of the passes running now, for `abandon`. */
  const inFlight = new Set<Map<number, number>>();
  /** Accounts whose pass stopped for their budget, and when it has room again (for nextDue). */
  const pacedUntil = new Map<string, number>();
  /** `alive`: false once the pass that made it died; its leftover workers then send nothing more. */
  const connect = (account: Account, token: string, alive: () => boolean = () => true): Connector => {
    // The hooks look the budget up on the connector they serve: declared there, not by provider here.
    let limit: Connector['capabilities']['rateLimit'];
    const hooks = gates.hooks(account.id, () => limit);
    const gate = async () => (alive() ? hooks.gate() : stopped);
    const http = createHttp({ fetch: o.fetch, secrets: [token], timeoutMs: o.timeoutMs, now, ...hooks, gate });
    const c = o.connector ? o.connector(account, token, http) : connectorFor(account, token, http);
    limit = c.capabilities.rateLimit;
    return c;
  };

  const catalogs = createCatalogSchedule({ db: o.core.db, accounts, now, tokenFor: o.tokenFor, connect });

  const passAccount = createAccountPass({
    store, pullStore, gates, connect, now, zone, sleep, leaseMs, maxPaceWaitMs, pacedUntil,
    tokenFor: o.tokenFor, backoff: o.backoff, batchSize: o.batchSize, concurrency: o.concurrency, windowDays: o.windowDays,
  });

  async function syncAccount(account: Account, force: boolean): Promise<AccountReport> {
    const report: AccountReport = {
      account: account.name, provider: account.provider, pushed: 0, attention: 0, pending: 0,
      pulled: { added: 0, updated: 0, conflicts: 0, skipped: [] }, state: 'ok', error: null,
      held_until: null, app_syncs: false, note: null,
    };
    // Rows this pass leased, with the lease each took: given back at once if the pass dies.
    const leased = new Map<number, number>();
    let dead = false;
    inFlight.add(leased);
    try {
      return await passAccount(account, force, report, tracking(leased), () => !dead);
    } catch (e) {
      // Requests of the same batch still running in other workers must not follow rows given back.
      dead = true;
      const message = `sync stopped by an unexpected error: ${e instanceof Error ? e.message : String(e)}`;
      try {
        release(leased, now() + backoffDelay(1, o.backoff ?? DEFAULT_BACKOFF), message);
        store.setAccount(account.id, { last_error: message, last_error_at: now() });
        Object.assign(report, store.counts(account.id));
      } catch {
        // The database itself failed: the leases expire on their own; the next pass retries.
      }
      return Object.assign(report, { state: 'error' as const, error: message });
    } finally {
      inFlight.delete(leased);
    }
  }

  /** Gives back the leases a pass took that are still as it took them (settled rows hold none). */
  function release(leased: Map<number, number>, dueAt: number | null, message: string) {
    const rows = store.leasesOf([...leased.keys()]).filter((r) => r.lease_until !== null && r.lease_until === leased.get(r.id));
    store.releaseLeases(rows.map((r) => ({ id: r.id, lease_until: r.lease_until! })), dueAt, message);
    leased.clear();
  }

  /** The store as the push sees it, noting each lease it takes. */
  function tracking(leased: Map<number, number>): SyncStore {
    return {
      ...store,
      async lease(...args: Parameters<SyncStore['lease']>) {
        const rows = await store.lease(...args);
        for (const r of store.leasesOf(rows.map((x) => x.id))) if (r.lease_until !== null) leased.set(r.id, r.lease_until);
        return rows;
      },
      // A settled row holds no lease: forgotten here, or the map grew by every row of a drain
      // (5 MB of live heap at 100,000 queued, freed only when the pass ended; bench: drain memory).
      settle(...args: Parameters<SyncStore['settle']>) {
        const extras = store.settle(...args);
        const b = args[2];
        for (const row of b.acks) leased.delete(row.id);
        for (const list of [b.retries, b.parks, b.releases]) for (const x of list) leased.delete(x.row.id);
        return extras;
      },
    };
  }

  return {
    syncAccount,
    /** One full pass over every account. `force` ignores pauses and offline marks ("Sync now"). */
    async syncAll(force = false): Promise<SyncReport> {
      // Side by side: an account waiting out its budget or a slow server never delays another.
      // syncAccount never throws, and each account's writes are its own short transactions.
      const reports = await Promise.all(accounts.list().map((a) => syncAccount(a, force)));
      return { accounts: reports, pending: reports.reduce((s, r) => s + r.pending, 0) };
    },
    ...catalogs,
    state: (accountId: string) => store.account(accountId),
    /** When a server's Retry-After lets the account be asked again; null: not held now. */
    heldUntil: (accountId: string) => gates.heldUntil(accountId),
    counts: (accountId: string) => store.counts(accountId),
    /**
     * When the worker should pass next for queued work: each account's earliest retry, but never
     * before its hold ends or its budget has room, and not at all for a paused account.
     */
    nextDue(): number | null {
      let next: number | null = null;
      const due = store.nextDueByAccount();
      for (const a of accounts.list()) {
        const st = store.account(a.id);
        if (st.paused_reason) continue;
        const after = Math.max(gates.heldUntil(a.id) ?? -Infinity, pacedUntil.get(a.id) ?? -Infinity);
        const rowDue = due.get(a.id);
        let t = rowDue === undefined ? null : Math.max(rowDue, after);
        // Rows due now that a hold or the budget kept back go when that ends.
        if (after > -Infinity && store.counts(a.id).pending > 0) t = Math.min(t ?? Infinity, after);
        if (t !== null && (next === null || t < next)) next = t;
      }
      return next;
    },
    resetBackoff: () => store.resetBackoff(),
    /**
     * The process is going away mid-pass (Ctrl-C on `timetray sync`): its leased rows are due again
     * at once for the app or the next run, not after their lease. Attempts stay counted, since a
     * request may be on the wire: the next sender looks the entry up first.
     */
    abandon(message: string): void {
      for (const leased of inFlight) release(leased, null, message);
    },
    close: () => {
      if (db !== o.core.db) db.close();
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
