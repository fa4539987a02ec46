import type { Migration } from './types';

/**
 * What sync needs to be judged by what the user did (issue 11):
 * - `sent_pieces`: each create body's fingerprint, committed with the attempt count BEFORE the
 *   request, so an unanswered create is looked up by what was sent, not by the entry's fields
 *   as the user has since edited them. Gone once the piece's remote id is known or a lookup
 *   proved the server never stored it.
 * - `outbox.account_id`: the account a row is owed to when that is no longer the entry's own
 *   (the entry moved to another account or became local: its old records must still be deleted).
 * - `outbox.lease_owner`: which pass holds a lease, so a pass that outlived its lease settles
 *   nothing another pass has taken over.
 * - `entries.sync_kind`: why an entry needs the user ('refused' by the server, or 'remote-deleted').
 * - `account_sync.hold_until`: a 429's Retry-After holds the whole account, list requests too,
 *   in every process on this file.
 */
export const m005: Migration = {
  version: 5,
  name: 'sent fingerprints, owed account, sync kind, account hold',
  up(db) {
    db.exec(`
      CREATE TABLE sent_pieces (
        entry_id    TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        piece       TEXT NOT NULL,
        compare     TEXT NOT NULL,
        sent_at     INTEGER NOT NULL,
        PRIMARY KEY (entry_id, account_id, piece, compare)
      ) STRICT;
      ALTER TABLE outbox ADD COLUMN account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE;
      ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
      ALTER TABLE entries ADD COLUMN sync_kind TEXT CHECK (sync_kind IN ('refused', 'remote-deleted'));
      ALTER TABLE account_sync ADD COLUMN hold_until INTEGER;
    `);
  },
};
