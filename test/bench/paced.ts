/**
 * A paced drain: N queued entries pushed by the real engine to the fake Moneybird in another
 * process, the fake enforcing Moneybird's 150 requests / 5 min time-scaled (e.g. 150 / 5 s; the
 * scale reaches our side only through the server's answers). Baseline: the limit's own bound, the
 * instant its window lets the last of the drain's requests start (every request counted: pulls
 * too). Also the 429s the server answered and the longest event-loop stall.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openCore } from '../../electron/core';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { round } from './stats';

const DAY = 86_400_000;

function lines(proc: ChildProcess): () => Promise<string> {
  let buf = '';
  const waiting: ((s: string) => void)[] = [];
  const ready: string[] = [];
  proc.stdout!.on('data', (d: Buffer) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const l = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const w = waiting.shift();
      if (w) w(l);
      else ready.push(l);
    }
  });
  return () => (ready.length ? Promise.resolve(ready.shift()!) : new Promise((r) => waiting.push(r)));
}

export async function benchPaced(dir: string, childJs: string, n: number, limit: { requests: number; windowMs: number }) {
  const proc = spawn(process.execPath, [childJs, 'moneybird', JSON.stringify(limit)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const next = lines(proc);
  const server = JSON.parse(await next()) as { token: string; account: { base_url: string; context: Record<string, string> } };
  const core = openCore({ dataDir: join(dir, `paced-${n}`), zone: 'Europe/Amsterdam' });
  const account = core.accounts.add({ name: 'mb', provider: 'moneybird', ...server.account, is_default: true });
  const now = Date.now();
  core.entries.createMany(Array.from({ length: n }, (_, i) => {
    const start = now - 10 * DAY + Math.floor((i * 10 * DAY) / n);
    return { label: `#${i}`, input: { description: `paced entry ${i}`, start: new Date(start).toISOString(), end: new Date(start + 20 * 60_000).toISOString() } };
  }));
  const engine = createSyncEngine({ core, fetch: nodeFetch, tokenFor: () => server.token, windowDays: 1 });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const t0 = performance.now();
  // As the CLI's `timetray sync` does: passes until nothing is queued (a pass may stop for the budget).
  let report = await engine.syncAccount(account, true);
  for (let i = 0; i < 100 && report.pending > 0 && report.state === 'ok'; i++) {
    const due = engine.nextDue();
    if (due !== null && due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    report = await engine.syncAccount(account, true);
  }
  const seconds = (performance.now() - t0) / 1000;
  loop.disable();
  proc.kill('SIGUSR2');
  const statuses = JSON.parse(await next()) as (number | string)[];
  proc.kill();
  engine.close();
  core.close();
  if (report.pending !== 0) throw new Error(`paced drain left ${report.pending} queued: ${report.state} ${report.error ?? ''}`);
  const requests = statuses.filter((s) => s !== 429).length;
  const boundSeconds = (Math.floor((requests - 1) / limit.requests) * limit.windowMs) / 1000;
  return {
    entries: n, limit, seconds: round(seconds, 2), requests, status429: statuses.filter((s) => s === 429).length,
    boundSeconds, ratio: round(seconds / boundSeconds, 3), maxEventLoopStallMs: round(loop.max / 1e6, 1),
  };
}
