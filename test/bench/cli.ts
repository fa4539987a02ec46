/**
 * The CLI as a whole process: `timetray start`/`stop` and `timetray status` against `node -e 0`
 * (Node's own start-up, the same environment) and against Timewarrior's `timew start`/`stop`.
 * Interleaved run by run, so the machine's drift hits every side alike; CPU time (user + sys of
 * the child, from /proc via process.resourceUsage of a wait) is reported beside wall time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, round } from './stats';

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export function ensureTimew(): string | null {
  const has = () => spawnSync('timew', ['--version'], { stdio: 'ignore' }).status === 0;
  if (has()) return 'timew';
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', 'timewarrior'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    return null;
  }
  return has() ? 'timew' : null;
}

export function benchCli(dir: string, cliJs: string, rounds = 30) {
  const dataDir = join(dir, 'cli');
  const timewDb = join(dir, 'timew');
  // An existing data folder and config keep timew from asking whether to create them.
  mkdirSync(join(timewDb, 'data'), { recursive: true });
  writeFileSync(join(timewDb, 'timewarrior.cfg'), '');
  const env = { ...process.env, TIMETRAY_DATA_DIR: dataDir, TIMEWARRIORDB: timewDb };
  spawnSync(process.execPath, [cliJs, 'status'], { env });
  const timew = ensureTimew();
  const node: number[] = [];
  const startStop: number[] = [];
  const status: number[] = [];
  const tw: number[] = [];
  // Explicit, non-overlapping times for both tools: neither may refuse a same-second stop.
  const base = Date.now() - 3 * 86_400_000;
  const at = (i: number, min: number) => new Date(base + i * 120_000 + min * 60_000).toISOString().slice(0, 19);
  for (let i = 0; i < rounds; i++) {
    node.push(timed(process.execPath, ['-e', '0'], env));
    startStop.push(timed(process.execPath, [cliJs, 'start', `bench ${i}`, '--at', `${at(i, 0)}Z`], env));
    status.push(timed(process.execPath, [cliJs, 'status'], env));
    startStop.push(timed(process.execPath, [cliJs, 'stop', '--at', `${at(i, 1)}Z`], env));
    if (timew) tw.push(timed('timew', ['start', `${at(i, 0)}Z`, `bench${i}`, ':quiet'], env), timed('timew', ['stop', `${at(i, 1)}Z`, ':quiet'], env));
  }
  const n = median(node);
  return {
    startStop: round(median(startStop), 1), status: round(median(status), 1), node: round(n, 1), timew: timew ? round(median(tw), 1) : null,
    ratioStartStop: round(median(startStop) / n, 2), ratioStatus: round(median(status) / n, 2),
    ratioTimew: timew ? round(median(startStop) / median(tw), 1) : null,
  };
}
