/** The bridge calls for reports, the idle question, pomodoro, and the pickers' cached lists. */
import type { CatalogRefresh, IdleResolution, PomodoroStatus } from '../../../shared/bridge';
import type { CatalogEntry } from '../../../shared/catalog';
import type { IdleChoice, IdlePrompt } from '../../../shared/idle';
import type { Report, ReportQuery } from '../../../shared/report';
import type { Core } from '..';
import type { Desk } from '../desk';
import type { IdleMonitor } from '../idle-monitor';
import { reportCsv, reportFor } from '../reports';
import type { SyncEngine } from '../sync/engine';

export interface DeskHandlerDeps {
  core: Core;
  desk: Desk | null;
  idle: IdleMonitor | null;
  engine: SyncEngine | null;
  /** Called after a change the window must re-read (an idle decision rewrote entries). */
  wrote(): void;
  /** Tells every window the idle question is answered (or what the next one is). */
  announceIdle(prompt: IdlePrompt | null): void;
}

export function deskHandlers(d: DeskHandlerDeps) {
  const { core } = d;
  return {
    'reports.get': (q: ReportQuery): Report => reportFor(core, q),
    'reports.csv': (q: ReportQuery): string => reportCsv(reportFor(core, q)),
    'catalog.list': (account?: string): CatalogEntry[] => core.catalog.list(account),
    'catalog.refresh': async (account: string): Promise<CatalogRefresh> => {
      core.accounts.byName(account);
      if (!d.engine) return { ok: false, count: 0, error: 'Sync is off in this process' };
      return d.engine.refreshCatalog(account);
    },
    'idle.pending': (): IdlePrompt | null => d.idle?.pending() ?? null,
    'idle.resolve': (promptId: string, choice: IdleChoice): IdleResolution => {
      if (!d.idle) throw new Error('Idle detection is not running in this process');
      const r = d.idle.resolve(promptId, choice);
      d.wrote();
      d.announceIdle(d.idle.pending());
      return r;
    },
    'pomodoro.status': (): PomodoroStatus | null => d.desk?.pomodoro.status() ?? null,
    'pomodoro.start': (): PomodoroStatus | null => {
      const s = d.desk?.pomodoro.start() ?? null;
      d.wrote();
      return s;
    },
    'pomodoro.stop': (): null => d.desk?.pomodoro.stop() ?? null,
  };
}
