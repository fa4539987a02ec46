/**
 * Notices commits made by other connections (the CLI, a second process) without touching the
 * files: SQLite's `PRAGMA data_version` changes exactly when another connection has committed.
 *
 * One poll per connection, however many watch it (the window's change events and the worker's
 * wake-up share it). A tray app runs all day, so the poll backs off when nothing happens: at the
 * interval asked for while something changed or someone used the window (`touch`) in the last
 * `quietAfterMs`, then doubling per quiet poll up to a minute, the long waits ending on minute
 * boundaries so they coincide with the tray's minute tick instead of adding wake-ups of their own.
 */
import type { Database } from './db';

/** How long after the last change or touch the poll keeps its short interval. */
export const QUIET_AFTER_MS = 10_000;
/** The longest wait between two polls once idle. */
export const IDLE_POLL_MS = 60_000;

interface Poller {
  listeners: Map<() => void, number>;
  seen: unknown;
  lastActive: number;
  wait: number;
  timer: ReturnType<typeof setTimeout> | null;
  read: () => unknown;
}

const pollers = new WeakMap<Database, Poller>();

function fastest(p: Poller): number {
  return Math.min(...p.listeners.values());
}

function schedule(db: Database, p: Poller): void {
  if (p.timer) clearTimeout(p.timer);
  const now = Date.now();
  let ms = p.wait;
  // Past a few seconds the exact instant does not matter: end the wait on a minute boundary.
  if (ms >= 15_000) ms = Math.max(1000, 60_000 - (now % 60_000));
  p.timer = setTimeout(() => poll(db, p), ms);
  p.timer.unref?.();
}

function poll(db: Database, p: Poller): void {
  p.timer = null;
  if (!db.open || p.listeners.size === 0) return;
  const v = p.read();
  const now = Date.now();
  if (v !== p.seen) {
    p.seen = v;
    p.lastActive = now;
    for (const l of [...p.listeners.keys()]) l();
  }
  const base = fastest(p);
  p.wait = now - p.lastActive < QUIET_AFTER_MS ? base : Math.min(Math.max(base, IDLE_POLL_MS), p.wait * 2);
  schedule(db, p);
}

/** Someone is using the app (a window's call): poll at the short interval again, now. */
export function touchWatch(db: Database): void {
  const p = pollers.get(db);
  if (!p) return;
  p.lastActive = Date.now();
  if (p.wait > fastest(p)) {
    p.wait = fastest(p);
    schedule(db, p);
  }
}

export function watchDataVersion(db: Database, onChange: () => void, intervalMs = 250): () => void {
  let p = pollers.get(db);
  if (!p) {
    // Prepared once: db.pragma() would compile the statement again on every poll.
    const stmt = db.prepare('PRAGMA data_version').pluck();
    p = { listeners: new Map(), seen: null, lastActive: Date.now(), wait: intervalMs, timer: null, read: () => stmt.get() };
    p.seen = p.read();
    pollers.set(db, p);
  }
  const poller = p;
  if (poller.listeners.size === 0) poller.seen = poller.read();
  // The same function twice is two watches: wrap it so each unwatch removes its own.
  const listener = () => onChange();
  poller.listeners.set(listener, intervalMs);
  poller.lastActive = Date.now();
  poller.wait = fastest(poller);
  schedule(db, poller);
  return () => {
    poller.listeners.delete(listener);
    if (poller.listeners.size === 0 && poller.timer) {
      clearTimeout(poller.timer);
      poller.timer = null;
    }
  };
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
