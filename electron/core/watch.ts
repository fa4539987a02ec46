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
