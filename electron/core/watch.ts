/**
 * Notices commits made by other connections (the CLI, a second process) without touching the
 * files: SQLite's `PRAGMA data_version` changes exactly when another connection has committed.
 */
import type { Database } from './db';

export function watchDataVersion(db: Database, onChange: () => void, intervalMs = 250): () => void {
  let seen = db.pragma('data_version', { simple: true });
  const timer = setInterval(() => {
    const now = db.pragma('data_version', { simple: true });
    if (now !== seen) {
      seen = now;
      onChange();
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

/**
 * Calls `onQueued` when another connection added an outbox row (the CLI stopped a timer, added or
 * edited an entry): the app's worker then sends it now, not at its next poll. The outbox id is
 * AUTOINCREMENT, so its sequence moves exactly on inserts; the sync engine's own commits (acks,
 * retries, pulls) change data_version but add no row, so they never wake the worker in a loop.
 */
export function watchOutbox(db: Database, onQueued: () => void, intervalMs = 250): () => void {
  const seq = db.prepare<[], { n: number }>("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0) AS n");
  let seen = seq.get()!.n;
  return watchDataVersion(db, () => {
    const n = seq.get()!.n;
    if (n === seen) return;
    seen = n;
    onQueued();
  }, intervalMs);
}
