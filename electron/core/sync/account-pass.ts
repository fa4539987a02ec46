/**
 * One account's sync pass (the engine runs it inside a guard that gives back leases on any
 * exception): the token, the hold, the pause and offline marks, then pull, then push in batches
 * sized to the account's budget where its connector declares one. Each outcome is the report's
 * state; nothing here throws on a server's answer.
 */
import type { Account } from '../../../shared/entry';
import { holdText, isBudgetWait, type AccountGates } from './account-gate';
import { DEFAULT_BACKOFF } from './backoff';
import type { Connector } from './connector';
import type { AccountReport, SyncEngineOptions } from './engine';
import { drainMs, drainText, type Sleep } from './pacer';
import { mergeRemote, pullOnce } from './pull';
import type { PullStore } from './pull-store';
import { pushOnce } from './push';
import type { SyncStore } from './sync-db';

export interface AccountPassContext extends Pick<SyncEngineOptions, 'tokenFor' | 'backoff' | 'batchSize' | 'concurrency' | 'windowDays'> {
  store: SyncStore;
  pullStore: PullStore;
  gates: AccountGates;
  connect(account: Account, token: string, alive: () => boolean): Connector;
  now(): number;
  zone(): string;
  sleep: Sleep;
  leaseMs: number;
  maxPaceWaitMs: number;
  /** Accounts whose pass stopped for their budget, and when it has room again (for nextDue). */
  pacedUntil: Map<string, number>;
}

/** Why this process cannot sync the account. */
function skipReason(account: Account): { why: string; appSyncs: boolean } {
  if (account.token_env) return { why: `skipped: the environment variable ${account.token_env} is not set in this process`, appSyncs: false };
  if (account.has_stored_secret) return { why: 'skipped: no token in this process; the app syncs it', appSyncs: true };
  return { why: 'skipped: no token: add one in Settings, or re-add the account with --token-env', appSyncs: false };
}

export function createAccountPass(x: AccountPassContext) {
  const { store, pullStore, gates, connect, now, zone, sleep, leaseMs, maxPaceWaitMs, pacedUntil } = x;

  return async function passAccount(
    account: Account, force: boolean, report: AccountReport, pushStore: SyncStore, alive: () => boolean,
  ): Promise<AccountReport> {
    pacedUntil.delete(account.id);
    const finish = (_?: unknown) => {
      const c = store.counts(account.id);
      report.pending = c.pending;
      report.attention = c.attention;
      return report;
    };
    const held = () => {
      const until = gates.heldUntil(account.id);
      return until === null ? null : Object.assign(report, { state: 'held' as const, held_until: until, note: holdText(until, zone()) });
    };

    const token = x.tokenFor(account);
    if (!token) {
      const { why, appSyncs } = skipReason(account);
      return finish(Object.assign(report, { state: 'skipped', error: why, app_syncs: appSyncs }));
    }
    // Not even a probe: the server said when it will listen again, and "Sync now" does not change that.
    if (held()) return finish();
    let state = store.account(account.id);
    // Older versions paused an account when a process had no token; that was never the server's word.
    if (state.paused_reason?.startsWith('no token')) {
      store.setAccount(account.id, { paused_reason: null });
      state = store.account(account.id);
    }
    if (state.paused_reason && !force) return finish(Object.assign(report, { state: 'paused', error: state.paused_reason }));
    const connector = connect(account, token, alive);

    const pacer = gates.pacer(account.id, connector.capabilities.rateLimit);
    /** The budget is spent for now: nothing failed, the rest goes when it has room. */
    const paced = () => {
      pacedUntil.set(account.id, pacer!.nextFreeAt());
      finish();
      report.note = drainText(pacer!.limit, report.pending, drainMs(pacer!.limit, report.pending, pacer!.recent(), now()));
      return report;
    };

    if (state.offline_since && !force) {
      const p = await connector.probe();
      if (!p.ok) {
        if (held()) return finish();
        if (pacer && isBudgetWait(p.error)) return paced();
        return finish(Object.assign(report, { state: 'offline', error: p.error.message }));
      }
    }
    store.setAccount(account.id, { paused_reason: null });

    // Pull first: a local edit then merges with a remote one field by field, instead of the push
    // blindly overwriting what someone changed on the server since our last sync.
    const p = await pullOnce({ store, pullStore, connector, accountId: account.id, now, zone: zone(), windowDays: x.windowDays ?? 14 });
    report.pulled = { added: p.added, updated: p.updated, conflicts: p.conflicts, skipped: p.skipped };
    if (pacer && isBudgetWait(p.error)) return paced();
    // A 429 on any page holds the account; the requests after it were refused unsent.
    if (p.error && held()) return finish(Object.assign(report, { error: p.error.message }));
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
      let batchSize = x.batchSize ?? 100;
      if (pacer) {
        // Lease only what the budget can send well within the lease, so no row outlives its lease waiting.
        const wait = pacer.nextFreeAt() - now();
        if (wait > maxPaceWaitMs && store.counts(account.id).pending > 0) {
          pacedUntil.set(account.id, pacer.nextFreeAt());
          break;
        }
        if (wait > 0) {
          const before = now();
          // A timer may fire a millisecond before Date.now() moves (Node's timers run on another
          // clock): that is waited again, not taken for a frozen clock, which ended the pass.
          for (let i = 0; i < 3 && now() === before; i++) await sleep(Math.max(1, pacer.nextFreeAt() - now()));
          // A clock that did not move (a test's frozen clock): leave the rest for a later pass.
          if (now() === before) {
            pacedUntil.set(account.id, pacer.nextFreeAt());
            break;
          }
        }
        batchSize = Math.max(1, Math.min(batchSize, pacer.slotsWithin(leaseMs / 2)));
      }
      const r = await pushOnce({
        store: pushStore, connector, accountId: account.id, now, backoff: x.backoff ?? DEFAULT_BACKOFF,
        leaseMs, batchSize, concurrency: x.concurrency ?? 4,
        seen: p.seen, merge: (ref, r) => mergeRemote({ store, pullStore, connector, accountId: account.id, now }, ref, r),
      });
      report.pushed += r.acked;
      if (r.auth) {
        store.setAccount(account.id, { paused_reason: r.auth.message, last_error: r.auth.message, last_error_at: now() });
        return finish(Object.assign(report, { state: 'paused', error: r.auth.message }));
      }
      // Before the network check: requests after a 429 are refused unsent, which halts the batch.
      if (held()) return finish(Object.assign(report, { error: r.lastError?.message ?? pushError }));
      if (pacer && isBudgetWait(r.network)) return paced();
      if (r.network) {
        store.setAccount(account.id, { offline_since: state.offline_since ?? now(), last_error: r.network.message, last_error_at: now() });
        return finish(Object.assign(report, { state: 'offline', error: r.network.message }));
      }
      if (r.lastError && !isBudgetWait(r.lastError)) {
        pushError = r.lastError.message;
        store.setAccount(account.id, { last_error: r.lastError.message, last_error_at: now() });
      }
      if (r.leased === 0 || r.acked === 0) break;
    }
    report.error = pushError ?? report.error;
    if (!report.error) store.setAccount(account.id, { offline_since: null, last_success_at: now() });
    else store.setAccount(account.id, { offline_since: null });
    finish();
    if (pacer && report.pending > 0) report.note = drainText(pacer.limit, report.pending, drainMs(pacer.limit, report.pending, pacer.recent(), now()));
    if (report.state === 'ok' && report.error) report.state = 'error';
    return report;
  };
}
