/**
 * Opens the one SQLite file the app and the CLI share. WAL lets readers run beside a writer;
 * the busy timeout lets two writers (the tray app and a CLI call) take turns instead of failing;
 * synchronous=FULL because a stop the UI has confirmed must survive a power cut, not just a crash.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { dirname } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile, tightenSidecars } from './data-dir';
import { MIGRATIONS, type Migration } from './migrations';

export type { Database } from 'better-sqlite3';

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for this runtime (the Electron app passes its own). */
  nativeBinding?: string;
  /** Stop at this schema version (tests of upgrades). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  busyTimeoutMs?: number;
  /** Overrides synchronous = FULL (the sync engine's bookkeeping connection uses NORMAL). */
  synchronous?: 'NORMAL' | 'FULL';
  /** Caps this connection's page cache (better-sqlite3 builds with 16 MiB per connection). */
  cacheKiB?: number;
}

export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(
      `database schema version ${found} is newer than this Timetray understands (${known}); ` +
        'update Timetray — the file was left untouched',
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * 1 KiB pages, not SQLite's default 4 KiB: a stop writes seven pages (the entry, its id and start
 * indexes, the outbox row, its entry index, the outbox sequence, the timer's row) and each is a WAL
 * frame synced before the click returns: 29 KB per stop on 4 KiB pages, 8 KB on 1 KiB ones. Rows
 * are small (an entry ~200 bytes, an outbox row ~60); a description near its 1,024-character limit
 * overflows onto more pages, as SQLite has always handled (1 KiB was its default until 3.12). A
 * file keeps the page size it was created with: older files stay on 4 KiB.
 */
export const PAGE_SIZE = 1024;

export const PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON'] as const;

export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) {
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
  }
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Before anything writes: only a new file takes it.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    for (const p of PRAGMAS) db.pragma(p);
    // After WAL mode is on, so the SHM this connection just mapped is covered too.
    if (onDisk) tightenSidecars(file);
    if (options.synchronous) db.pragma(`synchronous = ${options.synchronous}`);
    if (options.cacheKiB) db.pragma(`cache_size = -${Math.round(options.cacheKiB)}`);
    migrate(db, options.migrations ?? MIGRATIONS, options.targetVersion);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs `fn` in one IMMEDIATE transaction: the write lock is taken at BEGIN, so two processes
 * writing the same file wait for each other instead of failing midway on SQLITE_BUSY.
 */
export function immediate<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Brings the schema to `target` one step at a time, each step in its own IMMEDIATE transaction so
 * a second process opening the same file at the same moment waits and then sees the new version.
 */
export function migrate(db: Database, migrations: readonly Migration[], target?: number): void {
  const known = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const goal = target ?? known;
  const current = schemaVersion(db);
  if (current > known) throw new SchemaTooNewError(current, known);
  if (current >= goal) return;
  for (const m of migrations) {
    if (m.version > goal) break;
    db.transaction(() => {
      // Re-read inside the lock: another process may have run this step meanwhile.
      if (schemaVersion(db) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
