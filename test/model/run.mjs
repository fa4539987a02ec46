#!/usr/bin/env node
// npm run test:model -- --runs N [--provider P] [--seed=S --path=P [--replay=R]] [--no-shrink]
// Runs the model-based sync suite with more (or replayed) sequences than npm test's 200.
// A failure prints its seed, its path and, in the counterexample, /*replayPath="R"*/: a shrunk case
// replays only with all three (write --seed=-123 with "=": a negative seed is not an option).
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    provider: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    replay: { type: 'string' },
    'no-shrink': { type: 'boolean', default: false },
  },
});
const env = {
  ...process.env,
  TIMETRAY_MODEL_RUNS: values.runs,
  TIMETRAY_MODEL_STATS: '1',
  ...(values.seed && { TIMETRAY_MODEL_SEED: values.seed }),
  ...(values.path && { TIMETRAY_MODEL_PATH: values.path }),
  ...(values.replay && { TIMETRAY_MODEL_REPLAY: values.replay }),
  ...(values['no-shrink'] && { TIMETRAY_MODEL_NO_SHRINK: '1' }),
};
// The providers come from the registry, sharded over test/model/providers-*.test.ts: one is picked by its describe name.
const only = values.provider ? ['-t', `^${values.provider.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `] : [];
const r = spawnSync('npx', ['vitest', 'run', 'test/model/', ...only, '--reporter=default'], { env, stdio: 'inherit' });
process.exit(r.status ?? 1);
