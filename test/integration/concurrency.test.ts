/** Several processes on one database file: the CLI and the tray app do this every day. */
import { spawn } from 'node:child_process';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleFixture } from '../helpers/bundle';
import { tempDir } from '../helpers/temp';
import { openCore } from '../../electron/core';
import { SCHEMA_VERSION } from '../../electron/core/migrations';

let writer: string;
beforeAll(() => {
  writer = bundleFixture('writer.ts');
});
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('timetray-conc-')));
afterEach(() => cleanup());

function write(name: string, count: number): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [writer, dir, name, String(count)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('exit', (code) => resolve({ code, err }));
  });
}

describe('two processes on one database', () => {
  it('both writers land every entry, each with its outbox row, while a reader reads', async () => {
    const core = openCore({ dataDir: dir, zone: 'UTC' });
    core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'http://127.0.0.1:9', context: { org: 'o' }, is_default: true });
    const writers = Promise.all([write('a', 300), write('b', 300)]);
    // This process keeps reading (and writing its own timer) meanwhile, as the tray app would.
    let reads = 0;
    let done = false;
    void writers.then(() => (done = true));
    while (!done) {
      core.entries.list({ limit: 50 });
      reads++;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await writers).toEqual([{ code: 0, err: '' }, { code: 0, err: '' }]);
    const all = core.entries.list({});
    expect(all.filter((e) => e.description.startsWith('a ')).length).toBe(300);
    expect(all.filter((e) => e.description.startsWith('b ')).length).toBe(300);
    expect(core.queue.report().queued).toHaveLength(600);
    expect(reads).toBeGreaterThan(1);
    core.close();
  }, 60_000);

  it('four processes opening a fresh file at once migrate it exactly once', async () => {
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((n) => write(n, 5)));
    expect(results.map((r) => r.err)).toEqual(['', '', '', '']);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const core = openCore({ dataDir: dir, zone: 'UTC' });
    expect(core.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(core.entries.list({})).toHaveLength(20);
    core.close();
  }, 60_000);
});
