/**
 * The sync worker the app runs: one pass at a time, started by a local write (nudge), by the
 * network coming back, by a timer (the next due retry, or a slow poll for remote changes), or by
 * "Sync now". It never spins: between passes it sleeps until the earliest of those.
 *
 * Connectivity: a pass that gets no answer marks the account offline; while offline the worker
 * only probes, with backoff. The app feeds Electron's online/offline events in through
 * `setOnline`; coming online resets every backoff (lessons.md: "backoff exhausted").
 *
 * The pickers' lists: after a pass, each account whose pass went well has its projects, tasks and
 * clients fetched if they are more than 6 hours old (engine.refreshCatalogIfDue). That runs beside
 * the passes, never inside one, so a slow list never holds back a push; while it runs the status
 * says `running`, so the window re-reads the lists when it ends.
 */
import type { Account } from '../../../shared/entry';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { AccountReport, SyncEngine, SyncReport } from './engine';

export interface AccountStatus {
  account: string;
  provider: string;
  state: AccountReport['state'] | 'idle';
  pending: number;
  attention: number;
  last_success_at: string | null;
  last_error: string | null;
  held_until: string | null;
  note: string | null;
}

export interface WorkerStatus {
  online: boolean;
  running: boolean;
  accounts: AccountStatus[];
}

export interface WorkerOptions {
  engine: SyncEngine;
  accounts: () => Account[];
  counts: (accountId: string) => { pending: number; attention: number };
  /** Earliest next_attempt_at among queued rows, or null. */
  nextDue: () => number | null;
  resetBackoff: () => void;
  now: () => number;
  /** How often to pull when nothing else happens. */
  pollMs?: number;
  backoff?: BackoffPolicy;
  onStatus?: (s: WorkerStatus) => void;
}

export function createSyncWorker(o: WorkerOptions) {
  const pollMs = o.pollMs ?? 5 * 60_000;
  let online = true;
  let stopped = true;
  let running = false;
  let again = false;
  /** "Sync now" callers waiting for the pass queued behind a running one. */
  let waiting: (() => void)[] = [];
  let forced = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let offlineStreak = 0;
  let last: SyncReport | null = null;
  let catalogs: Promise<void> | null = null;

  const status = (): WorkerStatus => ({
    online,
    running: running || catalogs !== null,
    accounts: o.accounts().map((a) => {
      const st = o.engine.state(a.id);
      const c = o.counts(a.id);
      const r = last?.accounts.find((x) => x.account === a.name);
      // A hold set by another process (the CLI got the 429) shows here too: it is on the file.
      const held = o.engine.heldUntil(a.id);
      const state = held !== null ? 'held' : st.paused_reason ? 'paused' : st.offline_since ? 'offline' : r?.state === 'held' ? 'idle' : r?.state ?? 'idle';
      return {
        account: a.name, provider: a.provider, state,
        pending: c.pending, attention: c.attention,
        last_success_at: st.last_success_at ? new Date(st.last_success_at).toISOString() : null,
        last_error: state === 'skipped' ? r?.error ?? st.last_error : st.last_error,
        held_until: held === null ? null : new Date(held).toISOString(),
        note: held === null ? (r?.state === 'held' ? null : r?.note ?? null) : r?.held_until === held ? r.note : `held until ${new Date(held).toISOString()}: the server asked to wait`,
      };
    }),
  });
  const emit = () => o.onStatus?.(status());

  function schedule(ms: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void pass(), Math.max(0, ms));
    (timer as { unref?: () => void }).unref?.();
  }

  /** Background: the due lists of the accounts this pass served well, one account at a time. */
  function refreshCatalogs(report: SyncReport) {
    if (catalogs || stopped) return;
    const due = report.accounts.filter((a) => {
      try {
        return a.state === 'ok' && !a.error && o.engine.catalogDue(a.account);
      } catch {
        return false;
      }
    }).map((a) => a.account);
    if (!due.length) return;
    catalogs = (async () => {
      for (const name of due) {
        if (stopped) break;
        try {
          await o.engine.refreshCatalogIfDue(name);
        } catch {
          // An account removed meanwhile, or a closed database at shutdown: a later pass retries.
        }
      }
    })().finally(() => {
      catalogs = null;
      emit();
    });
    emit();
  }

  async function pass(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (!online && !forced) return;
    running = true;
    const force = forced;
    forced = false;
    emit();
    try {
      last = await o.engine.syncAll(force);
      const offline = last.accounts.some((a) => a.state === 'offline');
      offlineStreak = offline ? offlineStreak + 1 : 0;
      refreshCatalogs(last);
    } catch {
      offlineStreak++;
    } finally {
      running = false;
    }
    emit();
    if (again) {
      again = false;
      const answered = waiting;
      waiting = [];
      await pass();
      for (const done of answered) done();
      return;
    }
    const due = o.nextDue();
    const untilDue = due === null ? pollMs : Math.max(0, due - o.now());
    const probe = offlineStreak ? backoffDelay(offlineStreak, o.backoff ?? DEFAULT_BACKOFF) : pollMs;
    schedule(Math.min(untilDue, probe, pollMs));
  }

  return {
    start() {
      stopped = false;
      schedule(0);
    },
    stop() {
      stopped = true;
      for (const done of waiting.splice(0)) done();
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** A local write happened: push it soon. */
    nudge() {
      schedule(0);
    },
    /** "Sync now": ignores pauses, offline marks and backoff. */
    syncNow(): Promise<void> {
      forced = true;
      o.resetBackoff();
      if (!running || stopped) return pass();
      // A pass is under way (maybe stuck on a slow request): answer when the forced one behind it
      // has run, not at once with the state from before.
      again = true;
      return new Promise((resolve) => waiting.push(resolve));
    },
    /** Electron's online/offline events (or the OS's network change). */
    setOnline(value: boolean) {
      const was = online;
      online = value;
      if (value && !was) {
        offlineStreak = 0;
        o.resetBackoff();
        schedule(0);
      }
      emit();
    },
    status,
    /**
     * Waits until no pass is running (tests, shutdown), nor a background list refresh unless the
     * worker is stopped: at shutdown that refresh is dropped (its answer is not needed, and an
     * unresponsive server must not hold up quitting; its failure is caught).
     */
    async idle(): Promise<void> {
      while (running || (catalogs && !stopped)) {
        if (catalogs && !running) await catalogs;
        else await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

export type SyncWorker = ReturnType<typeof createSyncWorker>;
