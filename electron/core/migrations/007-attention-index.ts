import type { Migration } from './types';

/**
 * One index page fewer on every stop and create (issue 15: the click). `entries_account` was asked
 * only how many of an account's entries need attention (a sync status, often) and, rarely, what
 * removing an account keeps or drops (a scan there costs a moment once). Entries needing
 * attention are few, so an index of just those answers the frequent question and a new entry,
 * which never needs attention yet, writes nothing to it.
 */
export const m007: Migration = {
  version: 7,
  name: 'an index of entries needing attention instead of one per account',
  up(db) {
    db.exec(`
      DROP INDEX entries_account;
      CREATE INDEX entries_attention ON entries(account_id) WHERE sync_error IS NOT NULL;
    `);
  },
};
