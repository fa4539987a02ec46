/**
 * A full sync pass, account by account; each account on its own, so one broken account or entry
 * never blocks another. Per account:
 *
 *   paused (auth)? ──yes──▶ skip (unless forced: "Sync now" / `timetray sync`)
 *        │no
 *   offline? ──yes──▶ probe ──fail──▶ stay offline
 *        │no / probe ok
 *   pull the window and merge (first, so our pushes never overwrite unseen remote edits)
 *        │
 *   push passes until the queue is drained, stops moving, or the server is gone
 */
import type { Account } from '../../../shared/entry';
import type { Core } from '..';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { Connector } from './connector';
import { connectorFor } from './connectors';
import { createHttp, type FetchLike } from './http';
import { pullOnce, type PullReport } from './pull';
import { createPullStore } from './pull-store';
import { pushOnce } from './push';
import { createSyncStore } from './store';
import { openDatabase, type OpenOptions } from '../db';
import type { CatalogRefresh } from '../../../shared/catalog';
import { createCatalog } from '../catalog';

/** The pickers' lists are fetched in the background at most this often per account. */
export const CATALOG_MAX_AGE_MS = 6 * 3600_000;

export interface SyncEngineOptions {
  core: Pick<Core, 'db' | 'accounts' | 'clock' | 'zone'>;
  fetch: FetchLike;
  /** The account's token, or null when none is available (the account is then paused). */
  tokenFor(account: Account): string | null;
  backoff?: BackoffPolicy;
  leaseMs?: number;
  batchSize?: number;
  concurrency?: number;
  timeoutMs?: number;
  windowDays?: number;
  /** How to open the engine's own connection (the Electron app passes its native binding). */
  openOptions?: OpenOptions;
  /** Replaces the registry (tests of the engine against a scripted connector). */
  connector?: (account: Account, token: string) => Connector;
}

export interface AccountReport {
  account: string;
  provider: string;
  pushed: number;
  attention: number;
  /** Outbox rows still queued for this account after the pass (attention included). */
  pending: number;
  pulled: { added: number; updated: number; conflicts: number; skipped: PullReport['skipped'] };
  state: 'ok' | 'offline' | 'paused' | 'error';
  error: string | null;
}

export interface SyncReport {
  accounts: AccountReport[];
  pending: number;
}

export function createSyncEngine(o: SyncEngineOptions) {
  const { accounts, clock, zone } = o.core;
  // The engine's own connection: its bookkeeping commits skip the fsync (see store.ts for why that
  // is safe), so a drain is not one disk flush per entry; the user's writes keep theirs.
  const db = o.core.db.memory ? o.core.db : openDatabase(o.core.db.name, { ...o.openOptions, synchronous: 'NORMAL' });
  const store = createSyncStore(db);
  const pullStore = createPullStore(db);
  const catalog = createCatalog(o.core.db);
  const now = () => clock.now();
  const connect = (account: Account, token: string) => o.connector
    ? o.connector(account, token)
    : connectorFor(account, token, createHttp({ fetch: o.fetch, secrets: [token], timeoutMs: o.timeoutMs, now }));

  // When each account's list was last asked for (in this process), whatever came of it: a token
  // without the scope to list projects is not asked again on every pass.
  const catalogTried = new Map<string, number>();
  const catalogRunning = new Map<string, Promise<CatalogRefresh>>();

  /**
   * Fetches the account's projects, tasks and clients through the connector (the same HTTP
   * wrapper as sync: timeouts, redaction, error classes). All or nothing: a failure leaves the
   * cached list as it was. One fetch per account at a time; a second caller shares it.
   */
  function fetchCatalog(account: Account, connector: Connector): Promise<CatalogRefresh> {
    const running = catalogRunning.get(account.id);
    if (running) return running;
    const offered = () => catalog.list(account.name).length;
    const job = (async (): Promise<CatalogRefresh> => {
      catalogTried.set(account.id, now());
      if (!connector.catalog) return { ok: true, count: offered(), error: null };
      try {
        const r = await connector.catalog();
        if (!r.ok) return { ok: false, count: offered(), error: r.error.message };
        catalog.replaceRemote(account.id, r.value, now());
        return { ok: true, count: offered(), error: null };
      } catch (e) {
        // A connector bug or the account removed meanwhile: the cached list stays.
        return { ok: false, count: offered(), error: `could not read or store the list: ${e instanceof Error ? e.message : String(e)}` };
      }
    })().finally(() => catalogRunning.delete(account.id));
    catalogRunning.set(account.id, job);
    return job;
  }

  /** Whether the account's list is older than 6 hours (or never fetched) and not tried since. */
  function catalogStale(account: Account): boolean {
    const last = Math.max(catalog.fetchedAt(account.id) ?? -Infinity, catalogTried.get(account.id) ?? -Infinity);
    return now() - last >= CATALOG_MAX_AGE_MS;
  }

  async function syncAccount(account: Account, force: boolean): Promise<AccountReport> {
    const report: AccountReport = {
      account: account.name, provider: account.provider, pushed: 0, attention: 0, pending: 0,
      pulled: { added: 0, updated: 0, conflicts: 0, skipped: [] }, state: 'ok', error: null,
    };
    const finish = (_?: unknown) => {
      const c = store.counts(account.id);
      report.pending = c.pending;
      report.attention = c.attention;
      return report;
    };
    const state = store.account(account.id);
    if (state.paused_reason && !force) return finish(Object.assign(report, { state: 'paused', error: state.paused_reason }));

    const token = o.tokenFor(account);
    if (!token) {
      const why = account.token_env
        ? `no token: the environment variable ${account.token_env} is not set`
        : 'no token: add one in Settings, or re-add the account with --token-env';
      store.setAccount(account.id, { paused_reason: why, last_error: why, last_error_at: now() });
      return finish(Object.assign(report, { state: 'paused', error: why }));
    }
    const connector = connect(account, token);

    if (state.offline_since && !force) {
      const p = await connector.probe();
      if (!p.ok) return finish(Object.assign(report, { state: 'offline', error: p.error.message }));
    }
    store.setAccount(account.id, { paused_reason: null });

    // Pull first: a local edit then merges with a remote one field by field, instead of the push
    // blindly overwriting what someone changed on the server since our last sync.
    const p = await pullOnce({ store, pullStore, connector, accountId: account.id, now, zone: zone(), windowDays: o.windowDays ?? 14 });
    report.pulled = { added: p.added, updated: p.updated, conflicts: p.conflicts, skipped: p.skipped };
    if (p.error) {
      report.error = p.error.message;
      store.setAccount(account.id, { last_error: p.error.message, last_error_at: now() });
      if (p.error.class === 'auth') {
        store.setAccount(account.id, { paused_reason: p.error.message });
        return finish(Object.assign(report, { state: 'paused' }));
      }
      if (p.error.status === 0) {
        store.setAccount(account.id, { offline_since: state.offline_since ?? now() });
        return finish(Object.assign(report, { state: 'offline' }));
      }
    }

    // Bounded: each pass either acknowledges rows or stops; rows that failed wait for their backoff.
    let pushError: string | null = null;
    for (let pass = 0; pass < 10_000; pass++) {
      const r = await pushOnce({
        store, connector, accountId: account.id, now, backoff: o.backoff ?? DEFAULT_BACKOFF,
        leaseMs: o.leaseMs ?? 120_000, batchSize: o.batchSize ?? 100, concurrency: o.concurrency ?? 4,
      });
      report.pushed += r.acked;
      if (r.auth) {
        store.setAccount(account.id, { paused_reason: r.auth.message, last_error: r.auth.message, last_error_at: now() });
        return finish(Object.assign(report, { state: 'paused', error: r.auth.message }));
      }
      if (r.network) {
        store.setAccount(account.id, { offline_since: state.offline_since ?? now(), last_error: r.network.message, last_error_at: now() });
        return finish(Object.assign(report, { state: 'offline', error: r.network.message }));
      }
      if (r.lastError) {
        pushError = r.lastError.message;
        store.setAccount(account.id, { last_error: r.lastError.message, last_error_at: now() });
      }
      if (r.leased === 0 || r.acked === 0) break;
    }
    report.error = pushError ?? report.error;
    if (!report.error) store.setAccount(account.id, { offline_since: null, last_success_at: now() });
    else store.setAccount(account.id, { offline_since: null });
    finish();
    if (report.state === 'ok' && report.error) report.state = 'error';
    return report;
  }

  return {
    syncAccount,
    /** One full pass over every account. `force` ignores pauses and offline marks ("Sync now"). */
    async syncAll(force = false): Promise<SyncReport> {
      const list = accounts.list();
      const reports: AccountReport[] = [];
      for (const a of list) reports.push(await syncAccount(a, force));
      return { accounts: reports, pending: reports.reduce((s, r) => s + r.pending, 0) };
    },
    /**
     * "Refresh projects": fetches the account's projects, tasks and clients now. Services with no
     * list endpoint answer at once with the ids already used. A failure (offline, refused token)
     * leaves the cached list as it was and says why.
     */
    async refreshCatalog(accountName: string): Promise<CatalogRefresh> {
      const account = accounts.byName(accountName);
      const token = o.tokenFor(account);
      if (!token) {
        catalogTried.set(account.id, now());
        return { ok: false, count: catalog.list(account.name).length, error: 'no token for this account: add one in Settings' };
      }
      return fetchCatalog(account, connect(account, token));
    },
    /**
     * Whether the background refresh would fetch this account's list now: its service has one
     * (capabilities.catalog 'remote'), a token is available, and the list was neither fetched nor
     * tried in the last 6 hours. Unknown accounts are never due.
     */
    catalogDue(accountName: string): boolean {
      const account = accounts.list().find((a) => a.name === accountName);
      const token = account ? o.tokenFor(account) : null;
      return !!account && !!token && catalogStale(account) && !!connect(account, token).catalog;
    },
    /** The worker's background refresh, after a good pass: fetches the list if due. null: not due. */
    async refreshCatalogIfDue(accountName: string): Promise<CatalogRefresh | null> {
      const account = accounts.byName(accountName);
      const token = o.tokenFor(account);
      if (!token || !catalogStale(account)) return null;
      const connector = connect(account, token);
      if (!connector.catalog) return null;
      return fetchCatalog(account, connector);
    },
    state: (accountId: string) => store.account(accountId),
    counts: (accountId: string) => store.counts(accountId),
    nextDue: () => store.nextDue(),
    resetBackoff: () => store.resetBackoff(),
    close: () => {
      if (db !== o.core.db) db.close();
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
