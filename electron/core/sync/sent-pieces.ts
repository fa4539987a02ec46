/**
 * What each create request carried, committed with the attempt count BEFORE the request goes out
 * (store.lease). An answer can be lost after the server stored the record; by then the user may
 * have edited the entry, so a later pass looks the record up by what was SENT, never by the
 * entry's fields as they are now. A fingerprint goes once the piece's remote id is known, or
 * once a lookup has shown the server never stored it.
 */
import type { Database } from 'better-sqlite3';
import { canonical } from './util';

export interface SentPiece {
  entryId: string;
  key: string;
  compare: Record<string, unknown>;
}

export function createSentPieces(db: Database) {
  const add = db.prepare(
    'INSERT INTO sent_pieces (entry_id, account_id, piece, compare, sent_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const ofEntry = db.prepare<[string, string], { piece: string; compare: string }>(
    'SELECT piece, compare FROM sent_pieces WHERE entry_id = ? AND account_id = ? ORDER BY sent_at, piece');
  const dropPiece = db.prepare('DELETE FROM sent_pieces WHERE entry_id = ? AND account_id = ? AND piece = ?');
  const dropOthers = db.prepare('DELETE FROM sent_pieces WHERE entry_id = ? AND account_id = ? AND piece = ? AND compare <> ?');
  const dropEntry = db.prepare('DELETE FROM sent_pieces WHERE entry_id = ? AND account_id = ?');
  // Only pieces still without a remote id: the ones a pull may meet before the push finds them.
  const unanswered = db.prepare<[string], { entry_id: string; piece: string; compare: string }>(`
    SELECT s.entry_id, s.piece, s.compare FROM sent_pieces s
     WHERE s.account_id = ? AND NOT EXISTS
       (SELECT 1 FROM remote_refs r WHERE r.entry_id = s.entry_id AND r.piece = s.piece AND r.account_id = s.account_id)
     ORDER BY s.sent_at, s.entry_id`);
  const anyFor = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sent_pieces WHERE entry_id = ?');

  return {
    /** Must run inside the transaction that counts the attempt. */
    record(entryId: string, accountId: string, key: string, compare: Record<string, unknown>, now: number): void {
      add.run(entryId, accountId, key, canonical(compare), now);
    },
    of(entryId: string, accountId: string): SentPiece[] {
      return ofEntry.all(entryId, accountId).map((r) => ({ entryId, key: r.piece, compare: JSON.parse(r.compare) as Record<string, unknown> }));
    },
    /** The piece is known (its ref is saved) or gone: nothing of it is unaccounted for. */
    settled(entryId: string, accountId: string, key: string): void {
      dropPiece.run(entryId, accountId, key);
    },
    /** A lookup found none of the piece's earlier bodies: only what is about to be sent remains. */
    notFound(entryId: string, accountId: string, key: string, current: Record<string, unknown> | null): void {
      if (current) dropOthers.run(entryId, accountId, key, canonical(current));
      else dropPiece.run(entryId, accountId, key);
    },
    forget(entryId: string, accountId: string): void {
      dropEntry.run(entryId, accountId);
    },
    unanswered(accountId: string): SentPiece[] {
      return unanswered.all(accountId).map((r) => ({ entryId: r.entry_id, key: r.piece, compare: JSON.parse(r.compare) as Record<string, unknown> }));
    },
    any(entryId: string): boolean {
      return anyFor.get(entryId)!.n > 0;
    },
  };
}

export type SentPieces = ReturnType<typeof createSentPieces>;
