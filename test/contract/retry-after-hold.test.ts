/**
 * A 429's Retry-After holds the whole account (issue 11, j), as an asserted timeline on the test
 * clock: after a 429 asking for 120 s, no request at all reaches that server — no list, no probe,
 * not from "Sync now", not from a second process on the same file — until 120 s have passed; then
 * the queue resumes and each entry lands exactly once — judged, with the local list, against what
 * the user did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { type Provider } from '../../shared/entry';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { createSyncWorker } from '../../electron/core/sync/worker';
import { systemClock } from '../../electron/core/clock';
import { FAKE_PROVIDERS } from '../providers';
import { bundleCli, startCli } from '../helpers/cli-process';
import { expectMatchesIntent, UserIntent, userAdds, world, type World } from '../helpers/sync';
import { testCore } from '../helpers/temp';

const POST_PATH = /time[-_]entries(\.json)?$/;
const expectAsTheUserLeftIt = (w: World, intent: UserIntent) => expectMatchesIntent(w, intent, { remoteIds: true });

describe.each(PROVIDER_IDS)('%s', (provider: Provider) => {
  let w: World;
  afterEach(async () => w?.done());

  it('hole j: a 429 with Retry-After 120 s: no request at all to the account for 120 s, then it resumes', async () => {
    w = await world(provider);
    const intent = new UserIntent();
    for (let i = 0; i < 3; i++) userAdds(w, intent, i);
    const t0 = w.clock.now();
    w.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'status', status: 429, retryAfter: '120' } });
    const first = await w.pass();
    expect(first.accounts[0]).toMatchObject({ state: 'held', held_until: t0 + 120_000 });
    expect(first.accounts[0]!.note).toMatch(/^held until \d\d:\d\d:\d\d: the server asked to wait/);
    // Creates already on the wire beside the refused one (4 at a time) may have landed; the rest wait.
    expect(first.accounts[0]!.pending).toBe(3 - w.server.held().length);
    expect(first.accounts[0]!.pending).toBeGreaterThan(0);
    const asked = w.server.log.length;

    // The CLI on the same file, mid-hold: the hold is in the database, so it sends nothing either.
    const cli = createSyncEngine({ core: w.core, fetch: nodeFetch, tokenFor: () => w.server.token, timeoutMs: 2000 });
    try {
      for (const after of [1_000, 60_000, 119_999]) {
        w.clock.set(t0 + after);
        // "Sync now": backoff reset and a forced pass; the server's word still stands.
        w.engine.resetBackoff();
        const r = await w.pass();
        expect(r.accounts[0], `a pass ${after} ms after the 429`).toMatchObject({ state: 'held', held_until: t0 + 120_000 });
        expect((await cli.syncAll(true)).accounts[0]).toMatchObject({ state: 'held' });
        expect(w.server.log.length, `requests ${after} ms after the 429`).toBe(asked);
      }
      expect(w.engine.nextDue()).toBe(t0 + 120_000);
    } finally {
      cli.close();
    }

    w.clock.set(t0 + 120_000);
    const resumed = await w.pass();
    expect(resumed.accounts[0]).toMatchObject({ state: 'ok', held_until: null, pending: 0 });
    expect(w.server.log.length).toBeGreaterThan(asked);
    expect(w.server.log.filter((l) => l.status === 429)).toHaveLength(1);
    expectAsTheUserLeftIt(w, intent);
  });
});

it('Moneybird\'s epoch Retry-After: the window\'s status says held and until when, and Sync now keeps to it', async () => {
  const w = await world('moneybird');
  try {
    w.add(1);
    const t0 = w.clock.now();
    const until = Math.floor(t0 / 1000) * 1000 + 90_000;
    w.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'status', status: 429, retryAfter: String(until / 1000) } });
    const worker = createSyncWorker({
      engine: w.engine, accounts: () => w.core.accounts.list(), counts: w.engine.counts, nextDue: w.engine.nextDue,
      resetBackoff: w.engine.resetBackoff, now: w.clock.now, pollMs: 600_000,
    });
    worker.start();
    try {
      await worker.syncNow();
      await worker.idle();
      const asked = w.server.log.length;
      w.clock.set(t0 + 30_000);
      await worker.syncNow();
      await worker.idle();
      expect(w.server.log.length).toBe(asked);
      expect(worker.status().accounts[0]).toMatchObject({ state: 'held', pending: 1, held_until: new Date(until).toISOString() });
      expect(worker.status().accounts[0]!.note).toMatch(/^held until \d\d:\d\d:\d\d: the server asked to wait/);
    } finally {
      worker.stop();
      await worker.idle();
    }
  } finally {
    await w.done();
  }
});

it('a 429 mid-backlog stops the batch there: the rows not yet tried cost no lookup once the hold ends', async () => {
  const w = await world('moneybird');
  try {
    const intent = new UserIntent();
    for (let i = 0; i < 12; i++) userAdds(w, intent, i);
    const t0 = w.clock.now();
    w.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'status', status: 429, retryAfter: '60' } });
    expect((await w.pass()).accounts[0]).toMatchObject({ state: 'held' });
    // At most the creates already on the wire beside the refused one (4 at a time) went out.
    const posts = w.server.log.filter((l) => l.method === 'POST').length;
    expect(posts).toBeLessThanOrEqual(4);
    const before = w.server.log.length;
    w.clock.set(t0 + 60_000);
    expect((await w.pass()).accounts[0]).toMatchObject({ state: 'ok', pending: 0 });
    const after = w.server.log.slice(before);
    // One pull, and lookups only for rows a worker had already taken up when the 429 came (at most
    // one per worker of 4): the other rows were given back untried. One POST per entry not yet stored.
    expect(after.filter((l) => l.method === 'GET').length).toBeLessThanOrEqual(1 + 4);
    expect(after.filter((l) => l.method === 'POST')).toHaveLength(12 - (posts - 1));
    expectAsTheUserLeftIt(w, intent);
  } finally {
    await w.done();
  }
});

it('timetray sync meeting a 429 says held until when, exits 1, and a second run before then sends nothing', async () => {
  const server = await FAKE_PROVIDERS.voltasis();
  const t = testCore({ clock: systemClock });
  const cli = bundleCli('hold');
  try {
    t.core.accounts.add({ name: 'v', provider: 'voltasis', ...server.account(), token_env: 'V', is_default: true });
    t.core.entries.create({ description: 'held work', start: new Date(Date.now() - 7_200_000).toISOString(), end: new Date(Date.now() - 3_600_000).toISOString() });
    server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'status', status: 429, retryAfter: '120' } });
    const before = Date.now();
    const first = await startCli(cli.bin, t.dir, ['--json', 'sync'], { V: server.token }).done;
    expect(first.code).toBe(1);
    const a = JSON.parse(first.stdout).accounts[0];
    expect(a).toMatchObject({ account: 'v', state: 'held', pending: 1 });
    const until = Date.parse(a.held_until);
    expect(until).toBeGreaterThanOrEqual(before + 120_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 120_000);
    const asked = server.log.length;
    const second = await startCli(cli.bin, t.dir, ['sync'], { V: server.token }).done;
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/^v \(voltasis\): held until \d\d:\d\d:\d\d: the server asked to wait \(Retry-After\); nothing is sent to it before then; 1 queued$/m);
    expect(server.log.length).toBe(asked);
  } finally {
    cli.remove();
    await server.close();
    t.done();
  }
});

it('a clock set back during a hold does not stretch it into hours: the hold is over and the queue goes', async () => {
  const w = await world('voltasis');
  try {
    const intent = new UserIntent();
    userAdds(w, intent, 1);
    const t0 = w.clock.now();
    w.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'status', status: 429, retryAfter: '120' } });
    expect((await w.pass()).accounts[0]).toMatchObject({ state: 'held', held_until: t0 + 120_000 });
    w.clock.set(t0 - 3_600_000);
    expect(w.engine.heldUntil(w.core.accounts.list()[0]!.id)).toBeNull();
    // "Sync now" (the row's own backoff is reset by it; the hold never is, so only its cap lets this go).
    w.engine.resetBackoff();
    expect((await w.pass()).accounts[0]).toMatchObject({ state: 'ok', pending: 0 });
    expectAsTheUserLeftIt(w, intent);
  } finally {
    await w.done();
  }
});
