/**
 * The bridge's receiving side, shared by Electron's IPC handlers and the browser host: one method
 * table over the core services, each call's arguments checked first (bridge-schemas.ts), every
 * answer an Envelope so errors keep their fields across the wire. Writes are committed by the
 * core before this returns, and announced to every subscriber.
 */
import type { AppInfo, BridgeMethod, ChangeEvent, Envelope, Settings, SyncStatus } from '../../shared/bridge';
import { toWireError } from '../../shared/bridge';
import { checkArgs, isBridgeMethod } from '../../shared/bridge-schemas';
import type { Entry } from '../../shared/entry';
import type { EntryInput, EntryPatch, TimerInput } from '../../shared/schemas';
import type { Account } from '../../shared/entry';
import type { Core } from '.';
import { accountHandlers } from './api/account-calls';
import { deskHandlers } from './api/desk-calls';
import { entryViews } from './entry-views';
import { restoreHistoryItem } from './history';
import type { Desk } from './desk';
import type { IdleMonitor } from './idle-monitor';
import type { SecretStore } from './secrets';
import type { SyncEngine } from './sync/engine';
import type { FetchLike } from './sync/http';
import type { SyncWorker } from './sync/worker';
import { sameWork } from './timer';
import { watchDataVersion } from './watch';

export interface AppApiOptions {
  core: Core;
  host: AppInfo['host'];
  version: string;
  worker?: SyncWorker | null;
  engine?: SyncEngine | null;
  desk?: Desk | null;
  idle?: IdleMonitor | null;
  /** Where typed-in tokens go; null: nowhere (the CLI's env variables only). */
  secrets?: SecretStore | null;
  secretStorage?: AppInfo['secret_storage'];
  fetch?: FetchLike | null;
  tokenFor?: (account: Account) => string | null;
  /** How often to look for other processes' commits. */
  watchMs?: number;
}

export function createAppApi(o: AppApiOptions) {
  const { core } = o;
  const listeners = new Set<(e: ChangeEvent) => void>();
  const emit = (e: ChangeEvent) => {
    for (const l of listeners) l(e);
  };
  const wrote = <T>(value: T): T => {
    emit({ kind: 'data' });
    o.worker?.nudge();
    return value;
  };
  /** A switch after the clock was set back stopped the old timer one second long: every window hears it. */
  const told = <T extends { notice?: string }>(r: T): T => {
    if (r.notice) emit({ kind: 'notice', message: r.notice });
    return r;
  };
  const syncStatus = (): SyncStatus =>
    o.worker?.status() ?? {
      online: true, running: false, enabled: false,
      // Without a worker nothing is sent, but the window still says what waits and when it last went.
      accounts: core.accounts.list().map((a) => {
        const st = o.engine?.state(a.id);
        return {
          account: a.name, provider: a.provider, state: 'idle', ...(o.engine?.counts(a.id) ?? { pending: 0, attention: 0 }),
          last_success_at: st?.last_success_at ? new Date(st.last_success_at).toISOString() : null, last_error: st?.last_error ?? null,
        };
      }),
    };

  const handlers: Record<BridgeMethod, (...args: never[]) => unknown> = {
    'timer.status': () => core.timer.status(),
    'timer.start': (input: TimerInput) => wrote(told(core.timer.start(input))),
    'timer.stop': () => {
      const { entry, notice } = core.timer.stopWithNotice();
      // The tray and the shortcut stop too: the window hears of a set-back clock either way.
      if (notice) emit({ kind: 'notice', message: notice });
      return wrote(notice ? { ...entry, notice } : entry);
    },
    'timer.discard': () => wrote(core.timer.discard()),
    'entries.list': (q: { from?: string; to?: string; limit?: number }) => entryViews(core, core.entries.list(q)),
    'entries.create': (input: EntryInput) => wrote(core.entries.create(input)),
    'entries.edit': (id: string, patch: EntryPatch) => wrote(core.entries.edit(id, patch)),
    'entries.remove': (id: string) => {
      const before = core.entries.get(id);
      core.entries.remove(id);
      return wrote(before);
    },
    'entries.restore': (e: Entry) => wrote(core.entries.restore(e)),
    'entries.continue': (id: string) => {
      return wrote(told(core.timer.start(sameWork(core.entries.get(id)))));
    },
    'entries.history': (id: string) => {
      core.entries.get(id);
      return core.history.list(id);
    },
    'entries.restoreHistory': (id: string, item: number) => wrote(restoreHistoryItem(core, id, item)),
    'entries.setAccount': (ids: string[], account: string | null) => wrote(core.entries.setAccount(ids, account)),
    'entries.resend': (ids: string[]) => wrote(core.entries.resend(ids)),
    'accounts.list': () => core.accounts.list(),
    ...accountHandlers({ core, secrets: o.secrets ?? null, fetch: o.fetch ?? null, tokenFor: o.tokenFor ?? (() => null), wrote }),
    ...deskHandlers({ core, desk: o.desk ?? null, idle: o.idle ?? null, engine: o.engine ?? null, wrote: () => wrote(null), announceIdle: (prompt) => emit({ kind: 'idle', prompt }) }),
    'settings.get': () => core.settings.all(),
    'settings.set': (patch: Partial<Settings>) => {
      const s = core.settings.setMany(patch);
      emit({ kind: 'settings', settings: s });
      emit({ kind: 'data' });
      return s;
    },
    'sync.status': () => syncStatus(),
    'sync.now': async () => {
      await o.worker?.syncNow();
      return syncStatus();
    },
    'app.info': (): AppInfo => ({ zone: core.zone(), version: o.version, host: o.host, secret_storage: o.secretStorage ?? 'none' }),
  };

  const unwatch = watchDataVersion(core.db, () => emit({ kind: 'data' }), o.watchMs);

  return {
    async dispatch(method: unknown, args: unknown): Promise<Envelope> {
      if (!isBridgeMethod(method)) {
        return { ok: false, error: { name: 'ValidationError', message: 'method: not a bridge method', issues: [{ field: 'method', rule: 'is not a bridge method' }] } };
      }
      const bad = checkArgs(method, args);
      if (bad) return { ok: false, error: toWireError(bad) };
      try {
        const fn = handlers[method] as (...a: unknown[]) => unknown;
        return { ok: true, value: (await fn(...(args as unknown[]))) ?? null };
      } catch (e) {
        return { ok: false, error: toWireError(e) };
      }
    },
    subscribe(listener: (e: ChangeEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    close() {
      unwatch();
      listeners.clear();
    },
  };
}

export type AppApi = ReturnType<typeof createAppApi>;
