/**
 * The outbox: what the sync worker still owes the servers. Rows are written only inside the
 * transaction that changes the entry, so an entry and its outbox row exist together or not at all.
 *
 * A row names the entry and what is owed, never a copy of its fields: a push sends the entry's
 * fields as they are when it leaves, so each entry lands with its last fields.
 *
 * Coalescing merges a new change into the newest row of the same entry that no push has touched
 * (attempts = 0, no lease). A row that was attempted may already be on the server, so it is left
 * alone and the change queues behind it.
 *
 *   untouched create + update → the create (it will send the newest fields)
 *   untouched create + delete → nothing (when no earlier attempt may have reached a server)
 *   untouched update + update → the one update
 *   untouched update + delete → delete
 *
 * Rows are owed to an account: the entry's own (account_id NULL), or one the entry has left
 * (account_id set: its old records there must still be deleted). Rows owed to different accounts
 * never merge, and a change is cancelled outright only when no row for another account remains
 * (dropping the entry would drop that row with it).
 */
import type { Database } from 'better-sqlite3';
import type { OutboxOp } from '../../shared/entry';

export interface OutboxRow {
  id: number;
  entry_id: string;
  op: OutboxOp;
  created_at: number;
  attempts: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  last_error: string | null;
  /** The account the row is owed to when that is not the entry's own; null: the entry's account. */
  account_id: string | null;
}

export type EnqueueResult = 'queued' | 'coalesced' | 'cancelled';

export function createOutbox(db: Database) {
  const untouched = db.prepare<[string, string | null], OutboxRow>(
    `SELECT * FROM outbox WHERE entry_id = ? AND account_id IS ? AND attempts = 0 AND lease_until IS NULL
      ORDER BY id DESC LIMIT 1`,
  );
  const holdsEntry = db.prepare<[string, string | null], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE entry_id = ?
        AND (attempts > 0 OR lease_until IS NOT NULL OR account_id IS NOT ?)`,
  );
  const insert = db.prepare<[string, OutboxOp, number, string | null]>(
    'INSERT INTO outbox (entry_id, op, created_at, account_id) VALUES (?, ?, ?, ?)',
  );
  const setOp = db.prepare<[OutboxOp, number]>('UPDATE outbox SET op = ? WHERE id = ?');
  const drop = db.prepare('DELETE FROM outbox WHERE id = ?');
  const forEntry = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE entry_id = ? ORDER BY id');

  return {
    /**
     * Records that `entryId` changed. Must run inside the caller's write transaction.
     * `remoteKnown` says whether a server may already hold the entry (it has a remote id).
     * `accountId` names the account the row is owed to when it is not the entry's own.
     */
    enqueue(entryId: string, op: OutboxOp, now: number, remoteKnown: boolean, accountId: string | null = null): EnqueueResult {
      if (!db.inTransaction) throw new Error('outbox.enqueue must run inside the entry write transaction');
      const prev = untouched.get(entryId, accountId);
      const mayCancel = () => !remoteKnown && holdsEntry.get(entryId, accountId)!.n === 0;
      if (prev) {
        if (prev.op === 'create' && op === 'update') return 'coalesced';
        if (prev.op === 'create' && op === 'delete') {
          drop.run(prev.id);
          if (mayCancel()) return 'cancelled';
          insert.run(entryId, 'delete', now, accountId);
          return 'queued';
        }
        if (prev.op === 'update') {
          if (op !== 'update') setOp.run(op, prev.id);
          return 'coalesced';
        }
      }
      if (op === 'delete' && mayCancel()) return 'cancelled';
      insert.run(entryId, op, now, accountId);
      return 'queued';
    },
    /**
     * Queues the create of an entry inserted in this same transaction. It can have no row to merge
     * with: outbox rows go with their entry (ON DELETE CASCADE), and its id was free a moment ago.
     * One INSERT, no lookup: this is on the stop click.
     */
    enqueueNew(entryId: string, now: number): void {
      if (!db.inTransaction) throw new Error('outbox.enqueueNew must run inside the entry write transaction');
      insert.run(entryId, 'create', now, null);
    },
    forEntry(entryId: string): OutboxRow[] {
      return forEntry.all(entryId);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
