/** Runs the real `timetray` binary (dist/cli.cjs, built by `npm run build`) as a child process. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', 'dist', 'cli.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(dataDir: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TIMETRAY_DATA_DIR: dataDir, TZ: 'Europe/Amsterdam', ...env },
    timeout: 20_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
