/**
 * Model-based sync: random sequences of what a user does (add, edit, move across days, delete,
 * undo, timers, clock changes) and of what the world does to sync (latency, lost answers after the
 * server committed, 5xx, 429 with Retry-After, timeouts, resets, a process killed at any request,
 * the CLI syncing beside the app), run against the real core, engine and fake servers. After each
 * sequence everything settles and the servers AND the local list must equal the user's intent.
 *
 * TIMETRAY_MODEL_RUNS sets sequences per provider (default 200; `npm run test:model -- --runs N`); a failure prints its seed and
 * path: TIMETRAY_MODEL_SEED=… TIMETRAY_MODEL_PATH=… replays exactly that case, shrunk.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { descriptorOf } from '../../electron/core/sync/connectors';
import type { Provider } from '../../shared/entry';
import { violations } from './check';
import { commands, type Model, type Real } from './commands';
import { Intent } from './intent';
import { startSystem } from './system';
import { testHourStart } from '../helpers/test-hour';

const RUNS = Number(process.env.TIMETRAY_MODEL_RUNS ?? 200);
const SEED = process.env.TIMETRAY_MODEL_SEED ? Number(process.env.TIMETRAY_MODEL_SEED) : undefined;
const PATH = process.env.TIMETRAY_MODEL_PATH || undefined;
const HANG_MS = 30_000;

/** A sequence that stops moving is a failure with the command it stopped in, not a silent CI timeout. */
async function watchdog<T>(p: Promise<T>, where: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no progress for ${HANG_MS / 1000} s, in: ${where()}`)), HANG_MS);
  });
  try {
    return await Promise.race([p, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one sequence of commands from a fresh system to settling; what differs from the user's intent. */
export async function runSequence(provider: Provider, cmds: Iterable<fc.AsyncCommand<Model, Real>>, totals?: Totals): Promise<string[]> {
  const base = testHourStart();
  const sys = await startSystem(provider, base);
  try {
    const model: Model = { intent: new Intent() };
    const real: Real = { sys, undo: [], base, last: 'start' };
    await watchdog(fc.asyncModelRun(() => ({ model, real }), cmds).then(() => sys.settle()), () => real.last);
    if (totals) {
      totals.sequences++;
      totals.commands += [...cmds].length;
      for (const k of ['passes', 'kills', 'requests', 'faults', 'meanwhile', 'overtakes', 'remoteEdits', 'remoteDeletes'] as const) totals[k] += sys.stats[k];
    }
    return violations(sys, model.intent);
  } finally {
    await sys.close();
  }
}

type Totals = Record<'sequences' | 'commands' | 'passes' | 'kills' | 'requests' | 'faults' | 'meanwhile' | 'overtakes' | 'remoteEdits' | 'remoteDeletes', number>;

/** The suite for one provider; the shard files (providers-*.test.ts) run it for each provider of the registry. */
export function modelSuite(provider: Provider): void {
  describe(provider, () => {
    it(`the server and the local list equal what the user did (${RUNS} sequences)`, async () => {
      const totals: Totals = { sequences: 0, commands: 0, passes: 0, kills: 0, requests: 0, faults: 0, meanwhile: 0, overtakes: 0, remoteEdits: 0, remoteDeletes: 0 };
      await fc.assert(
        fc.asyncProperty(commands({ dateOnly: !descriptorOf(provider).capabilities.timeOfDay }), async (cmds) => {
          const v = await runSequence(provider, cmds, totals);
          if (v.length) throw new Error(`${v.length} violation(s):\n  ${v.join('\n  ')}`);
        }),
        { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: !!process.env.TIMETRAY_MODEL_NO_SHRINK },
      );
      if (process.env.TIMETRAY_MODEL_STATS) console.log(`model ${provider} ${JSON.stringify(totals)}`);
    }, 3_600_000);
  });
}
