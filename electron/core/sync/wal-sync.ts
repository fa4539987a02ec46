/**
 * Makes a relaxed commit durable without blocking the event loop. In WAL mode a commit is frames
 * appended to the -wal file; synchronous = FULL fsyncs that file at COMMIT, on the calling (main)
 * thread — up to 150 ms a lease on a busy disk, every hundred entries of a drain. The same fsync,
 * asked of the -wal file from libuv's thread pool after a NORMAL commit, makes the same frames
 * durable while the event loop runs on; the caller sends nothing until it resolves. SQLite keeps
 * its locks on the database and -shm files, never on -wal, so our own descriptor on it is safe to
 * open and close.
 *
 * A connection not in WAL mode, in memory, or already at FULL or above has nothing to add here:
 * `relaxed` is false and the caller commits at FULL as before.
 */
import { open } from 'node:fs/promises';
import type { Database } from 'better-sqlite3';

export interface WalSync {
  /** True when commits on this connection skip the fsync and `flush` must follow them. */
  readonly relaxed: boolean;
  /** Every frame committed so far is on the disk when this resolves. */
  flush(): Promise<void>;
}

export function walSync(db: Database): WalSync {
  const wal = !db.memory && String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
  const level = Number(db.pragma('synchronous', { simple: true }));
  const relaxed = wal && level < 2;
  const file = `${db.name}-wal`;
  return {
    relaxed,
    async flush() {
      if (!relaxed) return;
      const fh = await open(file, 'r');
      try {
        await fh.datasync();
      } finally {
        await fh.close();
      }
    },
  };
}
