/**
 * An update the server stored whose answer was lost (the process killed, a reset), then the user
 * edits the entry again. The record then holds what WE sent, not an edit made there: the later
 * edit must land on the server and stay here, whatever the two clocks say. Seen in kill rounds
 * (Moneybird, Kukkingu): the record's newer timestamp won the merge and the user's edit was lost.
 * Judged by the server's store AND the local list, against what the user did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { type Provider } from '../../shared/entry';
import { world, type World } from '../helpers/sync';
import { expectIntent, oneEntryOnAcct, updateMethod } from './sync-holes-kit';

let w: World | null = null;
afterEach(async () => {
  await w?.done();
  w = null;
});

describe.each(PROVIDER_IDS)('%s', (provider: Provider) => {
  it('an update stored unanswered, then edited again: the later edit lands there and stays here, with no conflict note', async () => {
    w = await world(provider, { timeoutMs: 800 });
    const { here, intent, e } = oneEntryOnAcct(w);
    await w.drain();
    expectIntent(w, intent, here);

    // This machine's clock runs behind the server's: every record there looks newer than any edit here.
    w.clock.set(Date.now() - 2 * 3_600_000);
    w.server.inject({ method: updateMethod(provider), path: /./, fault: { kind: 'reset' } });
    w.core.entries.edit(e.id, { description: 'first edit' });
    await w.pass();
    expect(w.server.held().map((h) => h.description), 'the server stored the update whose answer was lost').toEqual(['first edit']);

    w.core.entries.edit(e.id, { description: 'second edit' });
    intent.edited(e.id, { description: 'second edit' });
    await w.drain();
    for (let i = 0; i < 2; i++) await w.sync();

    expectIntent(w, intent, here);
    expect(w.core.history.list(e.id).map((n) => n.note), 'our own write taken for a server edit').toEqual([]);
  });
});
