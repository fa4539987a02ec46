/**
 * The real `timetray` binary on one test's data folder, with the environment the test has at each
 * call (tokens of fake servers it started since). Both are functions because a test's beforeEach
 * makes a new folder and its fakes come and go.
 */
import { expect } from 'vitest';
import { cli, cliAsync, type CliResult } from './cli';

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
  const runAsync = (...args: string[]): Promise<CliResult> => cliAsync(dataDir(), args, env());
  return { run, json, runAsync };
}
