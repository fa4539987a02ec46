/**
 * The click users feel: the core's stop (entry + outbox row committed, fsync included) against a
 * bare better-sqlite3 single-row INSERT in its own transaction with the same pragmas, in one process.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openCore } from '../../electron/core';
import { median, percentile, round, timeEach, type Row } from './stats';

export function benchStartStop(dir: string, runs = 2000) {
  const core = openCore({ dataDir: join(dir, 'startstop'), zone: 'Europe/Amsterdam' });
  core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'http://127.0.0.1:9', is_default: true });
  let t = Date.parse('2024-01-01T00:00:00Z');
  const clocked = openCore({ dataDir: join(dir, 'startstop'), zone: 'Europe/Amsterdam', clock: { now: () => t } });
  core.close();

  const bare = new Database(join(dir, 'bare.sqlite3'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id TEXT PRIMARY KEY, description TEXT, start_at INTEGER, end_at INTEGER)');
  const ins = bare.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
  const one = bare.transaction((i: number) => ins.run(`id${i}`, 'bench', i, i + 1));

  // Interleaved in rounds so drift on the machine hits both sides alike.
  const ours: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < 4; round++) {
    ours.push(...timeEach(runs / 4, () => clocked.timer.stop(), () => {
      t += 60_000;
      clocked.timer.start({ description: 'bench', tags: ['x'] });
      t += 25 * 60_000;
    }));
    base.push(...timeEach(runs / 4, (i) => one.immediate(round * runs + i)));
  }
  clocked.close();
  bare.close();
  const r = {
    ours: { median: round(median(ours)), p99: round(percentile(ours, 99)) },
    bare: { median: round(median(base)), p99: round(percentile(base, 99)) },
    runs,
  };
  const ratio = round(r.ours.median / r.bare.median, 2);
  const row: Row = {
    bench: `stop: entry + outbox row (${runs} runs)`,
    ours: `median ${r.ours.median} ms, p99 ${r.ours.p99} ms`,
    baseline: `bare INSERT: median ${r.bare.median} ms, p99 ${r.bare.p99} ms`,
    ratio, target: '≤ 1.3×', met: ratio <= 1.3,
  };
  return { result: { ...r, ratio }, row };
}
