/**
 * Moving one entry between accounts (or off them). Runs inside the caller's transaction.
 *
 * The former account may hold the entry (a remote ref, a fingerprint of a sent create, or a row a
 * push has touched: its outcome may be on the server). Then its rows stay owed to that account
 * (outbox.account_id) and a delete owed to it is queued behind them, so its records there are
 * removed; changes never sent there are simply dropped. The new account gets a create.
 */
import type { Database } from 'better-sqlite3';
import { toPayload, type EntryRow } from './entry-rows';
import type { Outbox } from './outbox';

export function accountMoves(db: Database, outbox: Outbox) {
  const refs = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM remote_refs WHERE entry_id = ? AND account_id = ?');
  const sent = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM sent_pieces WHERE entry_id = ? AND account_id = ?');
  const touched = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE entry_id = ? AND (account_id IS NULL OR account_id = ?)
        AND (attempts > 0 OR lease_until IS NOT NULL)`);
  const dropUnsent = db.prepare(
    'DELETE FROM outbox WHERE entry_id = ? AND (account_id IS NULL OR account_id = ?) AND attempts = 0 AND lease_until IS NULL');
  const owe = db.prepare('UPDATE outbox SET account_id = ? WHERE entry_id = ? AND account_id IS NULL');
  const setAccount = db.prepare(
    'UPDATE entries SET account_id = ?, remote_id = NULL, sync_error = NULL, sync_kind = NULL, updated_at = ? WHERE id = ?');
  const nameOf = db.prepare<[string], { name: string }>('SELECT name FROM accounts WHERE id = ?');

  return {
    /** Returns the former account's name when a delete is now owed to it. */
    move(row: EntryRow, to: string | null, now: number): string | null {
      const from = row.account_id;
      let owed: string | null = null;
      if (from) {
        const mayHold = row.remote_id !== null || refs.get(row.id, from)!.n > 0 || sent.get(row.id, from)!.n > 0 ||
          touched.get(row.id, from)!.n > 0;
        dropUnsent.run(row.id, from);
        if (mayHold) {
          owe.run(from, row.id);
          outbox.enqueue(row.id, 'delete', null, now, true, from);
          owed = nameOf.get(from)?.name ?? from;
        }
      }
      setAccount.run(to, now, row.id);
      if (to) outbox.enqueue(row.id, 'create', toPayload(row), now, false);
      return owed;
    },
  };
}
