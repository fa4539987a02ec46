/**
 * kill -9 of a syncing process at random points, round after round, while the user keeps adding,
 * editing and deleting; then one clean sync. The server must hold each entry exactly once.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import type { Provider } from '../../shared/entry';
import { bundleFixture } from '../helpers/bundle';
import { expectExactlyOnce, TOKEN_ENV, world } from '../helpers/sync';

export const KILL_ROUNDS = 50;
const LEASE_MS = 250;

function syncUntilKilled(child: string, dir: string, token: string, afterReadyMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dir, String(LEASE_MS)], {
      env: { ...process.env, [TOKEN_ENV]: token }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const guard = setTimeout(() => p.kill('SIGKILL'), 10_000);
    p.stdout.once('data', () => setTimeout(() => p.kill('SIGKILL'), afterReadyMs));
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
    try {
      const rand = (n: number) => Math.floor(Math.random() * n);
      const live: string[] = [];
      let made = 0;
      for (let round = 0; round < KILL_ROUNDS; round++) {
        for (let j = 0, n = 1 + rand(3); j < n; j++) {
          // Some entries cross local midnight: date-only APIs get two pieces for them.
          const crossing = rand(5) === 0;
          const start = w.clock.now() - (3 + rand(6)) * 86_400_000 + (crossing ? 0 : rand(3600) * 1000);
          const base = crossing ? start - (start % 86_400_000) + 22 * 3_600_000 + 40 * 60_000 : start;
          const e = w.add(made++, { start: base, seconds: 600 + rand(7200), description: `r${round}-${j}` });
          live.push(e.id);
        }
        if (live.length > 3 && rand(3) === 0) {
          const id = live[rand(live.length)]!;
          const e = w.core.entries.get(id);
          w.core.entries.edit(id, { description: `${e.description}+`, end: new Date(Date.parse(e.end) + (1 + rand(30)) * 60_000).toISOString() });
        }
        if (live.length > 5 && rand(5) === 0) {
          const id = live.splice(rand(live.length), 1)[0]!;
          w.core.entries.remove(id);
        }
        // Slow answers widen the window in which a kill lands between a request and its answer.
        w.server.inject({ fault: { kind: 'latency', ms: rand(40) }, times: 1 + rand(4) });
        if (rand(4) === 0) w.server.inject({ method: 'POST', fault: { kind: 'reset' } });
        await syncUntilKilled(child, w.dir, w.server.token, rand(250));
      }
      w.server.clearFaults();
      const heldBeforeClean = w.server.held().length;
      const cutOff = w.server.log.filter((l) => l.status === 'reset').length;
      // Past every lease a killed child held.
      w.clock.set(Date.now() + 3_600_000);
      await w.drain();
      expectExactlyOnce(w);
      expect(w.server.held().length).toBeGreaterThanOrEqual(live.length);
      // The children really did work between kills, and some of it was cut off mid-request.
      if (process.env.TIMETRAY_KILL_STATS) console.log(provider, { made, heldBeforeClean, cutOff, held: w.server.held().length });
      expect(heldBeforeClean).toBeGreaterThan(KILL_ROUNDS / 5);
      expect(cutOff).toBeGreaterThan(0);
    } finally {
      await w.done();
    }
  }, 300_000);
}
