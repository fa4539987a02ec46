/**
 * Records deleted on the server by someone else. The entry is never silently dropped nor sent
 * again on its own: it is marked ("deleted on the server") and waits for the user to keep it here
 * only, send it again, or delete it. Only the gone record's ref goes; other days of a split entry
 * stay mapped, so whichever the user chooses, their records follow.
 */
import type { Database } from 'better-sqlite3';
import { immediate } from '../db';
import { remoteIdRefresher } from './remote-id-cache';

export const GONE_MESSAGE = 'deleted on the server (by someone or something else): keep it here only, send it again, or delete it';

export interface MappedRef {
  entry_id: string;
  piece: string;
  remote_id: string;
  start_at: number;
}

export function createRemoteGone(db: Database) {
  // Refs of live entries still on this account and not already waiting for the user. An entry
  // whose own delete went out unanswered (then undone) is left to the push: a record missing
  // there may be gone by our hand, and the push sends it again.
  const mapped = db.prepare<[string], MappedRef>(`
    SELECT r.entry_id, r.piece, r.remote_id, e.start_at FROM remote_refs r JOIN entries e ON e.id = r.entry_id
     WHERE r.account_id = ? AND e.account_id = r.account_id AND e.deleted_at IS NULL AND e.sync_error IS NULL
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entry_id = r.entry_id AND o.op = 'delete' AND o.attempts > 0)`);
  const drop = db.prepare('DELETE FROM remote_refs WHERE account_id = ? AND remote_id = ?');
  const mark = db.prepare("UPDATE entries SET sync_error = ?, sync_kind = 'remote-deleted' WHERE id = ?");
  const refresh = remoteIdRefresher(db);

  return {
    mapped(accountId: string): MappedRef[] {
      return mapped.all(accountId);
    },
    /** The server no longer has `remoteId`: forget that ref and ask the user about the entry. */
    mark(accountId: string, entryId: string, remoteId: string): void {
      immediate(db, () => {
        drop.run(accountId, remoteId);
        mark.run(GONE_MESSAGE, entryId);
        refresh(entryId);
      });
    },
  };
}

export type RemoteGone = ReturnType<typeof createRemoteGone>;
