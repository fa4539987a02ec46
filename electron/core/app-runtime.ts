/**
 * Everything a long-running Timetray process holds: the core, the sync worker, and the bridge's
 * receiving side wired together. The Electron main process and the browser host both start
 * exactly this, so the window sees the same behaviour in either.
 */
import type { Account } from '../../shared/entry';
import { createAppApi } from './app-api';
import { openCore, type CoreOptions } from '.';
import { createSyncEngine } from './sync/engine';
import type { FetchLike } from './sync/http';
import { createSyncWorker } from './sync/worker';

export interface RuntimeOptions extends CoreOptions {
  host: 'electron' | 'browser';
  version: string;
  fetch: FetchLike;
  tokenFor(account: Account): string | null;
  /** false: no background sync (tests of the window alone). */
  sync?: boolean;
  watchMs?: number;
}

export function startAppRuntime(o: RuntimeOptions) {
  const core = openCore(o);
  const engine = createSyncEngine({ core, fetch: o.fetch, tokenFor: o.tokenFor, openOptions: { nativeBinding: o.nativeBinding } });
  let api: ReturnType<typeof createAppApi> | null = null;
  const worker = o.sync === false ? null : createSyncWorker({
    engine, accounts: () => core.accounts.list(), counts: engine.counts, nextDue: engine.nextDue,
    resetBackoff: engine.resetBackoff, now: () => core.clock.now(),
    onStatus: (status) => api?.emit({ kind: 'sync', status }),
  });
  api = createAppApi({ core, host: o.host, version: o.version, worker, watchMs: o.watchMs });
  worker?.start();
  return {
    core,
    api,
    worker,
    async close() {
      worker?.stop();
      await worker?.idle();
      api?.close();
      engine.close();
      core.close();
    },
  };
}

export type AppRuntime = ReturnType<typeof startAppRuntime>;
