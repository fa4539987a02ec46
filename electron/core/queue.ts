/** What is still owed to the servers, and what they refused: the `queue` view. */
import type { Database } from 'better-sqlite3';
import type { OutboxOp, Provider, QueueItem, QueueReport } from '../../shared/entry';
import { toIso } from '../../shared/time';
import { ENTRY_SELECT, toEntry, type EntryRow } from './entry-rows';

interface QueueRow {
  id: number;
  entry_id: string;
  account_name: string;
  op: OutboxOp;
  attempts: number;
  created_at: number;
  next_attempt_at: number | null;
  last_error: string | null;
}

export function createQueue(db: Database) {
  // A row is owed to outbox.account_id when set (an entry that left that account), else to the entry's.
  const queued = db.prepare<[], QueueRow>(
    `SELECT o.id, o.entry_id, a.name AS account_name, o.op, o.attempts, o.created_at,
            o.next_attempt_at, o.last_error
       FROM outbox o JOIN entries e ON e.id = o.entry_id JOIN accounts a ON a.id = coalesce(o.account_id, e.account_id)
      ORDER BY o.id`,
  );
  const attention = db.prepare<[], EntryRow>(
    `${ENTRY_SELECT} WHERE e.sync_error IS NOT NULL AND e.deleted_at IS NULL ORDER BY e.start_at DESC`,
  );
  const backlog = db.prepare<[], { account: string; provider: string; changes: number; hold_until: number | null }>(
    `SELECT a.name AS account, a.provider, count(o.id) AS changes, s.hold_until
       FROM outbox o JOIN entries e ON e.id = o.entry_id JOIN accounts a ON a.id = coalesce(o.account_id, e.account_id)
       LEFT JOIN account_sync s ON s.account_id = a.id
      GROUP BY a.id ORDER BY a.name`,
  );
  return {
    /** Per account: how many changes wait, and the server's hold on it (for drain estimates). */
    backlog(): { account: string; provider: Provider; changes: number; hold_until: number | null }[] {
      return backlog.all() as { account: string; provider: Provider; changes: number; hold_until: number | null }[];
    },
    report(): QueueReport {
      return {
        queued: queued.all().map(
          (r): QueueItem => ({
            outbox_id: r.id,
            entry_id: r.entry_id,
            account: r.account_name,
            op: r.op,
            attempts: r.attempts,
            queued_at: toIso(r.created_at),
            next_attempt_at: r.next_attempt_at === null ? null : toIso(r.next_attempt_at),
            last_error: r.last_error,
          }),
        ),
        attention: attention.all().map(toEntry),
      };
    },
  };
}
