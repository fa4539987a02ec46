import type { Migration } from './types';

/**
 * Destination accounts and settings; entries gain their account and their sync marks.
 * Entries written before this step stay local (no account), as they were.
 */
export const m002: Migration = {
  version: 2,
  name: 'accounts, settings, entry sync state',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        provider    TEXT NOT NULL,
        base_url    TEXT NOT NULL,
        context     TEXT NOT NULL DEFAULT '{}',
        token_env   TEXT,
        -- A key into the app's encrypted secret store; never the secret itself.
        secret_ref  TEXT,
        is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        created_at  INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX accounts_one_default ON accounts(is_default) WHERE is_default = 1;

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;

      ALTER TABLE entries ADD COLUMN account_id TEXT REFERENCES accounts(id);
      ALTER TABLE entries ADD COLUMN remote_id TEXT;
      -- The server's message when it refused the entry for good; cleared by an edit.
      ALTER TABLE entries ADD COLUMN sync_error TEXT;
      -- A deleted entry that a server still holds stays as a tombstone until its delete is sent.
      ALTER TABLE entries ADD COLUMN deleted_at INTEGER;
      CREATE INDEX entries_account ON entries(account_id);

      ALTER TABLE running_timer ADD COLUMN account_id TEXT REFERENCES accounts(id);
    `);
  },
};
