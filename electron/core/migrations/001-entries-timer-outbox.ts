import type { Migration } from './types';

/**
 * Entries, the running timer and the outbox. Instants are INTEGER epoch milliseconds (UTC); the
 * IANA zone in force at start and at stop is kept beside them so a later view can tell what the
 * user's wall clock said.
 */
export const m001: Migration = {
  version: 1,
  name: 'entries, running timer, outbox',
  up(db) {
    db.exec(`
      CREATE TABLE entries (
        id           TEXT PRIMARY KEY,
        description  TEXT NOT NULL DEFAULT '',
        start_at     INTEGER NOT NULL,
        end_at       INTEGER NOT NULL,
        start_tz     TEXT NOT NULL,
        end_tz       TEXT NOT NULL,
        project_id   TEXT,
        task_id      TEXT,
        client_id    TEXT,
        tags         TEXT NOT NULL DEFAULT '[]',
        billable     INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1)),
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        CHECK (end_at > start_at)
      ) STRICT;
      CREATE INDEX entries_start ON entries(start_at);
      CREATE INDEX entries_end ON entries(end_at);

      -- At most one running timer; its entry id is chosen at start so a crash mid-stop can
      -- never produce two entries for one timer.
      CREATE TABLE running_timer (
        slot         INTEGER PRIMARY KEY CHECK (slot = 1),
        entry_id     TEXT NOT NULL,
        description  TEXT NOT NULL DEFAULT '',
        start_at     INTEGER NOT NULL,
        start_tz     TEXT NOT NULL,
        project_id   TEXT,
        task_id      TEXT,
        client_id    TEXT,
        tags         TEXT NOT NULL DEFAULT '[]',
        billable     INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1))
      ) STRICT;

      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id        TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        op              TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
        payload         TEXT NOT NULL,
        created_at      INTEGER NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        lease_until     INTEGER,
        last_error      TEXT
      ) STRICT;
      CREATE INDEX outbox_entry ON outbox(entry_id);
    `);
  },
};
