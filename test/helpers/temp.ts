/** One fresh data folder per test, removed afterwards: tests never share a database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../electron/core';

export function tempDir(prefix = 'timetray-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function manualClock(start: number | string) {
  let t = typeof start === 'string' ? Date.parse(start) : start;
  return {
    now: () => t,
    set(v: number | string) {
      t = typeof v === 'string' ? Date.parse(v) : v;
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

export interface TestCore {
  core: Core;
  dir: string;
  clock: ReturnType<typeof manualClock>;
  done(): void;
}

export function testCore(opts: Partial<CoreOptions> & { now?: string; zone?: string } = {}): TestCore {
  const { dir, cleanup } = tempDir();
  const clock = manualClock(opts.now ?? '2026-01-15T12:00:00Z');
  const core = openCore({ dataDir: dir, clock, zone: opts.zone ?? 'Europe/Amsterdam', ...opts });
  return {
    core,
    dir,
    clock,
    done() {
      core.close();
      cleanup();
    },
  };
}
