import type { Migration } from './types';

/**
 * What the sync engine remembers. `remote_refs` maps each local entry to the remote records that
 * hold it (one per local day on date-only APIs) with the fields as last synced, so a later pull
 * can tell a remote edit from our own. `entry_history` keeps the losing side of a conflict.
 */
export const m003: Migration = {
  version: 3,
  name: 'remote refs, entry history, account sync state',
  up(db) {
    db.exec(`
      CREATE TABLE remote_refs (
        entry_id    TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        piece       TEXT NOT NULL,
        account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        remote_id   TEXT NOT NULL,
        snapshot    TEXT NOT NULL,
        -- The same state in our own terms (description, project_id, …): the merge base.
        base        TEXT NOT NULL DEFAULT '{}',
        synced_at   INTEGER NOT NULL,
        PRIMARY KEY (entry_id, piece)
      ) STRICT;
      CREATE UNIQUE INDEX remote_refs_remote ON remote_refs(account_id, remote_id);

      CREATE TABLE entry_history (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id  TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        at        INTEGER NOT NULL,
        source    TEXT NOT NULL CHECK (source IN ('local', 'remote')),
        fields    TEXT NOT NULL,
        note      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX entry_history_entry ON entry_history(entry_id);

      CREATE TABLE account_sync (
        account_id       TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        paused_reason    TEXT,
        offline_since    INTEGER,
        last_success_at  INTEGER,
        last_error       TEXT,
        last_error_at    INTEGER
      ) STRICT;

      CREATE INDEX outbox_due ON outbox(next_attempt_at);
    `);
  },
};
