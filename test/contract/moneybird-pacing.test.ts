/**
 * Moneybird publishes 150 requests / 5 minutes (real-apis.md): a backlog is paced so that it never
 * meets a 429 (issue 11, j). The timeline runs on the test clock — the pacer's waits move it — and
 * every request is stamped with that clock as it leaves, then counted against the fake server's log.
 */
import { afterEach, expect, it } from 'vitest';
import { createSyncEngine } from '../../electron/core/sync/engine';
import type { FetchLike } from '../../electron/core/sync/http';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { createSyncWorker } from '../../electron/core/sync/worker';
import { buildProgram } from '../../electron/cli/program';
import { systemClock } from '../../electron/core/clock';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { bundleCli, startCli } from '../helpers/cli-process';
import { testCore, type TestCore } from '../helpers/temp';
import { testHourStart } from '../helpers/test-hour';

const WINDOW = 5 * 60_000;
const BACKLOG = 400;

let t: TestCore;
let server: FakeProvider;
let close: (() => void) | undefined;
afterEach(async () => {
  close?.();
  await server?.close();
  t?.done();
});

async function setup(maxPaceWaitMs?: number) {
  server = await FAKE_PROVIDERS.moneybird();
  t = testCore({ now: new Date(testHourStart()).toISOString() });
  t.core.accounts.add({ name: 'mb', provider: 'moneybird', ...server.account(), token_env: 'MB', is_default: true });
  const start = t.clock.now() - 5 * 86_400_000;
  for (let i = 0; i < BACKLOG; i++) {
    t.core.entries.create({ description: `entry ${i}`, start: new Date(start + i * 600_000).toISOString(), end: new Date(start + i * 600_000 + 300_000).toISOString() });
  }
  const sentAt: number[] = [];
  const fetch: FetchLike = (url, init) => {
    sentAt.push(t.clock.now());
    return nodeFetch(url, init);
  };
  const engine = createSyncEngine({
    core: t.core, fetch, tokenFor: () => server.token, timeoutMs: 5000, maxPaceWaitMs,
    // The pacer's waits move the test clock: a 10-minute drain takes milliseconds.
    sleep: async (ms) => t.clock.set(Math.max(t.clock.now(), t.clock.now() + ms)),
  });
  close = engine.close;
  return { engine, sentAt };
}

/** The most requests in any 5-minute window [t, t + 5 min) that starts at a request. */
function busiestWindow(times: readonly number[]): number {
  const s = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (j < s.length && s[j]! < s[i]! + WINDOW) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

it('hole j: a 400-entry backlog drains without a 429: never more than 150 requests in any 5 minutes', async () => {
  const { engine, sentAt } = await setup(Infinity);
  const t0 = t.clock.now();
  const r = await engine.syncAll(true);
  expect(r.accounts[0]).toMatchObject({ state: 'ok', pushed: BACKLOG, pending: 0, error: null });
  expect(server.held()).toHaveLength(BACKLOG);
  expect(new Set(server.held().map((h) => h.description)).size).toBe(BACKLOG);
  // Every request stamped on our side reached the server, and none was refused for the rate.
  expect(server.log).toHaveLength(sentAt.length);
  expect(server.log.filter((l) => l.status === 429)).toEqual([]);
  expect(busiestWindow(sentAt)).toBe(150);
  // The asserted timeline: one list and 400 creates = 401 requests, 150 at once, 150 after five
  // minutes, the last 101 after ten.
  expect(sentAt).toHaveLength(BACKLOG + 1);
  expect(sentAt.filter((s) => s === t0)).toHaveLength(150);
  expect(sentAt.filter((s) => s === t0 + WINDOW)).toHaveLength(150);
  expect(sentAt.filter((s) => s === t0 + 2 * WINDOW)).toHaveLength(101);
});

it('the app\'s pass sends what the budget allows now, says when the rest goes, and is woken for it', async () => {
  const { engine, sentAt } = await setup();
  const t0 = t.clock.now();
  const r = await engine.syncAll(false);
  // One list and 149 creates at once; the other 251 wait for the budget, which is not an error.
  expect(r.accounts[0]).toMatchObject({ state: 'ok', pushed: 149, pending: 251, error: null });
  expect(r.accounts[0]!.note).toBe("about 10 min to send 251 changes at Moneybird's 150 requests / 5 min");
  expect(sentAt).toHaveLength(150);
  expect(engine.nextDue()).toBe(t0 + WINDOW);
  // The worker comes back when the budget has room, and again, until the queue is empty.
  for (let i = 0; i < 5 && engine.counts(t.core.accounts.list()[0]!.id).pending > 0; i++) {
    t.clock.set(engine.nextDue()!);
    await engine.syncAll(false);
  }
  expect(server.held()).toHaveLength(BACKLOG);
  expect(server.log.filter((l) => l.status === 429)).toEqual([]);
  expect(busiestWindow(sentAt)).toBeLessThanOrEqual(150);
});

it('timetray queue shows the expected drain time of a Moneybird backlog', async () => {
  await setup();
  let out = '';
  const { program } = buildProgram({ out: (s) => (out += s), err: () => undefined, env: {}, openCore: () => t.core });
  await program.parseAsync(['queue'], { from: 'user' });
  expect(out).toContain("mb: about 10 min to send 400 changes at Moneybird's 150 requests / 5 min");
  out = '';
  await program.parseAsync(['--json', 'queue'], { from: 'user' });
  expect(JSON.parse(out).drain).toEqual([expect.objectContaining({ account: 'mb', provider: 'moneybird', changes: 400, estimate_ms: 2 * WINDOW, held_until: null })]);
});

it('the window\'s sync status carries the drain time of the backlog the budget left', async () => {
  const { engine } = await setup();
  const worker = createSyncWorker({
    engine, accounts: () => t.core.accounts.list(), counts: engine.counts, nextDue: engine.nextDue,
    resetBackoff: engine.resetBackoff, now: t.clock.now, pollMs: 600_000,
  });
  worker.start();
  try {
    await worker.syncNow();
    await worker.idle();
    expect(worker.status().accounts[0]).toMatchObject({
      account: 'mb', state: 'ok', pending: 251, note: "about 10 min to send 251 changes at Moneybird's 150 requests / 5 min",
    });
  } finally {
    worker.stop();
    await worker.idle();
  }
});

it('the pickers\' list fetch shares the account\'s budget: with it spent, the list waits and nothing is sent', async () => {
  const { engine, sentAt } = await setup();
  await engine.syncAll(false);
  expect(sentAt).toHaveLength(150);
  const r = await engine.refreshCatalog('mb');
  expect(r.ok).toBe(false);
  expect(r.error).toMatch(/^not sent yet: Moneybird takes 150 requests per 5 min; the next may go at /);
  expect(sentAt).toHaveLength(150);
  expect(server.log).toHaveLength(150);
  // Five minutes on, the budget has room again and the list comes.
  t.clock.advance(WINDOW);
  expect(await engine.refreshCatalog('mb')).toMatchObject({ ok: true, error: null });
  expect(server.log.filter((l) => /projects|contacts/.test(l.path)).length).toBeGreaterThan(0);
});

it('while timetray sync waits out the Moneybird budget, another account\'s entries go at once', async () => {
  const { engine, sentAt } = await setup(Infinity);
  const other = await FAKE_PROVIDERS.voltasis();
  try {
    t.core.accounts.add({ name: 'vo', provider: 'voltasis', ...other.account(), token_env: 'VO' });
    const tokens: Record<string, string> = { mb: server.token, vo: other.token };
    const seenAt: number[] = [];
    const both = createSyncEngine({
      core: t.core, tokenFor: (a) => tokens[a.name]!, timeoutMs: 5000, maxPaceWaitMs: Infinity,
      fetch: (url, init) => {
        (url.startsWith(other.url) ? seenAt : sentAt).push(t.clock.now());
        return nodeFetch(url, init);
      },
      sleep: async (ms) => t.clock.set(t.clock.now() + ms),
    });
    engine.close();
    close = both.close;
    t.core.entries.create({ description: 'elsewhere', account: 'vo', start: new Date(t.clock.now() - 7_200_000).toISOString(), end: new Date(t.clock.now() - 3_600_000).toISOString() });
    const t0 = t.clock.now();
    const r = await both.syncAll(true);
    expect(r.accounts.map((a) => [a.account, a.state, a.pending])).toEqual([['mb', 'ok', 0], ['vo', 'ok', 0]]);
    expect(other.held().map((h) => h.description)).toEqual(['elsewhere']);
    // Every request to the other server left before the first pacing wait moved the clock.
    expect(seenAt.length).toBeGreaterThan(0);
    expect(seenAt.every((s) => s === t0)).toBe(true);
    expect(Math.max(...sentAt)).toBe(t0 + 2 * WINDOW);
  } finally {
    await other.close();
  }
});

it('timetray sync says up front how long a Moneybird backlog takes, sends what the budget allows, and waits (Ctrl-C leaves it queued)', async () => {
  server = await FAKE_PROVIDERS.moneybird();
  t = testCore({ clock: systemClock });
  t.core.accounts.add({ name: 'mb', provider: 'moneybird', ...server.account(), token_env: 'MB', is_default: true });
  const start = Date.now() - 5 * 86_400_000;
  for (let i = 0; i < BACKLOG; i++) {
    t.core.entries.create({ description: `entry ${i}`, start: new Date(start + i * 600_000).toISOString(), end: new Date(start + i * 600_000 + 300_000).toISOString() });
  }
  const cli = bundleCli('pacing');
  try {
    const run = startCli(cli.bin, t.dir, ['sync'], { MB: server.token });
    // The budget's first 150 requests go at once; then the command waits five minutes for room.
    for (let i = 0; i < 1000 && server.log.length < 150; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
    expect(server.log).toHaveLength(150);
    run.child.kill('SIGINT');
    const ended = await run.done;
    expect(ended.stderr).toContain("mb: about 10 min to send 400 changes at Moneybird's 150 requests / 5 min");
    expect(ended.code).toBe(130);
    expect(server.log.filter((l) => l.status === 429)).toEqual([]);
    expect(t.core.queue.report().queued).toHaveLength(BACKLOG - 149);
  } finally {
    cli.remove();
  }
});
