/**
 * The real `timetray` CLI as a child process, bundled from electron/cli/main.ts for this test run
 * (dist/ is left to `npm run build`). Asynchronous on purpose: the fake servers the child talks to
 * answer from the test process's event loop, which a spawnSync would block.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

export function bundleCli(name: string): { bin: string; remove(): void } {
  const dir = join(ROOT, 'node_modules', '.cache', 'timetray-fixtures');
  mkdirSync(dir, { recursive: true });
  const bin = join(dir, `cli-${name}-${process.pid}.cjs`);
  buildSync({
    entryPoints: [join(ROOT, 'electron', 'cli', 'main.ts')], outfile: bin, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', external: ['better-sqlite3', 'electron'], define: { TIMETRAY_VERSION: '"test"' }, logLevel: 'warning',
  });
  return { bin, remove: () => rmSync(bin, { force: true }) };
}

export interface CliRun {
  child: ChildProcess;
  /** Resolves when the child has exited: its status (null when killed by a signal it did not handle). */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stdout(): string;
}

/** Starts `timetray ARGS` on `dataDir`; `env` is added to this process's, minus the names in `unset`. */
export function startCli(bin: string, dataDir: string, args: string[], env: Record<string, string> = {}, unset: string[] = []): CliRun {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !unset.includes(k)));
  const child = spawn(process.execPath, [bin, ...args], { env: { ...base, TIMETRAY_DATA_DIR: dataDir, ...env }, timeout: 30_000 });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout: out, stderr: err })));
  return { child, done, stdout: () => out };
}
