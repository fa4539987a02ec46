/**
 * Issue 11 holes g (a batch that outlives its lease) and i (parking never forgets an earlier
 * attempt), replayed deterministically over the real core, engines and fake servers. The oracle is
 * what the user did: the fake's store AND the local list must both equal it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { descriptorOf, PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { type Provider } from '../../shared/entry';
import { createSyncEngine } from '../../electron/core/sync/engine';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { localDateOf, zonedInstant } from '../../shared/time';
import { expectMatchesIntent, UserIntent, userAdds, world, ZONE, type World } from '../helpers/sync';
import { POST_PATH, settle } from './sync-holes-kit';

const LEASE_MS = 60_000;

let w: World | null = null;
afterEach(async () => {
  await w?.done();
  w = null;
});

describe.each(PROVIDER_IDS)('%s', (provider: Provider) => {
  it('hole g: a pass that outlives its lease while its create is on the wire — the entry lands once', async () => {
    w = await world(provider, { leaseMs: LEASE_MS });
    const at = w;
    const intent = new UserIntent();
    userAdds(at, intent, 1);
    // The CLI beside the app: a second engine with its own connection on the same file.
    const cli = createSyncEngine({ core: at.core, fetch: nodeFetch, tokenFor: () => at.server.token, leaseMs: LEASE_MS, timeoutMs: 2000 });
    try {
      at.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'latency', ms: 300 } });
      const slow = at.pass();
      for (let i = 0; i < 200 && !at.core.queue.report().queued.some((q) => q.attempts > 0); i++) await new Promise((r) => setTimeout(r, 5));
      // The first pass's lease runs out while its POST waits for the server; the CLI takes the row over.
      at.clock.advance(LEASE_MS + 1000);
      await Promise.all([slow, cli.syncAll(true)]);
      // Both sent a create; the one that settled second found the piece already mapped and removed its copy.
      expect(at.server.log.filter((l) => l.method === 'POST').length).toBe(2);
      await settle(at);
      expectMatchesIntent(at, intent);
    } finally {
      cli.close();
    }
  });

  it('hole f: an edit made while the pass updates the server goes out in the same pass — never taken for a server edit', async () => {
    w = await world(provider);
    const at = w;
    const intent = new UserIntent();
    const e = userAdds(at, intent, 1);
    await at.drain();
    // Each edit moves the end a minute on from where the user last put it.
    const later = () => ({ end: new Date(Date.parse(intent.live.get(e.id)!.end) + 60_000).toISOString() });
    const first = later();
    at.core.entries.edit(e.id, first);
    intent.edited(e.id, first);
    at.server.inject({ method: descriptorOf(provider).capabilities.updateVerb, fault: { kind: 'latency', ms: 200 } });
    const pass = at.pass();
    for (let i = 0; i < 200 && !at.core.queue.report().queued.some((q) => q.attempts > 0); i++) await new Promise((r) => setTimeout(r, 5));
    const second = later();
    at.core.entries.edit(e.id, second);
    intent.edited(e.id, second);
    await pass;
    await settle(at);
    expectMatchesIntent(at, intent);
    expect(at.core.history.list(e.id)).toEqual([]);
  });

  it('hole a: an undone delete whose DELETE reached the server unanswered is sent again, never marked deleted there', async () => {
    w = await world(provider, { timeoutMs: 400 });
    const at = w;
    const intent = new UserIntent();
    const e = userAdds(at, intent, 1);
    await at.drain();
    const before = at.core.entries.get(e.id);
    at.core.entries.remove(e.id);
    at.server.inject({ method: 'DELETE', fault: { kind: 'timeout' } });
    await at.sync();
    // The server deleted it; we never heard. The user takes the delete back.
    expect(at.server.held()).toEqual([]);
    at.core.entries.restore(before);
    await settle(at);
    expectMatchesIntent(at, intent);
  });

  it('hole i: a create stored unanswered, then refused on the next try, then fixed by the user — one record with the fix', async () => {
    w = await world(provider, { timeoutMs: 800 });
    const at = w;
    const intent = new UserIntent();
    const e = userAdds(at, intent, 1);
    at.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'reset' } });
    await at.sync();
    // The server stored it; the answer was lost. The next try is refused (a project closed meanwhile).
    at.server.inject({ fault: { kind: 'status', status: 422, body: { error: 'Project is closed for booking', errors: [{ type: 'validation', message: 'Project is closed for booking' }], message: 'Project is closed for booking' } }, times: 3 });
    await at.sync();
    expect(at.core.entries.get(e.id).sync.state).toBe('attention');
    at.server.clearFaults();
    at.core.entries.edit(e.id, { description: 'task 1 (fixed)' });
    intent.edited(e.id, { description: 'task 1 (fixed)' });
    await settle(at);
    expectMatchesIntent(at, intent);
  });
});

describe.each(PROVIDER_IDS.filter((p) => !descriptorOf(p).capabilities.timeOfDay))('%s (one record per local day)', (provider) => {
  it('hole f: a server edit to one day of an entry across midnight reaches its other day', async () => {
    w = await world(provider);
    const at = w;
    const intent = new UserIntent();
    // 23:30 to 00:30 local: two records, one per day.
    const day = at.clock.now() - 3 * 86_400_000;
    const start = zonedInstant(...ymd(day), 23, 30, ZONE);
    const e = userAdds(at, intent, 1, { start, seconds: 3600 });
    await at.drain();
    const ids = at.core.entries.get(e.id).sync.remote_id!.split(',');
    expect(ids).toHaveLength(2);
    at.server.editRemote(ids[0]!, { project_id: '202' });
    intent.edited(e.id, { project_id: '202' });
    await settle(at);
    expectMatchesIntent(at, intent);
  });
});

function ymd(ms: number): [number, number, number] {
  const [y, m, d] = localDateOf(ms, ZONE).split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

