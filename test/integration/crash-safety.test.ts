/**
 * kill -9 in the middle of a stop (or an edit, or a delete) never leaves an entry without its
 * outbox row, an outbox row without its entry, or a timer that was reported started lost.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture } from '../helpers/bundle';
import { tempDir } from '../helpers/temp';
import { DB_FILE_NAME } from '../../electron/core/data-dir';

const ROUNDS = 40;
let child: string;
beforeAll(() => {
  child = bundleFixture('stop-loop.ts');
});

/** Runs the child until it has printed `lines` lines, then SIGKILLs it; returns what it printed. */
function runAndKill(dataDir: string, lines: number, extraMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killing = false;
    const guard = setTimeout(() => p.kill('SIGKILL'), 15_000);
    p.stdout.on('data', (d: Buffer) => {
      out += d;
      if (!killing && out.split('\n').length > lines) {
        killing = true;
        setTimeout(() => p.kill('SIGKILL'), extraMs);
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL' || err) reject(new Error(`child ended by ${signal}: ${err}`));
      // Only complete lines were written after a commit; a torn last line proves nothing.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety under SIGKILL', () => {
  const { dir, cleanup } = tempDir('timetray-crash-');
  afterAll(cleanup);

  it(`${ROUNDS} kills at random moments leave a consistent database that lost nothing`, async () => {
    const started = new Set<string>();
    const stopped = new Set<string>();
    const deleted = new Set<string>();
    const deleting = new Set<string>();
    let writes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const said = await runAndKill(dir, 5 + Math.floor(Math.random() * 60), Math.floor(Math.random() * 8));
      writes += said.length;
      for (const line of said) {
        const [kind, id] = line.split(' ') as [string, string];
        if (kind === 'S') started.add(id);
        if (kind === 'E') stopped.add(id);
        if (kind === 'D') deleted.add(id);
        if (kind === 'X') deleting.add(id);
      }

      const db = new Database(join(dir, DB_FILE_NAME), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const entryIds = new Set(db.prepare('SELECT id FROM entries').pluck().all() as string[]);
        const timer = db.prepare('SELECT entry_id FROM running_timer').pluck().get() as string | undefined;
        // Every entry is for the default account and never synced: exactly one pending create each.
        const perEntry = db
          .prepare(`SELECT e.id, count(o.id) AS n, group_concat(o.op) AS ops FROM entries e
                    LEFT JOIN outbox o ON o.entry_id = e.id GROUP BY e.id HAVING n != 1 OR ops != 'create'`)
          .all();
        expect(perEntry).toEqual([]);
        const orphans = db.prepare('SELECT count(*) FROM outbox WHERE entry_id NOT IN (SELECT id FROM entries)').pluck().get();
        expect(orphans).toBe(0);
        if (timer) expect(entryIds.has(timer)).toBe(false);
        for (const id of started) {
          if (deleted.has(id)) expect(entryIds.has(id)).toBe(false);
          else if (deleting.has(id)) continue;
          else expect(entryIds.has(id) || timer === id, `timer ${id} was reported started and is gone`).toBe(true);
        }
        for (const id of stopped) if (!deleting.has(id)) expect(entryIds.has(id), `entry ${id} is gone`).toBe(true);
      } finally {
        db.close();
      }
    }
    // The kills landed among real work, not before it.
    expect(writes).toBeGreaterThan(ROUNDS * 5);
    expect(stopped.size).toBeGreaterThan(ROUNDS);
  }, 240_000);
});
