/**
 * The sync engine's database side: leases on outbox rows, acknowledgements, failures, remote refs.
 * Each function is one short IMMEDIATE transaction, committed before the network is touched
 * again, so a kill at any point leaves a state the next pass can reason about:
 *
 *   queued ──lease (attempts+1, committed BEFORE the request)──▶ in flight
 *   in flight ──ack──▶ gone (refs recorded in the same transaction)
 *   in flight ──transient──▶ queued, due after backoff      (attempts kept: outcome unknown)
 *   in flight ──refused──▶ parked, entry needs attention    (this attempt uncounted; earlier ones kept)
 *   in flight ──auth──▶ queued, account paused
 *   in flight ──killed──▶ lease expires ──▶ leased again; attempts > 0 ⇒ look up before re-sending
 */
import type { Database } from 'better-sqlite3';
import type { OutboxOp } from '../../../shared/entry';
import type { LocalEntry, Outcome, PieceBody, PieceRef } from './connector';
import { createRemoteGone } from './remote-gone';
import { createSentPieces } from './sent-pieces';
import { remoteIdRefresher } from './remote-id-cache';
import { immediate } from '../db';
import { canonical } from './util';
import { walSync } from './wal-sync';

/** Rows leased per commit: a batch of 100 in one commit held the event loop up to 150 ms. */
const LEASE_CHUNK = 25;

export interface LeasedRow {
  id: number;
  entry_id: string;
  op: OutboxOp;
  /** Attempts before this one: > 0 means an earlier request may have reached the server. */
  prior_attempts: number;
  /** The entry as it was when leased: what this pass sends (a later edit queues its own row). */
  entry?: StoreEntry | null;
  /** The bodies planned for it at lease time, recorded as sent before any request (null: none). */
  planned?: PlanResult | null;
}

export type StoreEntry = LocalEntry & { deleted: boolean; accountId: string | null };
export type PlanResult = Outcome<PieceBody[]>;

export interface StoredRef extends PieceRef {
  snapshot: Record<string, unknown>;
  base: Record<string, unknown>;
}

export interface Settlement {
  refs: { entryId: string; ref: PieceRef; snapshot: Record<string, unknown>; base: Record<string, unknown> }[];
  acks: LeasedRow[];
  retries: { row: LeasedRow; dueAt: number; message: string }[];
  parks: { row: LeasedRow; message: string }[];
  releases: { row: LeasedRow; message: string }[];
}

export interface AccountSyncRow {
  account_id: string;
  paused_reason: string | null;
  offline_since: number | null;
  last_success_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  /** A server's Retry-After: no request to the account before this instant, from any process. */
  hold_until: number | null;
}

interface EntryDbRow {
  id: string;
  description: string;
  start_at: number;
  end_at: number;
  start_tz: string;
  project_id: string | null;
  task_id: string | null;
  client_id: string | null;
  tags: string;
  billable: 0 | 1;
  deleted_at: number | null;
  account_id: string | null;
}

export function createSyncStore(db: Database) {
  const due = db.prepare<[{ account: string; now: number; limit: number }], { id: number; entry_id: string; op: OutboxOp; attempts: number }>(`
    SELECT o.id, o.entry_id, o.op, o.attempts FROM outbox o JOIN entries e ON e.id = o.entry_id
     WHERE coalesce(o.account_id, e.account_id) = @account
       AND (e.sync_error IS NULL OR e.deleted_at IS NOT NULL OR o.account_id IS NOT NULL)
       AND (o.lease_until IS NULL OR o.lease_until <= @now)
       AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
       AND o.id = (SELECT min(o2.id) FROM outbox o2 WHERE o2.entry_id = o.entry_id)
     ORDER BY o.id LIMIT @limit`);
  const takeLease = db.prepare('UPDATE outbox SET lease_until = ?, lease_owner = ?, attempts = attempts + 1 WHERE id = ?');
  // Each settlement touches a row only while this pass still holds its lease (owner fencing): a
  // pass that outlived its lease never acknowledges what another pass has taken over.
  const mine = 'id = @id AND lease_owner IS @owner';
  const deleteRow = db.prepare(`DELETE FROM outbox WHERE ${mine}`);
  const retryRow = db.prepare(`UPDATE outbox SET lease_until = NULL, lease_owner = NULL, next_attempt_at = @due, last_error = @message WHERE ${mine}`);
  // The refused attempt stored nothing, but an earlier one whose answer was lost may have: it
  // stays counted, so the send after the user's fix still looks that one up first.
  const parkRow = db.prepare(`UPDATE outbox SET lease_until = NULL, lease_owner = NULL, next_attempt_at = NULL, attempts = max(0, attempts - 1), last_error = @message WHERE ${mine}`);
  const releaseRow = db.prepare(`UPDATE outbox SET lease_until = NULL, lease_owner = NULL, attempts = max(0, attempts - 1), last_error = @message WHERE ${mine}`);
  const markAttention = db.prepare("UPDATE entries SET sync_error = ?, sync_kind = 'refused' WHERE id = ?");
  // Only the columns a push reads: every row of a drain reads one (bench: drain memory).
  const entryRow = db.prepare<[string], Pick<EntryDbRow, 'id' | 'description' | 'start_at' | 'end_at' | 'start_tz' | 'project_id' | 'task_id' | 'client_id' | 'tags' | 'billable' | 'deleted_at' | 'account_id'>>(
    'SELECT id, description, start_at, end_at, start_tz, project_id, task_id, client_id, tags, billable, deleted_at, account_id FROM entries WHERE id = ?');
  const refsOf = db.prepare<[{ entry: string; account: string | null }], { piece: string; remote_id: string; snapshot: string; base: string }>(
    'SELECT piece, remote_id, snapshot, base FROM remote_refs WHERE entry_id = @entry AND (@account IS NULL OR account_id = @account) ORDER BY piece');
  const refAt = db.prepare<[string, string], { account_id: string; remote_id: string }>(
    'SELECT account_id, remote_id FROM remote_refs WHERE entry_id = ? AND piece = ?');
  const remoteOwner = db.prepare<[string, string], { entry_id: string }>(
    'SELECT entry_id FROM remote_refs WHERE account_id = ? AND remote_id = ?');
  const upsertRef = db.prepare(`
    INSERT INTO remote_refs (entry_id, piece, account_id, remote_id, snapshot, base, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(entry_id, piece) DO UPDATE SET remote_id = excluded.remote_id, snapshot = excluded.snapshot,
      base = excluded.base, synced_at = excluded.synced_at`);
  const dropRef = db.prepare('DELETE FROM remote_refs WHERE entry_id = ? AND piece = ?');
  const refreshRemoteId = remoteIdRefresher(db);
  // A tombstone goes only once nothing of it can be on a server: no row owed, no ref, no unanswered create.
  const purgeEntry = db.prepare(`DELETE FROM entries WHERE id = @id AND deleted_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM outbox WHERE entry_id = @id) AND NOT EXISTS (SELECT 1 FROM remote_refs WHERE entry_id = @id)
    AND NOT EXISTS (SELECT 1 FROM sent_pieces WHERE entry_id = @id)`);
  const takenIds = db.prepare<[string, string], { remote_id: string }>(
    'SELECT remote_id FROM remote_refs WHERE account_id = ? AND entry_id <> ?');
  const accountRow = db.prepare<[string], AccountSyncRow>('SELECT * FROM account_sync WHERE account_id = ?');
  const ensureAccount = db.prepare('INSERT INTO account_sync (account_id) VALUES (?) ON CONFLICT DO NOTHING');
  const pendingCount = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM outbox o JOIN entries e ON e.id = o.entry_id WHERE coalesce(o.account_id, e.account_id) = ?');
  const attentionCount = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM entries WHERE account_id = ? AND sync_error IS NOT NULL');

  const sent = createSentPieces(db);

  const touchAccount = db.prepare('UPDATE account_sync SET last_success_at = ?, offline_since = NULL WHERE account_id = ?');
  // Asked before every request (the gate): prepared once, not per request (a tenth of a drain's CPU).
  const holdOf = db.prepare<[string], { hold_until: number | null }>('SELECT hold_until FROM account_sync WHERE account_id = ?');
  const leaseOf = db.prepare<[number], { id: number; lease_until: number | null }>('SELECT id, lease_until FROM outbox WHERE id = ?');
  /** One UPDATE per set of fields patched (a handful), prepared on first use. */
  const patches = new Map<string, ReturnType<Database['prepare']>>();

  const tx = <T>(fn: () => T): T => immediate(db, fn);
  function readEntry(id: string): StoreEntry | null {
    const r = entryRow.get(id);
    if (!r) return null;
    return {
      id: r.id, description: r.description, start: r.start_at, end: r.end_at, zone: r.start_tz,
      project_id: r.project_id, task_id: r.task_id, client_id: r.client_id,
      tags: JSON.parse(r.tags) as string[], billable: r.billable === 1,
      deleted: r.deleted_at !== null, accountId: r.account_id,
    };
  }
  /**
   * Records the remote record for a piece, unless another entry (or another piece) already holds
   * that record: then it is theirs, never deleted ('taken' — two entries with the same fields on a
   * date-only API are found by one fingerprint, and a pass that took over may have given each the
   * other's record). A record nobody holds, where this piece already has another (a second pass
   * created or found one meanwhile), is a second copy: the caller deletes it ('extra').
   */
  function saveRefInTx(entryId: string, accountId: string, ref: PieceRef, snapshot: Record<string, unknown>, base: Record<string, unknown>, now: number): 'saved' | 'extra' | 'taken' {
    const cur = refAt.get(entryId, ref.key);
    const owner = remoteOwner.get(accountId, ref.remoteId);
    if (owner && (owner.entry_id !== entryId || !cur || cur.remote_id !== ref.remoteId)) return 'taken';
    if (cur && (cur.account_id !== accountId || cur.remote_id !== ref.remoteId)) return 'extra';
    upsertRef.run(entryId, ref.key, accountId, ref.remoteId, JSON.stringify(snapshot), JSON.stringify(base), now);
    refreshRemoteId(entryId);
    sent.settled(entryId, accountId, ref.key);
    return 'saved';
  }
  const durability = walSync(db);
  /** A commit at synchronous = FULL on a connection that is not (no WAL to flush ourselves). */
  function fullCommit<T>(fn: () => T): T {
    const relaxed = db.pragma('synchronous', { simple: true }) !== 2;
    if (relaxed) db.pragma('synchronous = FULL');
    try {
      return tx(fn);
    } finally {
      if (relaxed) db.pragma('synchronous = NORMAL');
    }
  }
  function leaseSome(accountId: string, now: number, limit: number, leaseMs: number, plan: ((e: StoreEntry) => PlanResult) | undefined, owner: string | null): LeasedRow[] {
    return due.all({ account: accountId, now, limit }).map((r): LeasedRow => {
      takeLease.run(now + leaseMs, owner, r.id);
      const entry = readEntry(r.entry_id);
      // What this pass will create or update, recorded as sent before any request can carry
      // it: a create's body finds its record again, an update's tells our own write (its
      // answer lost) from an edit made on the server.
      const planned = plan && entry && !entry.deleted && entry.accountId === accountId ? plan(entry) : null;
      if (planned?.ok) {
        const held = new Map(refsOf.all({ entry: r.entry_id, account: accountId }).map((x) => [x.piece, canonical(JSON.parse(x.snapshot))]));
        for (const p of planned.value) {
          const was = held.get(p.key);
          if (was === undefined || was !== canonical(p.compare)) sent.record(r.entry_id, accountId, p.key, p.compare, now);
        }
      }
      return { id: r.id, entry_id: r.entry_id, op: r.op, prior_attempts: r.attempts, entry, planned };
    });
  }
  function ackInTx(row: LeasedRow, owner: string | null) {
    deleteRow.run({ id: row.id, owner });
    purgeEntry.run({ id: row.entry_id });
  }

  return {
    /**
     * Leases up to `limit` due rows, the oldest row of each entry only (an entry's changes go in
     * order), in commits of LEASE_CHUNK rows with the event loop free between them: one commit of
     * a whole batch held the main thread 25 ms on average, 150 ms at worst (bench, Kukkingu).
     */
    async lease(accountId: string, now: number, limit: number, leaseMs: number, plan?: (e: StoreEntry) => PlanResult, owner: string | null = null): Promise<LeasedRow[]> {
      // The one commit here that must reach the disk before any request: the attempt count is
      // what tells a later pass to look an entry up before sending it again. Everything else
      // this store writes (refs, acks, retries) can be lost to a power cut and found again by
      // that lookup, so it is committed without an fsync on the engine's own connection. The
      // lease's fsync runs off the event loop (wal-sync.ts); where it cannot, the commit is FULL.
      const out: LeasedRow[] = [];
      try {
        while (out.length < limit) {
          const want = Math.min(LEASE_CHUNK, limit - out.length);
          const rows = durability.relaxed ? tx(() => leaseSome(accountId, now, want, leaseMs, plan, owner)) : fullCommit(() => leaseSome(accountId, now, want, leaseMs, plan, owner));
          out.push(...rows);
          if (rows.length < want) break;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        if (out.length) await durability.flush();
      } catch (e) {
        // Nothing was sent for these rows: given back with their attempt uncounted, not left behind a lease.
        if (out.length) tx(() => { for (const row of out) releaseRow.run({ message: 'not attempted: the lease could not be made durable', id: row.id, owner }); });
        throw e;
      }
      return out;
    },

    /** The entry as it is now, or null if it is gone. */
    entry: readEntry,

    /** The entry's refs, all or only the given account's. */
    refs(entryId: string, accountId: string | null = null): StoredRef[] {
      return refsOf.all({ entry: entryId, account: accountId }).map((r) => ({
        key: r.piece, remoteId: r.remote_id,
        snapshot: JSON.parse(r.snapshot) as Record<string, unknown>, base: JSON.parse(r.base) as Record<string, unknown>,
      }));
    },

    /** Fingerprints of creates that may have reached the server unanswered. */
    sent,
    /** Records someone else deleted on the server. */
    gone: createRemoteGone(db),

    takenRemoteIds(accountId: string, exceptEntry: string): Set<string> {
      return new Set(takenIds.all(accountId, exceptEntry).map((r) => r.remote_id));
    },

    /** Records that the server holds `remoteId` for this piece, with the fields it holds. */
    saveRef(entryId: string, accountId: string, ref: PieceRef, snapshot: Record<string, unknown>, base: Record<string, unknown>, now: number): 'saved' | 'extra' | 'taken' {
      return tx(() => saveRefInTx(entryId, accountId, ref, snapshot, base, now));
    },

    dropRef(entryId: string, key: string, accountId: string | null = null): void {
      tx(() => {
        if (accountId) sent.settled(entryId, accountId, key);
        dropRef.run(entryId, key);
        refreshRemoteId(entryId);
      });
    },

    /**
     * A whole batch's outcome in one commit: the remote ids learned, then each row acknowledged,
     * retried, parked or released. One commit per batch instead of two per entry; a kill before
     * it loses at most this batch's answers, which the lookup before any re-send finds again.
     */
    settle(accountId: string, now: number, b: Settlement, owner: string | null = null): PieceRef[] {
      return tx(() => {
        const extras: PieceRef[] = [];
        // Entries whose created record another entry holds now: they have no record of their own yet.
        const unplaced = new Set<string>();
        for (const r of b.refs) {
          const got = saveRefInTx(r.entryId, accountId, r.ref, r.snapshot, r.base, now);
          if (got === 'extra') extras.push(r.ref);
          if (got === 'taken' && !refAt.get(r.entryId, r.ref.key)) unplaced.add(r.entryId);
        }
        let acked = false;
        for (const row of b.acks) {
          // Not done: the next pass looks its sent body up again (that record is excluded) or sends it anew.
          if (unplaced.has(row.entry_id)) releaseRow.run({ message: 'Its record went to another entry with the same fields; looking again.', id: row.id, owner });
          else {
            ackInTx(row, owner);
            acked = true;
          }
        }
        // Once per batch, not per row: the account's last success is this settle's.
        if (acked) {
          ensureAccount.run(accountId);
          touchAccount.run(now, accountId);
        }
        for (const r of b.retries) retryRow.run({ due: r.dueAt, message: r.message, id: r.row.id, owner });
        for (const r of b.parks) {
          if (parkRow.run({ message: r.message, id: r.row.id, owner }).changes) markAttention.run(r.message, r.row.entry_id);
        }
        for (const r of b.releases) releaseRow.run({ message: r.message, id: r.row.id, owner });
        return extras;
      });
    },

    /** A tombstone with nothing left on any server goes for good. */
    purge(entryId: string): void {
      tx(() => purgeEntry.run({ id: entryId }));
    },

    /** When the earliest queued row may be tried again (null: none waits). */
    nextDue(): number | null {
      return (db.prepare('SELECT min(next_attempt_at) AS t FROM outbox WHERE next_attempt_at IS NOT NULL').get() as { t: number | null }).t;
    },

    /** Network back, resume, "Sync now": every waiting row is due again and offline marks are dropped. */
    resetBackoff(): void {
      tx(() => {
        db.prepare('UPDATE outbox SET next_attempt_at = NULL WHERE next_attempt_at IS NOT NULL').run();
        db.prepare('UPDATE account_sync SET offline_since = NULL').run();
      });
    },

    /** A read: an account never synced has no row yet, and asking (the sync bar does) writes none. */
    account(accountId: string): AccountSyncRow {
      return accountRow.get(accountId) ?? {
        account_id: accountId, paused_reason: null, offline_since: null, last_success_at: null, last_error: null, last_error_at: null, hold_until: null,
      };
    },

    setAccount(accountId: string, patch: Partial<Omit<AccountSyncRow, 'account_id'>>): void {
      const keys = Object.keys(patch) as (keyof typeof patch)[];
      if (!keys.length) return;
      const sql = `UPDATE account_sync SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE account_id = @account_id`;
      let update = patches.get(sql);
      if (!update) patches.set(sql, (update = db.prepare(sql)));
      tx(() => {
        ensureAccount.run(accountId);
        update.run({ ...patch, account_id: accountId });
      });
    },

    /** The account's hold (a read, no write lock: it is asked before every request). */
    holdUntil(accountId: string): number | null {
      return holdOf.get(accountId)?.hold_until ?? null;
    },

    /** The lease each row holds now (null: none), to release exactly what this pass took. */
    leasesOf(ids: readonly number[]): { id: number; lease_until: number | null }[] {
      return ids.flatMap((id) => leaseOf.all(id));
    },

    /**
     * A pass that died mid-batch (an exception) gives its rows back at once instead of leaving
     * them behind a lease. Only leases still as taken are released (another process may have
     * leased a row since); attempts are kept, since a request may have reached the server.
     */
    releaseLeases(rows: readonly { id: number; lease_until: number }[], dueAt: number | null, message: string): number {
      const release = db.prepare('UPDATE outbox SET lease_until = NULL, next_attempt_at = ?, last_error = ? WHERE id = ? AND lease_until = ?');
      return tx(() => rows.reduce((n, r) => n + release.run(dueAt, message, r.id, r.lease_until).changes, 0));
    },

    /** Per account, the earliest retry time among its queued rows (rows due now have none). */
    nextDueByAccount(): Map<string, number> {
      const rows = db.prepare<[], { account_id: string; t: number }>(`
        SELECT coalesce(o.account_id, e.account_id) AS account_id, min(o.next_attempt_at) AS t
          FROM outbox o JOIN entries e ON e.id = o.entry_id
         WHERE o.next_attempt_at IS NOT NULL AND coalesce(o.account_id, e.account_id) IS NOT NULL
           AND (e.sync_error IS NULL OR e.deleted_at IS NOT NULL OR o.account_id IS NOT NULL)
         GROUP BY 1`).all();
      return new Map(rows.map((r) => [r.account_id, r.t]));
    },

    counts(accountId: string): { pending: number; attention: number } {
      return { pending: pendingCount.get(accountId)!.n, attention: attentionCount.get(accountId)!.n };
    },
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
