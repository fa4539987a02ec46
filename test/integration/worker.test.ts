/** The app's sync worker against a real fake server: nudges, online/offline events, status. */
import { afterEach, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { createSyncWorker, type SyncWorker, type WorkerStatus } from '../../electron/core/sync/worker';
import { startVoltasis } from '../providers/voltasis';
import type { FakeProvider } from '../providers';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
let server: FakeProvider;
let worker: SyncWorker;
let closeEngine: () => void;
afterEach(async () => {
  worker?.stop();
  await worker?.idle();
  closeEngine?.();
  await server?.close();
  t?.done();
});

async function until(what: string, ok: () => boolean, ms = 5000) {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function setup(pollMs = 60_000) {
  server = await startVoltasis();
  t = testCore({ clock: systemClock });
  t.core.accounts.add({ name: 'work', provider: 'voltasis', ...server.account(), is_default: true });
  const token = server.token;
  const engine = createSyncEngine({ core: t.core, fetch: (u, i) => fetch(u, i), tokenFor: () => token, timeoutMs: 1000, backoff: { minMs: 50, maxMs: 200 } });
  closeEngine = engine.close;
  const seen: WorkerStatus[] = [];
  worker = createSyncWorker({
    engine, accounts: () => t.core.accounts.list(), counts: engine.counts, nextDue: engine.nextDue,
    resetBackoff: engine.resetBackoff, now: Date.now, pollMs, backoff: { minMs: 50, maxMs: 200 }, onStatus: (s) => seen.push(s),
  });
  return seen;
}

const add = (d: string) => t.core.entries.create({ description: d, start: new Date(Date.now() - 3_600_000).toISOString(), end: new Date(Date.now() - 1_800_000).toISOString() });

it('a local write, nudged, reaches the server and the status says so', async () => {
  const seen = await setup();
  worker.start();
  await until('first pass', () => seen.some((s) => !s.running));
  add('nudged');
  worker.nudge();
  await until('the entry on the server', () => server.held().some((h) => h.description === 'nudged'));
  await worker.idle();
  const s = worker.status();
  expect(s.accounts[0]).toMatchObject({ account: 'work', pending: 0, attention: 0, last_error: null });
  expect(Date.parse(s.accounts[0]!.last_success_at!)).toBeGreaterThan(Date.now() - 10_000);
});

it('while the system says offline nothing is sent; coming online sends at once', async () => {
  await setup();
  worker.setOnline(false);
  worker.start();
  add('queued offline');
  worker.nudge();
  await new Promise((r) => setTimeout(r, 300));
  expect(server.held()).toEqual([]);
  expect(worker.status()).toMatchObject({ online: false, accounts: [{ pending: 1 }] });
  worker.setOnline(true);
  await until('the entry on the server', () => server.held().length === 1);
});

it('a server that vanishes marks the account offline; probes with backoff bring it back', async () => {
  await setup();
  const port = Number(new URL(server.url).port);
  await server.close();
  worker.start();
  add('while the server is gone');
  worker.nudge();
  await until('offline state', () => worker.status().accounts[0]!.state === 'offline');
  expect(worker.status().accounts[0]!.last_error).toMatch(/network error/);
  server = await startVoltasis({ port });
  await until('the entry on the server', () => server.held().length === 1);
  await until('back online', () => worker.status().accounts[0]!.state === 'ok');
});
