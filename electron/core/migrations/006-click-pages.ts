import type { Migration } from './types';

/**
 * Fewer index pages on the click (issue 15: stop ≤ 1.3× a bare INSERT). Every index a stop's rows
 * touch is one more WAL page written and synced. `entries_end` served no query (the day list
 * bounds `start_at` on both sides and filters `end_at` in the rows it reads); `outbox_due` is only
 * asked for rows with a retry time, which a fresh change never has, so it holds just those.
 */
export const m006: Migration = {
  version: 6,
  name: 'indexes the click no longer writes',
  up(db) {
    db.exec(`
      DROP INDEX entries_end;
      DROP INDEX outbox_due;
      CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE next_attempt_at IS NOT NULL;
    `);
  },
};
