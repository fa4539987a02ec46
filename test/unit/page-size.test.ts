/**
 * The file's page size (1 KiB for new files, fewer bytes synced per click): what the user stores
 * reads back the same on it, long descriptions included, and a file made with SQLite's default
 * 4 KiB pages by an older Timetray keeps them and keeps working.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { DB_FILE_NAME } from '../../electron/core/data-dir';
import { tempDir } from '../helpers/temp';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));
function fresh() {
  const d = tempDir();
  dirs.push(d);
  return d.dir;
}

// 1,024 characters of three UTF-8 bytes each: the longest description, on three overflow pages.
const LONG = '€'.repeat(1024);
// As many tags as allowed, each as long as allowed: the entry row itself spills past one page.
const TAGS = Array.from({ length: 32 }, (_, i) => `${i}`.padEnd(64, 'é'));
let t = Date.parse('2024-03-04T09:00:00Z');
const open = (dataDir: string) => openCore({ dataDir, zone: 'Europe/Amsterdam', clock: { now: () => t } });

function stopOne(dataDir: string, description: string) {
  const core = open(dataDir);
  try {
    core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'http://127.0.0.1:9', is_default: true });
    core.timer.start({ description, tags: TAGS });
    t += 25 * 60_000;
    return core.timer.stop();
  } finally {
    core.close();
  }
}

function pageSize(dataDir: string) {
  const db = new BetterSqlite3(join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    return db.pragma('page_size', { simple: true });
  } finally {
    db.close();
  }
}

describe('page size', () => {
  it('a new file has 1 KiB pages, and the longest description reads back as typed, queued once', () => {
    const dir = fresh();
    const stopped = stopOne(dir, LONG);
    expect(pageSize(dir)).toBe(1024);
    const core = open(dir);
    try {
      const [e] = core.entries.list({ from: '2024-03-04', to: '2024-03-04' });
      expect(e).toMatchObject({ id: stopped.id, description: LONG, tags: TAGS, duration_seconds: 25 * 60 });
      expect(core.outbox.forEntry(stopped.id).map((r) => r.op)).toEqual(['create']);
    } finally {
      core.close();
    }
  });

  it('a file made on 4 KiB pages keeps them, and a stop on it is stored', () => {
    const dir = fresh();
    const old = new BetterSqlite3(join(dir, DB_FILE_NAME));
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.close();
    const stopped = stopOne(dir, 'client call');
    expect(pageSize(dir)).toBe(4096);
    const core = open(dir);
    try {
      expect(core.entries.list({ from: '2024-03-04', to: '2024-03-04' }).map((e) => e.description)).toEqual(['client call']);
      expect(core.outbox.forEntry(stopped.id)).toHaveLength(1);
    } finally {
      core.close();
    }
  });
});
