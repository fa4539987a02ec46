/**
 * The real `timetray` binary on one test's data folder, with the environment the test has at each
 * call (tokens of fake servers it started since). Both are functions because a test's beforeEach
 * makes a new folder and its fakes come and go.
 */
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { CLI, cli, type CliResult } from './cli';

export function cliSession(dataDir: () => string, env: () => NodeJS.ProcessEnv = () => ({})) {
  const run = (...args: string[]): CliResult => cli(dataDir(), args, env());
  /** A command that must succeed without a word on stderr: its --json output, parsed. */
  const json = (...args: string[]) => {
    const r = run(...args, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };
  /** For commands that talk to a fake server in this process: spawnSync would block its event loop. */
  const runAsync = (...args: string[]) => new Promise<CliResult>((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, TIMETRAY_DATA_DIR: dataDir(), TZ: 'Europe/Amsterdam', ...env() } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d));
    p.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 20_000);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
  return { run, json, runAsync };
}
