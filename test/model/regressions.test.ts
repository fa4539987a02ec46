/**
 * Sequences the model run once failed on, kept as they were shrunk and replayed against every
 * provider each run. Their outcome hung on timing, so each runs several times.
 */
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { Overtake, TimerStart } from './commands';
import { runSequence } from './suite';

const TIMES = 4;

const CASES = {
  // voltasis-v2, seed -1149375061: twins (design, 202, 2 min each, one day) on a date-only API; the
  // app took over the CLI's slowed pass, and the CLI deleted both records as "second copies".
  'twins, then a pass that outlives its lease': () => [new TimerStart(0, 1), new TimerStart(0, 1), new TimerStart(0, 0), new Overtake(31)],
};

describe.each(PROVIDER_IDS)('%s', (provider) => {
  for (const [name, cmds] of Object.entries(CASES)) {
    it(`${name}: the server and the local list equal what the user did (${TIMES}×)`, async () => {
      for (let i = 0; i < TIMES; i++) expect(await runSequence(provider, cmds())).toEqual([]);
    });
  }
});
