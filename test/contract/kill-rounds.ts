/**
 * kill -9 of a syncing process at random points, round after round, while the user keeps adding,
 * editing and deleting; then one clean sync. Judged against what the user did (a model kept by
 * the test, never the local database): the server holds each live entry exactly once with its
 * last fields, and the local list shows exactly those entries; nothing deleted anywhere.
 *
 * TIMETRAY_KILL_SEED=n replays a run's user actions and faults.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import type { Provider } from '../../shared/entry';
import { bundleFixture } from '../helpers/bundle';
import { expectMatchesIntent, TOKEN_ENV, UserIntent, userAdds, world } from '../helpers/sync';

export const KILL_ROUNDS = 50;
const LEASE_MS = 250;
/** The kill comes this long (at most) after the child's first request reached the server. */
const FIRST_REQUEST_WAIT_MS = 3000;

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/**
 * Runs one syncing child and kills it `afterMs` after its first request reached the server: timed
 * from the child's work, not its start, so a loaded machine still kills it mid-sync.
 */
function syncUntilKilled(child: string, dir: string, token: string, afterMs: number, requests: () => number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dir, String(LEASE_MS)], {
      env: { ...process.env, [TOKEN_ENV]: token }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const guard = setTimeout(() => p.kill('SIGKILL'), 10_000);
    p.stdout.once('data', () => {
      const before = requests();
      const started = Date.now();
      const poll = setInterval(() => {
        if (requests() === before && Date.now() - started < FIRST_REQUEST_WAIT_MS) return;
        clearInterval(poll);
        setTimeout(() => p.kill('SIGKILL'), afterMs);
      }, 2);
    });
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('exit', (_c, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL' && !err) resolve();
      else reject(new Error(`sync child ended by ${signal}: ${err}`));
    });
  });
}

export function killRounds(provider: Provider): void {
  it(`${KILL_ROUNDS} random kill -9 rounds of a syncing process, then a clean sync: 0 lost, 0 duplicated`, async () => {
    const child = bundleFixture('sync-loop.ts');
    const w = await world(provider);
    // Kill timing is real time: a seed replays the user's actions and the faults, not each kill point.
    const seed = Number(process.env.TIMETRAY_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
    try {
      const rand = seeded(seed);
      const user = new UserIntent();
      const live = () => [...user.live.keys()];
      const iso = (ms: number) => new Date(ms).toISOString();
      let made = 0;
      for (let round = 0; round < KILL_ROUNDS; round++) {
        for (let j = 0, n = 1 + rand(3); j < n; j++) {
          // Some entries cross local midnight: date-only APIs get two pieces for them.
          const crossing = rand(5) === 0;
          const start = w.clock.now() - (3 + rand(6)) * 86_400_000 + (crossing ? 0 : rand(3600) * 1000);
          const base = crossing ? start - (start % 86_400_000) + 22 * 3_600_000 + 40 * 60_000 : start;
          const seconds = 600 + rand(7200);
          const description = `r${round}-${j}`;
          userAdds(w, user, made++, { start: base, seconds, description });
        }
        if (user.live.size > 3 && rand(3) === 0) {
          const ids = live();
          const was = user.live.get(ids[rand(ids.length)]!)!;
          const patch = { description: `${was.description}+`, end: iso(Date.parse(was.end) + (1 + rand(30)) * 60_000) };
          w.core.entries.edit(was.id, patch);
          user.edited(was.id, patch);
        }
        if (user.live.size > 5 && rand(5) === 0) {
          const ids = live();
          const id = ids[rand(ids.length)]!;
          w.core.entries.remove(id);
          user.removed(id);
        }
        // Slow answers widen the window in which a kill lands between a request and its answer.
        w.server.inject({ fault: { kind: 'latency', ms: rand(40) }, times: 1 + rand(4) });
        if (rand(4) === 0) w.server.inject({ method: 'POST', fault: { kind: 'reset' } });
        await syncUntilKilled(child, w.dir, w.server.token, rand(250), () => w.server.log.length);
      }
      w.server.clearFaults();
      const heldBeforeClean = w.server.held().length;
      const cutOff = w.server.log.filter((l) => l.status === 'reset').length;
      // Past every lease a killed child held.
      w.clock.set(Date.now() + 3_600_000);
      await w.drain();
      if (process.env.TIMETRAY_KILL_STATS) console.log(provider, { seed, made, live: user.live.size, deleted: user.deleted.size, heldBeforeClean, cutOff, held: w.server.held().length });
      expectMatchesIntent(w, user);
      // The children really did work between kills, and some of it was cut off mid-request.
      expect(heldBeforeClean).toBeGreaterThan(KILL_ROUNDS / 5);
      expect(cutOff).toBeGreaterThan(0);
    } catch (e) {
      throw Object.assign(e as Error, { message: `${(e as Error).message}\n(${provider}: replay the user's actions with TIMETRAY_KILL_SEED=${seed})` });
    } finally {
      await w.done();
    }
  }, 300_000);
}
