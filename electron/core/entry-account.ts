/**
 * Moving one entry between accounts (or off them). Runs inside the caller's transaction.
 *
 * The former account may hold the entry (a remote ref, a fingerprint of a sent create, or a row a
 * push has touched: its outcome may be on the server). Then its rows stay owed to that account
 * (outbox.account_id) and a delete owed to it is queued behind them, so its records there are
 * removed; changes never sent there are simply dropped. The new account gets a create.
 */
import type { Database } from 'better-sqlite3';
import type { AccountMove, Entry } from '../../shared/entry';
import { ValidationError, type FieldIssue } from '../../shared/errors';
import type { Accounts } from './accounts';
import type { Clock } from './clock';
import { ENTRY_SELECT, toEntry, type EntryRow } from './entry-rows';
import type { Outbox } from './outbox';
import { immediate } from './db';

export function accountMoves({ db, clock, outbox, accounts }: { db: Database; clock: Clock; outbox: Outbox; accounts: Accounts }) {
  const rawById = db.prepare<[string], EntryRow & { deleted_at: number | null }>(
    'SELECT e.*, NULL AS account_name, NULL AS sync_state FROM entries e WHERE e.id = ?');
  const byId = db.prepare<[string], EntryRow>(`${ENTRY_SELECT} WHERE e.id = ?`);
  const refs = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM remote_refs WHERE entry_id = ? AND account_id = ?');
  const sent = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM sent_pieces WHERE entry_id = ? AND account_id = ?');
  const touched = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM outbox WHERE entry_id = ? AND (account_id IS NULL OR account_id = ?)
        AND (attempts > 0 OR lease_until IS NOT NULL)`);
  const dropUnsent = db.prepare(
    'DELETE FROM outbox WHERE entry_id = ? AND (account_id IS NULL OR account_id = ?) AND attempts = 0 AND lease_until IS NULL');
  const owe = db.prepare('UPDATE outbox SET account_id = ? WHERE entry_id = ? AND account_id IS NULL');
  const setEntryAccount = db.prepare(
    'UPDATE entries SET account_id = ?, remote_id = NULL, sync_error = NULL, sync_kind = NULL, updated_at = ? WHERE id = ?');
  const nameOf = db.prepare<[string], { name: string }>('SELECT name FROM accounts WHERE id = ?');

  /** Returns the former account's name when a delete is now owed to it. */
  function move(row: EntryRow, to: string | null, now: number): string | null {
    const from = row.account_id;
    let owed: string | null = null;
    if (from) {
      const mayHold = row.remote_id !== null || refs.get(row.id, from)!.n > 0 || sent.get(row.id, from)!.n > 0 ||
        touched.get(row.id, from)!.n > 0;
      dropUnsent.run(row.id, from);
      if (mayHold) {
        owe.run(from, row.id);
        outbox.enqueue(row.id, 'delete', now, true, from);
        owed = nameOf.get(from)?.name ?? from;
      }
    }
    setEntryAccount.run(to, now, row.id);
    if (to) outbox.enqueue(row.id, 'create', now, false);
    return owed;
  }

  const clearMark = db.prepare('UPDATE entries SET sync_error = NULL, sync_kind = NULL, updated_at = ? WHERE id = ?');

  return {
    /**
     * "Send again": an entry the server refused or someone deleted there goes to its account once
     * more, as it is now. All or nothing; each issue names the id.
     */
    resend(ids: readonly string[]): Entry[] {
      return immediate(db, (): Entry[] => {
        const now = clock.now();
        const issues: FieldIssue[] = [];
        if (!ids.length) issues.push({ field: 'ids', rule: 'must name at least one entry' });
        const rows = [...new Set(ids)].map((id) => {
          const row = rawById.get(id);
          if (!row || row.deleted_at !== null) issues.push({ field: `id ${id}`, rule: 'is not an entry (see: timetray list)' });
          else if (!row.account_id) issues.push({ field: `id ${id}`, rule: 'is local: give it an account (timetray edit --account)' });
          return row!;
        });
        if (issues.length) throw new ValidationError(issues);
        return rows.map((row) => {
          clearMark.run(now, row.id);
          // The push decides by its refs: pieces the server lost are created, the others updated.
          outbox.enqueue(row.id, 'update', now, true);
          return toEntry(byId.get(row.id)!);
        });
      });
    },

    /**
     * Gives entries an account, moves them to another one, or (account null) makes them
     * local-only: all or nothing, in one transaction; each issue names the id or the account.
     */
    setAccount(ids: readonly string[], account: string | null): AccountMove {
      return immediate(db, (): AccountMove => {
        const now = clock.now();
        const issues: FieldIssue[] = [];
        if (!ids.length) issues.push({ field: 'ids', rule: 'must name at least one entry' });
        let to: string | null = null;
        try {
          to = accounts.resolveId(account);
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          issues.push(...e.issues);
        }
        const rows = [...new Set(ids)].map((id) => {
          const row = rawById.get(id);
          if (!row) issues.push({ field: `id ${id}`, rule: 'is not an entry (see: timetray list)' });
          else if (row.deleted_at !== null) issues.push({ field: `id ${id}`, rule: 'is a deleted entry' });
          return row!;
        });
        if (issues.length) throw new ValidationError(issues);
        const out: AccountMove = { entries: [], unchanged: [], remote_deletes: [] };
        for (const row of rows) {
          if (row.account_id === to) {
            out.unchanged.push(row.id);
            continue;
          }
          const from = move(row, to, now);
          if (from) out.remote_deletes.push({ id: row.id, account: from });
          out.entries.push(toEntry(byId.get(row.id)!));
        }
        return out;
      });
    },
  };
}
