/**
 * How fast a backlog drains: N queued entries pushed by the real engine to a fake provider in
 * another process, against a bare keep-alive fetch POST loop of the same bodies to the same kind
 * of server. Also: the longest event-loop stall during the drain, and peak RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Provider } from '../../shared/entry';
import { openCore } from '../../electron/core';
import { connectorFor } from '../../electron/core/sync/connectors';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { createHttp } from '../../electron/core/sync/http';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { round } from './stats';

interface Child { url: string; token: string; account: { base_url: string; context: Record<string, string> }; proc: ChildProcess }

async function startProvider(childJs: string, provider: Provider): Promise<Child> {
  const proc = spawn(process.execPath, [childJs, provider], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => proc.stdout!.once('data', (d: Buffer) => resolve(String(d))));
  return { ...JSON.parse(line), proc };
}

const DAY = 86_400_000;

/** CPU seconds a process has used (Linux /proc), to find which side limits the drain. */
function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}
const selfCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

export interface DrainResult {
  provider: Provider;
  entries: number;
  ours: { seconds: number; perSecond: number; clientCpuMsPerEntry: number; serverCpuMsPerEntry: number };
  bare: { seconds: number; perSecond: number; clientCpuMsPerEntry: number; serverCpuMsPerEntry: number };
  ratio: number;
  maxEventLoopStallMs: number;
  peakRssMb: number;
  /** Peak RSS during the drain minus RSS just before it (after a GC). */
  rssGrowthMb: number;
}

export async function benchDrain(dir: string, childJs: string, provider: Provider, n: number, bareToo = true, concurrency?: number): Promise<DrainResult> {
  const now = Date.now();
  const dataDir = join(dir, `drain-${provider}-${n}-${concurrency ?? 'default'}`);
  // A run repeated starts from an empty file: its queue and the bare loop's bodies are its own.
  rmSync(dataDir, { recursive: true, force: true });
  const core = openCore({ dataDir, zone: 'Europe/Amsterdam' });
  const server = await startProvider(childJs, provider);
  const account = core.accounts.add({ name: 'acct', provider, ...server.account, is_default: true });
  // Spread over the last 10 days, one entry every few minutes, so date-only APIs get one piece each.
  const items = Array.from({ length: n }, (_, i) => {
    const start = now - 10 * DAY + Math.floor((i * 10 * DAY) / n);
    return { label: `#${i}`, input: { description: `bench entry ${i}`, start: new Date(start).toISOString(), end: new Date(start + 20 * 60_000).toISOString(), project_id: '101' } };
  });
  for (let i = 0; i < items.length; i += 5000) core.entries.createMany(items.slice(i, i + 5000));

  // The bare loop: the same bodies, one POST after another on a keep-alive connection.
  let bare = { seconds: NaN, perSecond: NaN, clientCpuMsPerEntry: NaN, serverCpuMsPerEntry: NaN };
  if (bareToo) {
    const baseline = await startProvider(childJs, provider);
    const { base_url: base, context } = baseline.account;
    const http = createHttp({ fetch: (u, i) => fetch(u, i), secrets: [] });
    const conn = connectorFor({ ...account, base_url: base }, baseline.token, http);
    const bodies = core.entries.list({}).map((e) => {
      const p = conn.pieces({ id: e.id, description: e.description, start: Date.parse(e.start), end: Date.parse(e.end), zone: 'Europe/Amsterdam', project_id: e.project_id, task_id: null, client_id: null, tags: [], billable: true });
      return p.ok ? p.value[0]!.body : null;
    });
    const url = provider === 'kantata' ? `${base}/time_entries`
      : provider === 'moneybird' ? `${base}/api/v2/${context.administration}/time_entries.json`
        : provider === 'expensicat' ? `${base}/v1/time-entries` : `${base}/api/v1/time-entries`;
    const headers: Record<string, string> = { Authorization: `Bearer ${baseline.token}`, 'Content-Type': 'application/json', ...(context.tenant && { 'tenant-id': context.tenant }) };
    const t0 = performance.now();
    const c0 = [selfCpu(), cpuOf(baseline.proc.pid!)];
    for (const b of bodies) {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(provider === 'kantata' ? { time_entry: b } : b) });
      await res.text();
      if (!res.ok) throw new Error(`bare POST ${res.status}`);
    }
    const s = (performance.now() - t0) / 1000;
    bare = {
      seconds: round(s, 2), perSecond: Math.round(n / s),
      clientCpuMsPerEntry: round(((selfCpu() - c0[0]!) * 1000) / n, 3), serverCpuMsPerEntry: round(((cpuOf(baseline.proc.pid!) - c0[1]!) * 1000) / n, 3),
    };
    baseline.proc.kill();
  }

  const engine = createSyncEngine({ core, fetch: nodeFetch, tokenFor: () => server.token, windowDays: 1, ...(concurrency && { concurrency }) });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  // rss() alone: the full memoryUsage() every 25 ms was 2% of the drain's CPU, charged to our side only.
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  loop.enable();
  const t0 = performance.now();
  const c0 = [selfCpu(), cpuOf(server.proc.pid!)];
  const report = await engine.syncAccount(account, true);
  const s = (performance.now() - t0) / 1000;
  const clientCpu = ((selfCpu() - c0[0]!) * 1000) / n;
  const serverCpu = ((cpuOf(server.proc.pid!) - c0[1]!) * 1000) / n;
  loop.disable();
  clearInterval(sampler);
  if (report.pending !== 0) throw new Error(`drain left ${report.pending} queued: ${report.error}`);
  server.proc.kill();
  engine.close();
  core.close();
  return {
    provider, entries: n,
    ours: { seconds: round(s, 2), perSecond: Math.round(n / s), clientCpuMsPerEntry: round(clientCpu, 3), serverCpuMsPerEntry: round(serverCpu, 3) },
    bare,
    ratio: round(n / s / bare.perSecond, 2),
    maxEventLoopStallMs: round(loop.max / 1e6, 1),
    peakRssMb: Math.round(peak / 1e6),
    rssGrowthMb: Math.round((peak - rssBefore) / 1e6),
  };
}
