/**
 * The memory figure's two processes. `queue DIR N` stores N entries owed to one Voltasis account
 * and exits; `drain DIR PROVIDER_JS` opens that file in a fresh process and drains it to a fake
 * server, printing RSS before, at peak, and the live heap after. Apart because that is how a
 * backlog meets the app (queued offline over many sessions, drained after a start), and because a
 * process that just built 100,000 entries has taught V8 to allocate its request objects straight
 * into the old generation (allocation-site pretenuring): its heap grew to 4× the live heap before a
 * full GC, and the figure measured the setup, not the drain (--trace-gc: live heap 38–41 MB
 * throughout while RSS grew 88–107 MB).
 */
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openCore } from '../../electron/core';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { round } from './stats';

export interface MemoryDrain {
  entries: number;
  seconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
  rssGrowthMb: number;
  /** V8's heap still reachable after the drain and a full GC. */
  liveHeapAfterMb: number;
  maxEventLoopStallMs: number;
}

const DAY = 86_400_000;
const mb = (bytes: number) => round(bytes / 1e6, 1);

function queue(dataDir: string, n: number) {
  const core = openCore({ dataDir, zone: 'Europe/Amsterdam' });
  // The server's address is only known to the drain; an address that answers nothing meanwhile.
  core.accounts.add({ name: 'acct', provider: 'voltasis', base_url: 'http://127.0.0.1:9', is_default: true });
  const now = Date.now();
  for (let from = 0; from < n; from += 5000) {
    core.entries.createMany(Array.from({ length: Math.min(5000, n - from) }, (_, k) => {
      const i = from + k;
      const start = now - 10 * DAY + Math.floor((i * 10 * DAY) / n);
      return { label: `#${i}`, input: { description: `bench entry ${i}`, start: new Date(start).toISOString(), end: new Date(start + 20 * 60_000).toISOString(), project_id: '101' } };
    }));
  }
  core.close();
}

async function drain(dataDir: string, providerJs: string): Promise<MemoryDrain> {
  const proc = spawn(process.execPath, [providerJs, 'voltasis'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => proc.stdout!.once('data', (d: Buffer) => resolve(String(d))));
  const server = JSON.parse(line) as { token: string; account: { base_url: string } };
  const core = openCore({ dataDir, zone: 'Europe/Amsterdam' });
  const account = core.accounts.update('acct', { base_url: server.account.base_url });
  const engine = createSyncEngine({ core, fetch: nodeFetch, tokenFor: () => server.token, windowDays: 1 });
  const entries = (core.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  loop.enable();
  const t0 = performance.now();
  const report = await engine.syncAccount(account, true);
  const seconds = (performance.now() - t0) / 1000;
  loop.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  if (report.pending !== 0) throw new Error(`drain left ${report.pending} queued: ${report.error}`);
  gc();
  const live = process.memoryUsage().heapUsed;
  proc.kill();
  engine.close();
  core.close();
  return {
    entries, seconds: round(seconds, 2), rssBeforeMb: mb(before), peakRssMb: mb(peak), rssGrowthMb: mb(peak - before),
    liveHeapAfterMb: mb(live), maxEventLoopStallMs: round(loop.max / 1e6, 1),
  };
}

const [mode, dataDir, arg] = process.argv.slice(2) as [string, string, string];
if (mode === 'queue') queue(dataDir, Number(arg));
else void drain(dataDir, arg).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
