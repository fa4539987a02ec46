/**
 * A write by another process wakes the app's worker (issue 11, l): the CLI adds an entry through
 * its own connection, and the app runtime — the one the Electron shell and the browser host start
 * — sends it within a second or two, long before its 5-minute poll. And the worker's own commits
 * (its engine has a connection of its own too) never wake it again in a loop.
 */
import { afterEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { startAppRuntime, type AppRuntime } from '../../electron/core/app-runtime';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { tempDir } from '../helpers/temp';

let server: FakeProvider;
let runtime: AppRuntime | undefined;
let cli: Core | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await runtime?.close();
  cli?.close();
  await server?.close();
  cleanup?.();
});

async function until(what: string, ok: () => boolean, ms: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (ok()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

it('hole l: an entry the CLI adds is sent by the running app within seconds, with no nudge and no poll', async () => {
  server = await FAKE_PROVIDERS.voltasis();
  const d = tempDir();
  cleanup = d.cleanup;
  cli = openCore({ dataDir: d.dir });
  cli.accounts.add({ name: 'work', provider: 'voltasis', ...server.account(), token_env: 'TT_TOKEN', is_default: true });
  const token = server.token;
  runtime = startAppRuntime({ dataDir: d.dir, host: 'browser', version: 'test', fetch: nodeFetch, tokenFor: () => token });
  const worker = runtime.worker!;
  // The start-up pass (a pull of an empty account), then the worker sleeps until its poll.
  await until('the first pass', () => server.log.length > 0 && !worker.status().running, 5000);
  await worker.idle();
  const quiet = server.log.length;

  const at = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  const e = cli.entries.create({ description: 'from the command line', start: at(2), end: at(1) });
  const took = await until('the entry on the server', () => server.held().some((h) => h.description === 'from the command line'), 5000);
  expect(took).toBeLessThan(3000);
  await until('the entry synced', () => cli!.entries.get(e.id)!.sync.state === 'synced', 3000);

  // The pass's own acks are commits the app's connection sees too: they must not start pass after pass.
  await worker.idle();
  const after = server.log.length;
  expect(after).toBeGreaterThan(quiet);
  await new Promise((r) => setTimeout(r, 1500));
  expect(server.log.length).toBe(after);
});
