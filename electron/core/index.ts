/**
 * The composition of the core services over one database file. The Electron main process, the
 * CLI, the browser host and the tests all build their core through here.
 */
import { join } from 'node:path';
import { createAccounts } from './accounts';
import { createCatalog } from './catalog';
import { systemClock, systemZone, type Clock } from './clock';
import { DB_FILE_NAME } from './data-dir';
import { openDatabase, type Database, type OpenOptions } from './db';
import { createEntries } from './entries';
import { createHistory } from './history';
import { createOutbox } from './outbox';
import { createQueue } from './queue';
import { createSettings } from './settings';
import { createTimer } from './timer';

export interface CoreOptions extends OpenOptions {
  dataDir: string;
  clock?: Clock;
  /** Overrides both the system zone and the `timezone` setting (tests). */
  zone?: string;
}

export function openCore(options: CoreOptions) {
  const db: Database = openDatabase(join(options.dataDir, DB_FILE_NAME), options);
  const clock = options.clock ?? systemClock;
  const settings = createSettings(db);
  const zone = () => options.zone ?? settings.get('timezone') ?? systemZone();
  const accounts = createAccounts(db, () => clock.now());
  const outbox = createOutbox(db);
  const entries = createEntries({ db, clock, zone, outbox, accounts, settings });
  const timer = createTimer({ db, clock, zone, entries, accounts, settings });
  // Built on first use: a CLI command touches one or two services, and preparing every
  // statement of the others was a tenth of a whole `timetray status` (profiled).
  let queue: ReturnType<typeof createQueue> | undefined;
  let history: ReturnType<typeof createHistory> | undefined;
  let catalog: ReturnType<typeof createCatalog> | undefined;
  return {
    db,
    clock,
    zone,
    settings,
    accounts,
    outbox,
    entries,
    timer,
    get queue() {
      return (queue ??= createQueue(db));
    },
    get history() {
      return (history ??= createHistory(db));
    },
    get catalog() {
      return (catalog ??= createCatalog(db));
    },
    close: () => db.close(),
  };
}

export type Core = ReturnType<typeof openCore>;
