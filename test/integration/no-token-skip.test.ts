/**
 * A process without an account's token skips it and says so; it never pauses the account for the
 * app (issue 11, h). The real `timetray` CLI (bundled from electron/cli/main.ts, run as a child
 * process) syncs a database beside the app: one account's token was typed into the app (it lives
 * in the app's secret store), another's comes from an environment variable.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { bundleCli, startCli } from '../helpers/cli-process';
import { testCore, type TestCore } from '../helpers/temp';

let cli: ReturnType<typeof bundleCli>;
beforeAll(() => {
  cli = bundleCli('no-token');
});
afterAll(() => cli.remove());

let t: TestCore;
let appServer: FakeProvider;
let envServer: FakeProvider;
afterEach(async () => {
  await appServer?.close();
  await envServer?.close();
  t?.done();
});

const timetray = (args: string[], env: Record<string, string> = {}) => startCli(cli.bin, t.dir, args, env, ['TT_TOKEN']).done;

it('hole h: the CLI skips an account whose token only the app holds, says so, exits 0, and the app still syncs it', async () => {
  appServer = await FAKE_PROVIDERS.voltasis();
  envServer = await FAKE_PROVIDERS.voltasis();
  t = testCore({ clock: systemClock });
  const typed = t.core.accounts.add({ name: 'typed', provider: 'voltasis', ...appServer.account() });
  t.core.accounts.markSecret(typed.id, true);
  t.core.accounts.add({ name: 'env', provider: 'voltasis', ...envServer.account(), token_env: 'TT_TOKEN' });
  const at = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
  t.core.entries.create({ description: 'typed work', account: 'typed', start: at(3), end: at(2) });
  t.core.entries.create({ description: 'env work', account: 'env', start: at(2), end: at(1) });

  const run = await timetray(['sync'], { TT_TOKEN: envServer.token });
  expect(run.stdout).toContain('typed (voltasis): skipped: no token in this process; the app syncs it; 1 queued');
  expect(run.stdout).toMatch(/env \(voltasis\): ok; sent 1, 0 queued/);
  // Nothing failed: the app holds that token and will send it.
  expect(run.code).toBe(0);
  expect(appServer.log).toEqual([]);
  expect(envServer.held().map((h) => h.description)).toEqual(['env work']);

  // The app's worker pass (not forced): the account was not paused by the CLI, so it goes.
  const app = createSyncEngine({ core: t.core, fetch: nodeFetch, tokenFor: (a) => (a.name === 'typed' ? appServer.token : envServer.token), timeoutMs: 2000 });
  try {
    expect(app.state(typed.id).paused_reason).toBeNull();
    const r = await app.syncAll(false);
    expect(r.accounts.find((a) => a.account === 'typed')).toMatchObject({ state: 'ok', pushed: 1, pending: 0 });
  } finally {
    app.close();
  }
  expect(appServer.held().map((h) => h.description)).toEqual(['typed work']);
});

it('a token variable not set in the CLI\'s environment is named, and the work left makes exit status 1', async () => {
  envServer = await FAKE_PROVIDERS.voltasis();
  t = testCore({ clock: systemClock });
  t.core.accounts.add({ name: 'env', provider: 'voltasis', ...envServer.account(), token_env: 'TT_TOKEN' });
  t.core.entries.create({ description: 'env work', account: 'env', start: new Date(Date.now() - 7_200_000).toISOString(), end: new Date(Date.now() - 3_600_000).toISOString() });
  const run = await timetray(['sync']);
  expect(run.stdout).toContain('env (voltasis): skipped: the environment variable TT_TOKEN is not set in this process; 1 queued');
  expect(run.code).toBe(1);
  // With the variable set, the same command sends it: no pause was left behind.
  const again = await timetray(['sync'], { TT_TOKEN: envServer.token });
  expect(again.code).toBe(0);
  expect(envServer.held().map((h) => h.description)).toEqual(['env work']);
});

it('a database an older version left paused for a missing token syncs again once the token is there', async () => {
  envServer = await FAKE_PROVIDERS.voltasis();
  t = testCore({ clock: systemClock });
  const a = t.core.accounts.add({ name: 'env', provider: 'voltasis', ...envServer.account(), token_env: 'TT_TOKEN' });
  t.core.entries.create({ description: 'old pause', account: 'env', start: new Date(Date.now() - 7_200_000).toISOString(), end: new Date(Date.now() - 3_600_000).toISOString() });
  // What the previous version wrote when the CLI ran without the variable.
  t.core.db.prepare('INSERT INTO account_sync (account_id, paused_reason) VALUES (?, ?)').run(a.id, 'no token: the environment variable TT_TOKEN is not set');
  const app = createSyncEngine({ core: t.core, fetch: nodeFetch, tokenFor: () => envServer.token, timeoutMs: 2000 });
  try {
    expect((await app.syncAll(false)).accounts[0]).toMatchObject({ state: 'ok', pushed: 1 });
    expect(app.state(a.id).paused_reason).toBeNull();
  } finally {
    app.close();
  }
  expect(envServer.held().map((h) => h.description)).toEqual(['old pause']);
});
