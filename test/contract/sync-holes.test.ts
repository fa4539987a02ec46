/**
 * Issue 11 holes a, b and c, each replayed deterministically over the real core, the real sync
 * engine and the real fake servers. The oracle is what the user did (a UserIntent the test keeps
 * by hand): the fake's store AND the local list must both equal it, never our database's view.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { descriptorOf, PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { heldFor } from '../helpers/expected-records';
import { type Entry, type Provider } from '../../shared/entry';
import { localDateOf, zonedInstant } from '../../shared/time';
import { expectMatchesIntent, UserIntent, userAdds, world, ZONE, type World } from '../helpers/sync';
import { POST_PATH, settle, until } from './sync-holes-kit';

const iso = (ms: number) => new Date(ms).toISOString();

let w: World | null = null;
afterEach(async () => {
  await w?.done();
  w = null;
});

/** Hole b's start: one entry whose create the server stored but whose answer was lost (a reset). */
async function lostAnswer(provider: Provider): Promise<{ at: World; intent: UserIntent; e: Entry }> {
  const at = (w = await world(provider, { timeoutMs: 800 }));
  const intent = new UserIntent();
  const e = userAdds(at, intent, 1);
  at.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'reset' } });
  await at.sync();
  return { at, intent, e };
}

describe.each(PROVIDER_IDS)('%s', (provider: Provider) => {
  it('hole a: delete during an in-flight create — nothing on the server, nothing local, never back', async () => {
    w = await world(provider);
    const at = w;
    const intent = new UserIntent();
    const e = userAdds(at, intent, 1);
    at.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'latency', ms: 300 } });
    const posts = () => at.server.log.filter((l) => l.method === 'POST').length;

    const pass = at.pass();
    // The create is leased (its attempt counted in the same commit) and the request leaves at once;
    // a few ms more and it is on the wire, its answer 300 ms away.
    await until(() => at.core.queue.report().queued.some((q) => q.attempts > 0), 'the create to be leased');
    await new Promise((r) => setTimeout(r, 40));
    expect(posts(), 'the delete must come while the create is unanswered').toBe(0);
    at.core.entries.remove(e.id);
    intent.removed(e.id);
    await pass;
    // Server facts: the POST was sent (it was on the wire when the user deleted) and the server stored it.
    expect(posts()).toBe(1);

    await settle(at);
    expectMatchesIntent(at, intent);
    expect(at.server.held()).toEqual([]);
  });

  it('hole b: lost answer, then the user edits the description — one record with the new text', async () => {
    const { at, intent, e } = await lostAnswer(provider);
    expect(at.server.held(), 'the server stored the create whose answer was lost').toHaveLength(1);
    at.core.entries.edit(e.id, { description: 'task 1, fixed' });
    intent.edited(e.id, { description: 'task 1, fixed' });

    await settle(at);
    expectMatchesIntent(at, intent);
    expect(at.server.held().map((h) => h.description)).toEqual(['task 1, fixed']);
  });

  it('hole b: lost answer, then the user edits description and times — one record with the new fields', async () => {
    const { at, intent, e } = await lostAnswer(provider);
    const patch = { description: 'task 1, moved', start: iso(Date.parse(e.start) - 1_200_000), end: iso(Date.parse(e.end) + 600_000) };
    at.core.entries.edit(e.id, patch);
    intent.edited(e.id, patch);

    await settle(at);
    expectMatchesIntent(at, intent);
  });

  it('hole b: two identical entries with unknown outcomes never become three', async () => {
    w = await world(provider, { timeoutMs: 800 });
    const intent = new UserIntent();
    for (let n = 0; n < 2; n++) userAdds(w, intent, 1);
    w.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'reset' }, times: 2 });
    await w.sync();

    await settle(w);
    expectMatchesIntent(w, intent);
    expect(w.core.entries.list({})).toHaveLength(2);
  });
});

/** hh:mm:ss on a day two days back (inside the pull window), in the world's zone. */
function twoDaysAgo(at: World, h: number, m: number, s: number): number {
  const [y, mo, d] = localDateOf(at.clock.now() - 2 * 86_400_000, ZONE).split('-').map(Number) as [number, number, number];
  return zonedInstant(y, mo, d, h, m, ZONE) + s * 1000;
}

describe('hole c: rounding servers keep the user\'s seconds', () => {
  // Every provider that rounds, holding what its declared precision keeps of the typed times.
  const rounding = PROVIDER_IDS.filter((p) => descriptorOf(p).capabilities.precision !== 'seconds');
  const cases: [Provider, (at: World) => { start: number | null; date: string | null; seconds: number }][] = rounding.map((p) => [p, (at) => {
    const [h] = heldFor(p, { description: 'rounded', project_id: '101', start: twoDaysAgo(at, 9, 0, 37), end: twoDaysAgo(at, 10, 31, 7) }, ZONE);
    return { start: h!.start, date: h!.date, seconds: h!.seconds };
  }]);
  it.each(cases)('%s: 09:00:37–10:31:07 stays as typed through syncs and pulls, with no history and no rewrite', async (provider, held) => {
    w = await world(provider);
    const intent = new UserIntent();
    const typed = { description: 'rounded', start: iso(twoDaysAgo(w, 9, 0, 37)), end: iso(twoDaysAgo(w, 10, 31, 7)), project_id: '101' };
    const e = w.core.entries.create(typed);
    intent.made({ id: e.id, ...typed });
    // What the server must hold, from the day typed: the syncs below move the clock on by hours,
    // past midnight in the evening, and "two days ago" with it.
    const want = held(w);
    await w.drain();
    const writes = () => w!.server.log.filter((l) => l.method === 'PUT' || l.method === 'PATCH' || l.method === 'POST').length;
    const sent = writes();
    for (let i = 0; i < 3; i++) await w.sync();

    expect(w.server.held().map((h) => ({ start: h.start, date: h.date, seconds: h.seconds }))).toEqual([want]);
    const got = w.core.entries.get(e.id);
    expect({ start: got.start, end: got.end, state: got.sync.state }).toEqual({ start: typed.start, end: typed.end, state: 'synced' });
    expect(w.core.history.list(e.id), 'a round trip is no conflict').toEqual([]);
    expect(writes() - sent, 'later syncs send nothing back').toBe(0);
    expectMatchesIntent(w, intent);
  });
});
