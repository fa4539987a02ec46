/**
 * The clicks users feel: the core's stop (entry + outbox row committed, fsync included), start (the
 * running-timer row) and switch (stop + start in one transaction), each against a bare
 * better-sqlite3 single-row INSERT in its own transaction with the same pragmas, in one process.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openCore } from '../../electron/core';
import { median, percentile, round, timeEach, type Row } from './stats';

export interface ClickFigure { median: number; p99: number; ratio: number }

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
  const start = () => clocked.timer.start({ description: 'bench', tags: ['x'] });

  // Interleaved in rounds so drift on the machine hits both sides alike.
  const stop: number[] = [];
  const starts: number[] = [];
  const switches: number[] = [];
  const base: number[] = [];
  let k = 0;
  for (let round = 0; round < 4; round++) {
    stop.push(...timeEach(runs / 4, () => clocked.timer.stop(), () => {
      t += 60_000;
      start();
      t += 25 * 60_000;
    }));
    base.push(...timeEach(runs / 4, () => one.immediate(k++)));
    starts.push(...timeEach(runs / 8, () => start(), () => {
      t += 60_000;
      clocked.timer.discard();
    }));
    switches.push(...timeEach(runs / 8, () => start(), () => (t += 25 * 60_000)));
    clocked.timer.discard();
    base.push(...timeEach(runs / 4, () => one.immediate(k++)));
  }
  clocked.close();
  bare.close();
  const b = { median: round(median(base)), p99: round(percentile(base, 99)) };
  const fig = (xs: number[]): ClickFigure => ({ median: round(median(xs)), p99: round(percentile(xs, 99)), ratio: round(median(xs) / median(base), 2) });
  const figures = { stop: fig(stop), start: fig(starts), switch: fig(switches) };
  const row = (name: keyof typeof figures, what: string, target: number | null): Row => ({
    bench: `${name}: ${what}`,
    ours: `median ${figures[name].median} ms, p99 ${figures[name].p99} ms`,
    baseline: `bare INSERT: median ${b.median} ms, p99 ${b.p99} ms`,
    ratio: figures[name].ratio, target: target === null ? 'report' : `≤ ${target}×`, met: target === null ? null : figures[name].ratio <= target,
  });
  return {
    result: { ...figures, bare: b, runs },
    rows: [
      row('stop', `entry + outbox row (${runs} runs)`, 1.3),
      row('start', `running-timer row (${runs / 2} runs)`, 1.3),
      row('switch', `stop + start in one transaction (${runs / 2} runs)`, null),
    ],
  };
}
