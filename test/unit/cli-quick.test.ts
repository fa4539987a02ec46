/**
 * A quick command (start, stop, toggle, discard, status) runs in a program holding only those:
 * what the user sees — help, errors, output — is what the whole program gives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { quickCommand } from '../../electron/cli/command-word';
import { buildProgram } from '../../electron/cli/program';
import { openCore } from '../../electron/core';
import { manualClock, tempDir } from '../helpers/temp';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

async function run(args: string[], quickOnly: boolean): Promise<string> {
  const t = tempDir();
  dirs.push(t);
  let out = '';
  const { program, close } = buildProgram({
    out: (s) => (out += s), err: (s) => (out += `[err]${s}`), env: { TIMETRAY_DATA_DIR: t.dir },
    openCore: (d) => openCore({ dataDir: d, zone: 'Europe/Amsterdam', clock: manualClock('2026-03-02T09:00:00Z') }), quickOnly,
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    out += `[throws]${(e as Error).message}`;
  } finally {
    close();
  }
  return out;
}

describe('quick commands', () => {
  it('finds the command word past global options', () => {
    expect(quickCommand(['status'])).toBe('status');
    expect(quickCommand(['--json', '--data-dir', 'start', 'stop'])).toBe('stop');
    expect(quickCommand(['--data-dir=/x', 'start', 'work'])).toBe('start');
    expect(quickCommand(['list'])).toBeNull();
    expect(quickCommand(['--help'])).toBeNull();
    expect(quickCommand([])).toBeNull();
  });

  it.each([
    [['start', '--help']], [['status', '--help']], [['stop', '--bogus']], [['status', 'extra']],
    [['--json', 'status']], [['start', 'write', 'tests', '--at', '25:00']], [['toggle', 'x']], [['discard']],
  ])('%j: the same as the whole program', async (args) => {
    expect(quickCommand(args)).not.toBeNull();
    expect(await run(args, true)).toBe(await run(args, false));
  });
});
