/**
 * When the pickers' lists (projects, tasks, clients) are fetched: "Refresh projects" at once, the
 * worker's background refresh after a good pass at most every 6 hours per account, and only for
 * services whose descriptor says they list them (capabilities.catalog 'remote'). Fetches go
 * through the account's connector, so the same HTTP wrapper as sync (timeouts, redaction, holds).
 */
import type { Database } from 'better-sqlite3';
import type { CatalogRefresh } from '../../../shared/catalog';
import type { Account } from '../../../shared/entry';
import type { Accounts } from '../accounts';
import { createCatalog } from '../catalog';
import type { Connector } from './connector';
import { descriptorOf } from './connectors';

/** The pickers' lists are fetched in the background at most this often per account. */
export const CATALOG_MAX_AGE_MS = 6 * 3600_000;

export interface CatalogScheduleOptions {
  db: Database;
  accounts: Pick<Accounts, 'byName' | 'list'>;
  now(): number;
  tokenFor(account: Account): string | null;
  connect(account: Account, token: string): Connector;
}

export function createCatalogSchedule(o: CatalogScheduleOptions) {
  const { accounts, now } = o;
  const catalog = createCatalog(o.db);
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

  /** The service lists its projects (capabilities.catalog): decided by the descriptor, no connector needed. */
  const hasCatalog = (account: Account) => descriptorOf(account.provider).capabilities.catalog === 'remote';

  /** Whether the account's list is older than 6 hours (or never fetched) and not tried since. */
  function catalogStale(account: Account): boolean {
    const last = Math.max(catalog.fetchedAt(account.id) ?? -Infinity, catalogTried.get(account.id) ?? -Infinity);
    return now() - last >= CATALOG_MAX_AGE_MS;
  }

  return {
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
      return fetchCatalog(account, o.connect(account, token));
    },
    /**
     * Whether the background refresh would fetch this account's list now: its service has one
     * (capabilities.catalog 'remote'), a token is available, and the list was neither fetched nor
     * tried in the last 6 hours. Unknown accounts are never due.
     */
    catalogDue(accountName: string): boolean {
      const account = accounts.list().find((a) => a.name === accountName);
      const token = account ? o.tokenFor(account) : null;
      return !!account && !!token && hasCatalog(account) && catalogStale(account);
    },
    /** The worker's background refresh, after a good pass: fetches the list if due. null: not due. */
    async refreshCatalogIfDue(accountName: string): Promise<CatalogRefresh | null> {
      const account = accounts.byName(accountName);
      const token = o.tokenFor(account);
      if (!token || !hasCatalog(account) || !catalogStale(account)) return null;
      return fetchCatalog(account, o.connect(account, token));
    },
  };
}
