/**
 * Opening a big database and showing today and this week: 100,000 entries over three years.
 * Ours: open + migrate check + the core's list for today and for this week with day totals.
 * Baseline: a bare SELECT of the same rows on an already open connection.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openCore } from '../../electron/core';
import { groupByDay } from '../../renderer/src/days';
import { localDateOf } from '../../shared/time';
import { median, round, timeEach } from './stats';

const ZONE = 'Europe/Amsterdam';
const DAY = 86_400_000;

/** n entries spread over `years`, ending now; returns the data folder. */
export function seedBig(dir: string, n: number, years: number, endAt = Date.now()): string {
  const dataDir = join(dir, `big-${n}`);
  const core = openCore({ dataDir, zone: ZONE });
  const span = years * 365 * DAY;
  for (let i = 0; i < n; i += 10_000) {
    core.entries.createMany(Array.from({ length: Math.min(10_000, n - i) }, (_, j) => {
      const k = i + j;
      const start = endAt - span + Math.floor((k * span) / n);
      return { label: `#${k}`, input: { description: `entry ${k}`, start: new Date(start).toISOString(), end: new Date(start + 15 * 60_000).toISOString(), project_id: `p${k % 20}`, tags: [`t${k % 7}`] } };
    }));
  }
  core.close();
  return dataDir;
}

export function benchFirstView(dataDir: string, runs = 30) {
  const today = localDateOf(Date.now(), ZONE);
  const weekStart = localDateOf(Date.now() - 6 * DAY, ZONE);
  let rows = 0;
  // Opening: the file, the pragmas, the migration check and every service's prepared statements.
  const open = timeEach(runs, () => openCore({ dataDir, zone: ZONE }).close());
  const core = openCore({ dataDir, zone: ZONE });
  const query = timeEach(runs, () => {
    const t = core.entries.list({ from: today, to: today });
    const w = core.entries.list({ from: weekStart, to: today });
    rows = t.length + w.length;
    groupByDay(w, ZONE);
  });
  core.close();
  const db = new Database(join(dataDir, 'timetray.sqlite3'), { readonly: true });
  const sel = db.prepare('SELECT * FROM entries WHERE start_at >= ? ORDER BY start_at DESC');
  const bare = timeEach(runs, () => {
    sel.all(Date.now() - 7 * DAY);
    sel.all(Date.now() - DAY);
  });
  const bareOpen = timeEach(runs, () => new Database(join(dataDir, 'timetray.sqlite3')).close());
  db.close();
  return {
    open: round(median(open)), bareOpen: round(median(bareOpen)), openRatio: round(median(open) / median(bareOpen), 1),
    query: round(median(query)), bare: round(median(bare)), ratio: round(median(query) / median(bare), 2), rows,
  };
}
