/**
 * One account's failure never stops the others (issue 11, i), and a failed pass gives its rows back
 * at once (l): two real fake servers, two accounts on one database; one account's connector throws
 * in the middle of a batch, after its first create reached the server (a connector bug, an
 * unreadable answer). The other account's entries still go in the same pass, and once the bug is
 * gone "Sync now" sends the broken account's entries in that very pass — no waiting out a lease —
 * without duplicating the one the server already stored.
 */
import { afterEach, expect, it } from 'vitest';
import type { Account } from '../../shared/entry';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { connectorFor } from '../../electron/core/sync/connectors';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { testCore, type TestCore } from '../helpers/temp';
import { testHourStart } from '../helpers/test-hour';

let t: TestCore;
let good: FakeProvider;
let bad: FakeProvider;
let closeEngine: (() => void) | undefined;
afterEach(async () => {
  closeEngine?.();
  await good?.close();
  await bad?.close();
  t?.done();
});

it('hole i: an exception in one account is that account\'s error; the other syncs, and Sync now sends the rest at once', async () => {
  good = await FAKE_PROVIDERS.voltasis();
  bad = await FAKE_PROVIDERS.expensicat();
  t = testCore({ now: new Date(testHourStart()).toISOString() });
  // Alphabetical: the broken account is synced first, so the good one runs after the exception.
  t.core.accounts.add({ name: 'a-broken', provider: 'expensicat', ...bad.account(), token_env: 'X' });
  t.core.accounts.add({ name: 'b-good', provider: 'voltasis', ...good.account(), token_env: 'Y' });
  const tokens: Record<string, string> = { 'a-broken': bad.token, 'b-good': good.token };
  let bug = true;
  let thrown = 0;
  const engine = createSyncEngine({
    core: t.core,
    fetch: nodeFetch,
    tokenFor: (a) => tokens[a.name]!,
    timeoutMs: 2000,
    // One request at a time: the timeline (one create stored, then the exception) is exact.
    concurrency: 1,
    connector: (account: Account, token: string, http) => {
      const real = connectorFor(account, token, http);
      if (account.name !== 'a-broken') return real;
      return {
        ...real,
        async create(items) {
          if (!bug) return real.create(items);
          // The first create reaches the server; reading its answer then fails.
          await real.create(items.slice(0, 1));
          thrown++;
          throw new TypeError("Cannot read properties of null (reading 'id')");
        },
      };
    },
  });
  closeEngine = engine.close;

  const start = t.clock.now() - 2 * 86_400_000;
  const add = (account: string, i: number) => t.core.entries.create({
    description: `${account} ${i}`, account, project_id: '101',
    start: new Date(start + i * 3_600_000).toISOString(), end: new Date(start + i * 3_600_000 + 1_800_000).toISOString(),
  });
  for (let i = 0; i < 3; i++) {
    add('a-broken', i);
    add('b-good', i);
  }

  const first = await engine.syncAll(true);
  expect(thrown).toBe(1);
  const [broken, fine] = first.accounts;
  expect(broken).toMatchObject({ account: 'a-broken', state: 'error', pending: 3 });
  expect(broken!.error).toMatch(/unexpected error: Cannot read properties of null/);
  expect(fine).toMatchObject({ account: 'b-good', state: 'ok', pushed: 3, pending: 0 });
  expect(good.held().map((h) => h.description).sort()).toEqual(['b-good 0', 'b-good 1', 'b-good 2']);
  expect(bad.held().map((h) => h.description)).toEqual(['a-broken 0']);

  // The bug is fixed (a new version, a server answering sense again); the user presses Sync now.
  // Same instant: a row still behind its 120 s lease would not go in this pass.
  bug = false;
  engine.resetBackoff();
  const second = await engine.syncAll(true);
  expect(second.accounts[0]).toMatchObject({ account: 'a-broken', state: 'ok', pending: 0 });
  // Exactly once each: the create that reached the server before the exception is found, not repeated.
  expect(bad.held().map((h) => h.description).sort()).toEqual(['a-broken 0', 'a-broken 1', 'a-broken 2']);
  expect(t.core.entries.list({}).every((e) => e.sync.state === 'synced')).toBe(true);
});

it('when one create of a batch throws, the batch\'s other workers send nothing more once its rows are given back', async () => {
  bad = await FAKE_PROVIDERS.expensicat();
  t = testCore({ now: new Date(testHourStart()).toISOString() });
  t.core.accounts.add({ name: 'cat', provider: 'expensicat', ...bad.account(), token_env: 'X', is_default: true });
  let bug = true;
  let calls = 0;
  const engine = createSyncEngine({
    core: t.core, fetch: nodeFetch, tokenFor: () => bad.token, timeoutMs: 2000,
    // Four creates at a time, through the engine's own HTTP (the real connector over it).
    concurrency: 4,
    connector: (account, token, http) => {
      const real = connectorFor(account, token, http);
      return {
        ...real,
        async create(items) {
          if (!bug) return real.create(items);
          if (calls++ === 0) {
            await real.create(items);
            throw new TypeError("Cannot read properties of null (reading 'id')");
          }
          // The other workers' creates leave a moment later, after the first one's exception.
          await new Promise((r) => setTimeout(r, 150));
          return real.create(items);
        },
      };
    },
  });
  closeEngine = engine.close;
  const start = t.clock.now() - 2 * 86_400_000;
  for (let i = 0; i < 8; i++) {
    t.core.entries.create({ description: `entry ${i}`, project_id: '101', start: new Date(start + i * 3_600_000).toISOString(), end: new Date(start + i * 3_600_000 + 1_800_000).toISOString() });
  }
  const r = await engine.syncAll(true);
  expect(r.accounts[0]).toMatchObject({ state: 'error', pending: 8 });
  // Give the leftover workers time to do whatever they would.
  await new Promise((r2) => setTimeout(r2, 400));
  expect(bad.log.filter((l) => l.method === 'POST')).toHaveLength(1);

  bug = false;
  engine.resetBackoff();
  expect((await engine.syncAll(true)).accounts[0]).toMatchObject({ state: 'ok', pending: 0 });
  expect(bad.held().map((h) => h.description).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `entry ${i}`));
});
