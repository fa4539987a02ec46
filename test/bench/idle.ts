/**
 * Idle cost: CPU time and wake-ups per minute of the app runtime idle (timer running, two accounts
 * on fake providers, no window) against a bare Node process holding one 60 s interval. Measured
 * side by side over the same seconds after each has settled; wake-ups are the voluntary context
 * switches of every thread (each is a sleep that ended), from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../../electron/core';
import { round } from './stats';

/** The child's own process.cpuUsage (ms) and the voluntary context switches of all its threads. */
async function usage(proc: ChildProcess): Promise<{ cpuMs: number; wakeups: number; threads: Record<string, { wakeups: number; cpuTicks: number }> }> {
  const line = await new Promise<string>((resolve) => {
    proc.stdout!.once('data', (d: Buffer) => resolve(String(d)));
    proc.kill('SIGUSR2');
  });
  const cpu = JSON.parse(line) as { user: number; system: number };
  const pid = proc.pid!;
  let wakeups = 0;
  const threads: Record<string, { wakeups: number; cpuTicks: number }> = {};
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    const status = readFileSync(`/proc/${pid}/task/${t}/status`, 'utf8');
    const n = Number(/\nvoluntary_ctxt_switches:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const stat = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const name = `${/Name:\s+(.*)/.exec(status)?.[1]}#${t}`;
    threads[name] = { wakeups: n, cpuTicks: Number(stat[11]) + Number(stat[12]) };
    wakeups += n;
  }
  // Minus the probe itself: one wake-up for the signal, one for the write.
  return { cpuMs: (cpu.user + cpu.system) / 1000, wakeups: wakeups - 2, threads };
}

function started(proc: ChildProcess, line: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (line.test(out)) resolve(out);
    });
    proc.once('exit', (c) => reject(new Error(`exited ${c} before ready: ${out}`)));
  });
}

export async function benchIdle(dir: string, childJs: string, providerJs: string, seconds = 20, settleMs = 45_000) {
  const providers = await Promise.all(['voltasis', 'kantata'].map(async (p) => {
    const proc = spawn(process.execPath, [providerJs, p], { stdio: ['ignore', 'pipe', 'inherit'] });
    return { proc, ...(JSON.parse(await started(proc, /\n/)) as { token: string; account: { base_url: string; context: Record<string, string> } }), provider: p };
  }));
  const dataDir = join(dir, 'idle');
  const core = openCore({ dataDir, zone: 'Europe/Amsterdam' });
  for (const p of providers) core.accounts.add({ name: p.provider, provider: p.provider, ...p.account, is_default: p.provider === 'voltasis' });
  core.timer.start({ description: 'idle bench', project_id: '101' });
  core.close();
  // Both fakes print the same default token.
  // BENCH_CPU_PROF=DIR: the app's CPU profile, to see what its idle minutes are spent on.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const app = spawn(process.execPath, [...prof, childJs, dataDir, providers[0]!.token], { stdio: ['ignore', 'pipe', 'inherit'] });
  const bareJs = "setInterval(() => {}, 60_000); process.on('SIGUSR2', () => process.stdout.write(JSON.stringify(process.cpuUsage()) + '\\n')); console.log('ready')";
  const bare = spawn(process.execPath, ['-e', bareJs], { stdio: ['ignore', 'pipe', 'inherit'] });
  await Promise.all([started(app, /ready/), started(bare, /ready/)]);
  // Past start-up, the first sync pass of both accounts, the change watch backing off and V8's
  // after-start-up collections (its memory reducer): the steady state a tray app spends its day in.
  await new Promise((r) => setTimeout(r, Number(process.env.BENCH_IDLE_SETTLE_MS ?? settleMs)));
  const a0 = await usage(app);
  const b0 = await usage(bare);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const a1 = await usage(app);
  const b1 = await usage(bare);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, 'utf8'))![1]) / 1024;
  app.kill('SIGTERM');
  bare.kill();
  for (const p of providers) p.proc.kill();
  const perMin = (x: number) => round((x * 60) / seconds, 1);
  // Per thread (wake-ups, CPU in 10 ms ticks, per minute): which of them is awake.
  const byThread = Object.fromEntries(Object.entries(a1.threads)
    .map(([k, v]) => [k, { wakeups: perMin(v.wakeups - (a0.threads[k]?.wakeups ?? 0)), cpuTicks: perMin(v.cpuTicks - (a0.threads[k]?.cpuTicks ?? 0)) }] as const)
    .filter(([, v]) => v.wakeups > 0));
  const ours = { cpuMsPerMin: perMin(a1.cpuMs - a0.cpuMs), wakeupsPerMin: perMin(a1.wakeups - a0.wakeups), rssMb: round(rss, 1), byThread };
  const base = { cpuMsPerMin: perMin(b1.cpuMs - b0.cpuMs), wakeupsPerMin: perMin(b1.wakeups - b0.wakeups) };
  return { seconds, ours, bare: base, ratio: round(ours.cpuMsPerMin / base.cpuMsPerMin, 2), wakeupRatio: round(ours.wakeupsPerMin / Math.max(1, base.wakeupsPerMin), 1) };
}
