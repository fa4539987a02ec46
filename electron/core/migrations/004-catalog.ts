import type { Migration } from './types';

/** Each account's projects, tasks and clients as last fetched, so the pickers work offline. */
export const m004: Migration = {
  version: 4,
  name: 'catalog of remote projects, tasks and clients',
  up(db) {
    db.exec(`
      CREATE TABLE catalog (
        account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('project', 'task', 'client')),
        remote_id   TEXT NOT NULL,
        name        TEXT NOT NULL,
        parent_id   TEXT,
        fetched_at  INTEGER NOT NULL,
        PRIMARY KEY (account_id, kind, remote_id)
      ) STRICT;
    `);
  },
};
