/**
 * The clicks users feel: the core's stop (entry + outbox row committed, fsync included), start (the
 * running-timer row) and switch (stop + start in one transaction), each against a bare
 * better-sqlite3 single-row INSERT in its own transaction with the same journal and sync pragmas (on
 * SQLite's default page size), in one process.
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

  // The baseline keeps SQLite's default page (4 KiB); ours are 1 KiB (core/db.ts). The same bare
  // INSERT on 1 KiB pages is reported beside it, so the page size's share is in plain view.
  const bareOn = (file: string, pageSize?: number) => {
    const bare = new Database(join(dir, file));
    if (pageSize) bare.pragma(`page_size = ${pageSize}`);
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec('CREATE TABLE t (id TEXT PRIMARY KEY, description TEXT, start_at INTEGER, end_at INTEGER)');
    const ins = bare.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    return { db: bare, one: bare.transaction((i: number) => ins.run(`id${i}`, 'bench', i, i + 1)) };
  };
  const bare = bareOn('bare.sqlite3');
  const one = bare.one;
  const small = bareOn('bare-1k.sqlite3', 1024);
  const start = () => clocked.timer.start({ description: 'bench', tags: ['x'] });
  // The floor under our stop: the same rows written by hand-written SQL on the same schema and
  // connection (read the running row, insert entry and outbox row, clear the timer) — what SQLite
  // alone needs for the pages a stop touches, apart from anything our code does.
  const account = clocked.accounts.list()[0]!.id;
  const db = clocked.db;
  const park = db.prepare(`INSERT INTO running_timer (slot, entry_id, description, start_at, start_tz, tags, billable, account_id)
    VALUES (1, ?, 'bench', ?, 'Europe/Amsterdam', '["x"]', 1, ?)`);
  const readRunning = db.prepare<[], { entry_id: string; start_at: number }>('SELECT entry_id, start_at FROM running_timer WHERE slot = 1');
  const insertEntry = db.prepare(`INSERT INTO entries (id, description, start_at, end_at, start_tz, end_tz, tags, billable, account_id, created_at, updated_at)
    VALUES (?, 'bench', ?, ?, 'Europe/Amsterdam', 'Europe/Amsterdam', '["x"]', 1, ?, ?, ?)`);
  const insertOutbox = db.prepare("INSERT INTO outbox (entry_id, op, created_at, account_id) VALUES (?, 'create', ?, ?)");
  const clearRunning = db.prepare('DELETE FROM running_timer WHERE slot = 1');
  const rawStop = db.transaction(() => {
    const r = readRunning.get()!;
    insertEntry.run(r.entry_id, r.start_at, r.start_at + 60_000, account, t, t);
    insertOutbox.run(r.entry_id, t, account);
    clearRunning.run();
  });
  let parked = 0;
  const parkOne = () => {
    t += 120_000;
    db.transaction(() => park.run(`01JBENCH${String(parked++).padStart(18, '0')}`, t, account)).immediate();
  };

  // Interleaved in rounds so drift on the machine hits both sides alike.
  const stop: number[] = [];
  const starts: number[] = [];
  const switches: number[] = [];
  const base: number[] = [];
  const raw: number[] = [];
  const base1k: number[] = [];
  let k = 0;
  for (let round = 0; round < 4; round++) {
    stop.push(...timeEach(runs / 4, () => clocked.timer.stop(), () => {
      t += 60_000;
      start();
      t += 25 * 60_000;
    }));
    base.push(...timeEach(runs / 4, () => one.immediate(k++)));
    raw.push(...timeEach(runs / 8, () => rawStop.immediate(), parkOne));
    starts.push(...timeEach(runs / 8, () => start(), () => {
      t += 60_000;
      clocked.timer.discard();
    }));
    switches.push(...timeEach(runs / 8, () => start(), () => (t += 25 * 60_000)));
    clocked.timer.discard();
    base.push(...timeEach(runs / 4, () => one.immediate(k++)));
    base1k.push(...timeEach(runs / 8, () => small.one.immediate(k++)));
  }
  clocked.close();
  bare.db.close();
  small.db.close();
  const b = { median: round(median(base)), p99: round(percentile(base, 99)) };
  const fig = (xs: number[]): ClickFigure => ({ median: round(median(xs)), p99: round(percentile(xs, 99)), ratio: round(median(xs) / median(base), 2) });
  const figures = { stop: fig(stop), start: fig(starts), switch: fig(switches), rawStop: fig(raw), bare1k: fig(base1k) };
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
      row('rawStop', `the stop's rows by hand-written SQL, our schema (${runs / 2} runs)`, null),
      row('bare1k', `the bare INSERT itself on 1 KiB pages (${runs / 2} runs)`, null),
    ],
  };
}
