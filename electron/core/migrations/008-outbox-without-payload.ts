import type { Migration } from './types';

/**
 * The outbox row's copy of the entry's fields goes (issue 15: the click). Nothing ever read it: a
 * push sends the entry's fields as they are when it leaves (each entry lands with its last
 * fields), so the copy was ~300 bytes serialized, bound and synced on every stop and edit for
 * nothing, and it made coalescing rewrite the row on every edit.
 */
export const m008: Migration = {
  version: 8,
  name: 'outbox rows without a copy of the entry',
  up(db) {
    db.exec('ALTER TABLE outbox DROP COLUMN payload');
  },
};
