/**
 * `entries.remote_id` is a cache of the entry's remote_refs, their remote ids joined by commas in
 * piece order (what lists and the CLI show); remote_refs is the truth. Whatever changes an entry's
 * refs rewrites the cache from them with this one statement, in the same transaction.
 */
import type { Database } from 'better-sqlite3';

export function remoteIdRefresher(db: Database): (entryId: string) => void {
  const refresh = db.prepare(`
    UPDATE entries SET remote_id = (SELECT group_concat(remote_id, ',') FROM
      (SELECT remote_id FROM remote_refs WHERE entry_id = @id ORDER BY piece)) WHERE id = @id`);
  return (entryId) => {
    refresh.run({ id: entryId });
  };
}
