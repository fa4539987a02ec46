import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SchemaTooNewError, schemaVersion } from '../../electron/core/db';
import { openCore } from '../../electron/core';
import { DB_FILE_NAME } from '../../electron/core/data-dir';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/migrations';
import { tempDir } from '../helpers/temp';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));
function fresh() {
  const d = tempDir();
  dirs.push(d);
  return { dir: d.dir, file: join(d.dir, DB_FILE_NAME) };
}

function schemaOf(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[])
      .map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`);
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('numbers steps 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('builds the whole schema on an empty file, with the pragmas set', () => {
    const { file } = fresh();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    db.close();
  });

  it('upgrades a version-1 database and keeps its data', () => {
    const { dir, file } = fresh();
    const v1 = openDatabase(file, { targetVersion: 1 });
    expect(schemaVersion(v1)).toBe(1);
    v1.prepare(
      `INSERT INTO entries (id, description, start_at, end_at, start_tz, end_tz, tags, billable, created_at, updated_at)
       VALUES ('01JAAAAAAAAAAAAAAAAAAAAAAA', 'old work', ?, ?, 'UTC', 'UTC', '["x"]', 1, 0, 0)`,
    ).run(Date.UTC(2025, 5, 1, 9), Date.UTC(2025, 5, 1, 10));
    v1.close();

    const core = openCore({ dataDir: dir, zone: 'UTC' });
    try {
      expect(schemaVersion(core.db)).toBe(SCHEMA_VERSION);
      expect(core.entries.list()).toEqual([
        expect.objectContaining({ description: 'old work', tags: ['x'], account: null, sync: { state: 'local', remote_id: null, error: null, kind: null } }),
      ]);
    } finally {
      core.close();
    }
  });

  it('dropping the outbox payload (8) keeps every queued change, and the worker still sees them owed', () => {
    const { dir, file } = fresh();
    const v7 = openDatabase(file, { targetVersion: 7 });
    v7.prepare("INSERT INTO accounts (id, name, provider, base_url, created_at) VALUES ('acc', 'work', 'voltasis', 'https://x.test', 0)").run();
    const insert = v7.prepare(
      `INSERT INTO entries (id, description, start_at, end_at, start_tz, end_tz, tags, billable, account_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'UTC', 'UTC', '[]', 1, 'acc', 0, 0)`,
    );
    insert.run('01JAAAAAAAAAAAAAAAAAAAAAAA', 'queued work', Date.UTC(2025, 5, 1, 9), Date.UTC(2025, 5, 1, 10));
    insert.run('01JBBBBBBBBBBBBBBBBBBBBBBB', 'tried work', Date.UTC(2025, 5, 2, 9), Date.UTC(2025, 5, 2, 10));
    v7.prepare("INSERT INTO outbox (entry_id, op, payload, created_at, attempts, last_error) VALUES (?, ?, '{\"description\":\"x\"}', ?, ?, ?)")
      .run('01JAAAAAAAAAAAAAAAAAAAAAAA', 'create', 5, 0, null);
    v7.prepare("INSERT INTO outbox (entry_id, op, payload, created_at, attempts, last_error) VALUES (?, ?, '{}', ?, ?, ?)")
      .run('01JBBBBBBBBBBBBBBBBBBBBBBB', 'update', 6, 2, 'HTTP 503');
    v7.close();

    const core = openCore({ dataDir: dir, zone: 'UTC' });
    try {
      expect(core.queue.report().queued.map((q) => [q.entry_id, q.op, q.attempts, q.last_error])).toEqual([
        ['01JAAAAAAAAAAAAAAAAAAAAAAA', 'create', 0, null],
        ['01JBBBBBBBBBBBBBBBBBBBBBBB', 'update', 2, 'HTTP 503'],
      ]);
      expect(core.entries.list().map((e) => [e.description, e.sync.state])).toEqual([['tried work', 'pending'], ['queued work', 'pending']]);
    } finally {
      core.close();
    }
  });

  it('an upgraded database has exactly the schema of a new one', () => {
    const a = fresh();
    openDatabase(a.file, { targetVersion: 1 }).close();
    openDatabase(a.file).close();
    const b = fresh();
    openDatabase(b.file).close();
    expect(schemaOf(a.file)).toEqual(schemaOf(b.file));
  });

  it('refuses a database from a newer Timetray and leaves it untouched', () => {
    const { file } = fresh();
    openDatabase(file).close();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer than this Timetray understands.*update Timetray/);
    const check = new BetterSqlite3(file);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5);
    check.close();
  });

  it('a failing step rolls back entirely and keeps the old version', () => {
    const { file } = fresh();
    const broken = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, name: 'broken', up: (db: import('better-sqlite3').Database) => { db.exec('CREATE TABLE half (x)'); db.exec('THIS IS NOT SQL'); } },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('matches the schema snapshot (a change here needs a new migration, not an edit)', () => {
    const { file } = fresh();
    openDatabase(file).close();
    expect(schemaOf(file)).toMatchSnapshot();
  });
});
