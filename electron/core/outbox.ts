/**
 * The outbox: what the sync worker still owes the servers. Rows are written only inside the
 * transaction that changes the entry, so an entry and its outbox row exist together or not at all.
 *
 * Coalescing merges a new change into the newest row of the same entry that no push has touched
 * (attempts = 0, no lease). A row that was attempted may already be on the server, so it is left
 * alone and the change queues behind it.
 *
 *   untouched create + update → create with the newest fields
 *   untouched create + delete → nothing (when no earlier attempt may have reached a server)
 *   untouched update + update → one update with the newest fields
 *   untouched update + delete → delete
 */
import type { Database } from 'better-sqlite3';
import type { OutboxOp } from '../../shared/entry';
import type { EntryPayload } from './entry-rows';

export interface OutboxRow {
  id: number;
  entry_id: string;
  op: OutboxOp;
  payload: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  last_error: string | null;
}

export type EnqueueResult = 'queued' | 'coalesced' | 'cancelled';

export function createOutbox(db: Database) {
  const untouched = db.prepare<[string], OutboxRow>(
    `SELECT * FROM outbox WHERE entry_id = ? AND attempts = 0 AND lease_until IS NULL
      ORDER BY id DESC LIMIT 1`,
  );
  const touchedCount = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE entry_id = ? AND (attempts > 0 OR lease_until IS NOT NULL)',
  );
  const insert = db.prepare(
    'INSERT INTO outbox (entry_id, op, payload, created_at) VALUES (?, ?, ?, ?)',
  );
  const rewrite = db.prepare('UPDATE outbox SET op = ?, payload = ? WHERE id = ?');
  const drop = db.prepare('DELETE FROM outbox WHERE id = ?');
  const forEntry = db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE entry_id = ? ORDER BY id');

  return {
    /**
     * Records that `entryId` changed. Must run inside the caller's write transaction.
     * `remoteKnown` says whether a server may already hold the entry (it has a remote id).
     */
    enqueue(entryId: string, op: OutboxOp, payload: EntryPayload | null, now: number, remoteKnown: boolean): EnqueueResult {
      if (!db.inTransaction) throw new Error('outbox.enqueue must run inside the entry write transaction');
      const body = JSON.stringify(payload ?? {});
      const prev = untouched.get(entryId);
      if (prev) {
        if (prev.op === 'create' && op === 'update') {
          rewrite.run('create', body, prev.id);
          return 'coalesced';
        }
        if (prev.op === 'create' && op === 'delete') {
          drop.run(prev.id);
          if (!remoteKnown && touchedCount.get(entryId)!.n === 0) return 'cancelled';
          insert.run(entryId, 'delete', body, now);
          return 'queued';
        }
        if (prev.op === 'update') {
          rewrite.run(op, body, prev.id);
          return 'coalesced';
        }
      }
      if (op === 'delete' && !remoteKnown && touchedCount.get(entryId)!.n === 0) return 'cancelled';
      insert.run(entryId, op, body, now);
      return 'queued';
    },
    forEntry(entryId: string): OutboxRow[] {
      return forEntry.all(entryId);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
