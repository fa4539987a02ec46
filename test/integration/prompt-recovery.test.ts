/**
 * Recovery is prompt (issue 11, l): tried as a new user would. The server goes away, sync fails,
 * the server comes back, the user presses "Sync now": the entries go in that very pass, not after a
 * two-minute lease. And a `timetray sync` stopped with Ctrl-C while a request hangs gives its rows
 * back as it exits, so the app's next pass sends them at once — exactly once, since the request
 * that hung had reached the server.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { createSyncEngine, type SyncEngine } from '../../electron/core/sync/engine';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { createSyncWorker, type SyncWorker } from '../../electron/core/sync/worker';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { bundleCli, startCli } from '../helpers/cli-process';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
let server: FakeProvider;
let engine: SyncEngine | undefined;
let worker: SyncWorker | undefined;
afterEach(async () => {
  worker?.stop();
  await worker?.idle();
  engine?.close();
  await server?.close();
  t?.done();
});

let cli: ReturnType<typeof bundleCli>;
beforeAll(() => {
  cli = bundleCli('recovery');
});
afterAll(() => cli.remove());

const POSTS = /time-entries$/;

async function app() {
  server = await FAKE_PROVIDERS.voltasis();
  t = testCore({ clock: systemClock });
  t.core.accounts.add({ name: 'work', provider: 'voltasis', ...server.account(), token_env: 'TT_TOKEN', is_default: true });
  const token = server.token;
  engine = createSyncEngine({ core: t.core, fetch: nodeFetch, tokenFor: () => token, timeoutMs: 500 });
  const e = engine;
  // The app's own worker and pacing of passes; a long poll, so only "Sync now" can explain a send.
  worker = createSyncWorker({
    engine: e, accounts: () => t.core.accounts.list(), counts: e.counts, nextDue: e.nextDue,
    resetBackoff: e.resetBackoff, now: Date.now, pollMs: 600_000,
  });
  worker.start();
  for (let i = 0; i < 100 && server.log.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  await worker.idle();
}

const add = (i: number) => t.core.entries.create({
  description: `entry ${i}`, start: new Date(Date.now() - (i + 2) * 3_600_000).toISOString(), end: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
});

const downs: [string, (s: FakeProvider) => Promise<void> | void][] = [
  ['refuses connections', (s) => s.close()],
  ['answers every request with 503', (s) => s.inject({ fault: { kind: 'status', status: 503 }, times: 1000 })],
  ['stores creates but never answers them', (s) => s.inject({ method: 'POST', path: POSTS, fault: { kind: 'timeout' }, times: 1000 })],
];

it.each(downs)('hole l: the server %s, sync fails; back again, one "Sync now" sends everything in that pass', async (how, goDown) => {
  await app();
  const real = server;
  const port = Number(new URL(real.url).port);
  const w = worker!;
  for (let i = 0; i < 3; i++) add(i);
  await goDown(real);
  await w.syncNow();
  await w.idle();
  expect(w.status().accounts[0]!.pending).toBe(3);
  expect(['offline', 'error']).toContain(w.status().accounts[0]!.state);

  // Back: a fresh server on the same port for a closed one, the faults cleared for the others.
  if (how === 'refuses connections') server = await FAKE_PROVIDERS.voltasis({ port });
  else real.clearFaults();
  const stored = server.held().length;
  await w.syncNow();
  await w.idle();
  expect(w.status().accounts[0]).toMatchObject({ pending: 0, attention: 0 });
  expect(server.held().map((h) => h.description).sort()).toEqual(['entry 0', 'entry 1', 'entry 2']);
  expect(stored).toBeLessThanOrEqual(3);
});

it('timetray sync stopped with Ctrl-C mid-request gives its rows back: the app sends them at once, none twice', async () => {
  await app();
  for (let i = 0; i < 3; i++) add(i);
  // Every create is stored and never answered: the CLI (30 s timeout) waits on the wire.
  server.inject({ method: 'POST', path: POSTS, fault: { kind: 'timeout' }, times: 3 });
  const run = startCli(cli.bin, t.dir, ['sync'], { TT_TOKEN: server.token });
  for (let i = 0; i < 750 && server.log.filter((l) => l.status === 'timeout').length < 3; i++) await new Promise((r) => setTimeout(r, 20));
  expect(server.log.filter((l) => l.status === 'timeout')).toHaveLength(3);
  run.child.kill('SIGINT');
  const ended = await run.done;
  expect(ended.code).toBe(130);

  // Right away — well inside the CLI's 120 s lease — the app's "Sync now".
  await worker!.syncNow();
  await worker!.idle();
  expect(worker!.status().accounts[0]).toMatchObject({ pending: 0, attention: 0 });
  expect(server.held().map((h) => h.description).sort()).toEqual(['entry 0', 'entry 1', 'entry 2']);
  expect(t.core.entries.list({}).every((e) => e.sync.state === 'synced')).toBe(true);
});

it('"Sync now" pressed while a pass waits on a slow server answers after a pass that sent what was queued', async () => {
  await app();
  const w = worker!;
  server.inject({ method: 'GET', fault: { kind: 'latency', ms: 400 } });
  w.nudge();
  for (let i = 0; i < 100 && !w.status().running; i++) await new Promise((r) => setTimeout(r, 5));
  expect(w.status().running).toBe(true);
  add(0);
  await w.syncNow();
  // What the window shows the moment "Sync now" returns.
  expect(w.status().accounts[0]).toMatchObject({ pending: 0, state: 'ok' });
  expect(server.held().map((h) => h.description)).toEqual(['entry 0']);
});
