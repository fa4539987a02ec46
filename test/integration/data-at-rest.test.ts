/**
 * The data folder holds every entry and the accounts: other users of the machine must not read it.
 * Judged by the modes on disk after a real write, from a fresh folder and from one an older
 * Timetray left readable to all.
 */
import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { DB_FILE_NAME } from '../../electron/core/data-dir';
import { cli } from '../helpers/cli';
import { manualClock, tempDir } from '../helpers/temp';

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
const posix = process.platform !== 'win32';

let cleanup: () => void = () => {};
let core: Core | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
  cleanup();
});

function fresh(): string {
  const t = tempDir('timetray-modes-');
  cleanup = t.cleanup;
  return join(t.dir, 'nested', 'Timetray');
}

function addEntry(c: Core) {
  c.entries.create({ description: 'private', start: '2026-01-15T09:00:00Z', end: '2026-01-15T10:00:00Z' });
}

describe.runIf(posix)('data at rest', () => {
  it('a fresh folder is 0700 and the database, WAL and SHM files 0600 after a write', () => {
    const dir = fresh();
    const old = process.umask(0o022);
    try {
      core = openCore({ dataDir: dir, clock: manualClock('2026-01-15T12:00:00Z'), zone: 'Europe/Amsterdam' });
      addEntry(core);
    } finally {
      process.umask(old);
    }
    const db = join(dir, DB_FILE_NAME);
    expect(existsSync(`${db}-wal`) && existsSync(`${db}-shm`)).toBe(true);
    expect({ dir: mode(dir), db: mode(db), wal: mode(`${db}-wal`), shm: mode(`${db}-shm`) }).toEqual({ dir: '700', db: '600', wal: '600', shm: '600' });
  });

  it('the real CLI makes a fresh folder 0700 and its database 0600', () => {
    const dir = fresh();
    const r = cli(dir, ['add', 'private', '--start', '2026-01-15T09:00:00Z', '--end', '2026-01-15T10:00:00Z']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect({ dir: mode(dir), db: mode(join(dir, DB_FILE_NAME)) }).toEqual({ dir: '700', db: '600' });
  });

  it('a folder and files left readable to all are tightened when opened, WAL and SHM included', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const db = join(dir, DB_FILE_NAME);
    // An older Timetray's files, with a reader still holding the WAL and SHM open.
    const holder = new BetterSqlite3(db);
    try {
      holder.pragma('journal_mode = WAL');
      holder.exec('CREATE TABLE before_us (x); INSERT INTO before_us VALUES (1)');
      for (const p of [db, `${db}-wal`, `${db}-shm`]) chmodSync(p, 0o644);
      chmodSync(dir, 0o755);
      core = openCore({ dataDir: dir, clock: manualClock('2026-01-15T12:00:00Z'), zone: 'Europe/Amsterdam' });
      addEntry(core);
      expect({ dir: mode(dir), db: mode(db), wal: mode(`${db}-wal`), shm: mode(`${db}-shm`) }).toEqual({ dir: '700', db: '600', wal: '600', shm: '600' });
      expect(core.entries.list({}).map((e) => e.description)).toEqual(['private']);
    } finally {
      holder.close();
    }
  });
});
