/**
 * Everything a long-running Timetray process holds: the core, the sync worker, the desk
 * (reminders, pomodoro), idle detection and the bridge's receiving side wired together. The
 * Electron main process and the browser host both start exactly this, so the window sees the same
 * behaviour in either; only the signals differ (powerMonitor in Electron, test hooks in the host).
 */
import type { AppInfo } from '../../shared/bridge';
import type { Account } from '../../shared/entry';
import type { IdlePrompt, IdleSignal } from '../../shared/idle';
import { createAppApi } from './app-api';
import { openCore, type CoreOptions } from '.';
import { createDesk } from './desk';
import { createIdleMonitor } from './idle-monitor';
import { tokenResolver, type SecretStore } from './secrets';
import { createSyncEngine } from './sync/engine';
import type { FetchLike } from './sync/http';
import { createSyncWorker } from './sync/worker';
import { touchWatch, watchOutbox } from './watch';

export interface RuntimeOptions extends CoreOptions {
  host: 'electron' | 'browser';
  version: string;
  fetch: FetchLike;
  /** Where typed-in tokens are kept; tokens also come from each account's token_env. */
  secrets?: SecretStore | null;
  secretStorage?: AppInfo['secret_storage'];
  /** Overrides where tokens come from (tests). */
  tokenFor?(account: Account): string | null;
  /** false: no background sync (tests of the window alone). */
  sync?: boolean;
  watchMs?: number;
  /**
   * How often reminders and pomodoro are checked; by default every 20 s while a pomodoro runs and
   * otherwise once a minute on the minute (an idle tray app wakes as little as it can).
   */
  deskTickMs?: number;
}

export function startAppRuntime(o: RuntimeOptions) {
  const core = openCore(o);
  const tokenFor = o.tokenFor ?? tokenResolver(process.env, o.secrets ?? null);
  const engine = createSyncEngine({ core, fetch: o.fetch, tokenFor, openOptions: { nativeBinding: o.nativeBinding } });
  let api: ReturnType<typeof createAppApi> | null = null;
  const worker = o.sync === false ? null : createSyncWorker({
    engine, accounts: () => core.accounts.list(), counts: engine.counts, nextDue: engine.nextDue,
    resetBackoff: engine.resetBackoff, now: () => core.clock.now(),
    onStatus: (status) => api?.emit({ kind: 'sync', status }),
  });
  const desk = createDesk({
    core,
    remind: (message) => api?.emit({ kind: 'reminder', message }),
    onPomodoro: (status) => api?.emit({ kind: 'pomodoro', status }),
  });
  const idle = createIdleMonitor({ core });
  api = createAppApi({
    core, host: o.host, version: o.version, worker, engine, desk, idle, secrets: o.secrets ?? null,
    secretStorage: o.secretStorage ?? (o.secrets ? 'encrypted' : 'none'), fetch: o.fetch, tokenFor, watchMs: o.watchMs,
  });
  // A window's call means someone is looking: changes by other processes show within the short poll.
  const dispatch = api.dispatch.bind(api);
  api.dispatch = async (method, args) => {
    touchWatch(core.db);
    const r = await dispatch(method, args);
    // A pomodoro just started: its phases are timed to 20 s, not to the next minute.
    if (!deskFast && desk.pomodoro.status()) scheduleDesk();
    return r;
  };
  worker?.start();
  // The CLI writes through its own connection: its entries go now, not at the worker's next poll.
  const unwatchOutbox = worker ? watchOutbox(core.db, () => worker.nudge(), o.watchMs) : null;
  const nextDeskTick = () => {
    if (o.deskTickMs !== undefined) return o.deskTickMs;
    if (desk.pomodoro.status()) return 20_000;
    const now = Date.now();
    return 60_000 - (now % 60_000);
  };
  let deskTimer: ReturnType<typeof setTimeout> | undefined;
  let deskFast = false;
  const scheduleDesk = () => {
    clearTimeout(deskTimer);
    deskFast = o.deskTickMs !== undefined || !!desk.pomodoro.status();
    deskTimer = setTimeout(deskTick, nextDeskTick());
    deskTimer.unref();
  };
  const deskTick = () => {
    try {
      desk.tick();
    } catch (e) {
      api?.emit({ kind: 'notice', message: `Reminder check failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    scheduleDesk();
  };
  scheduleDesk();
  return {
    core,
    api,
    worker,
    desk,
    /** Feeds one idle/power observation; a return after being away raises the idle question. */
    idleSignal(signal: IdleSignal): IdlePrompt | null {
      const prompt = idle.signal(signal);
      if (prompt) api?.emit({ kind: 'idle', prompt });
      return prompt;
    },
    async close() {
      clearTimeout(deskTimer);
      unwatchOutbox?.();
      worker?.stop();
      await worker?.idle();
      api?.close();
      engine.close();
      core.close();
    },
  };
}

export type AppRuntime = ReturnType<typeof startAppRuntime>;
