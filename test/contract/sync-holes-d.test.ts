/**
 * Issue 11 hole d, "needs attention is never a dead end", replayed over the real core, the real
 * sync engine and the real fake servers: an entry a server refused can be deleted (and its record
 * there goes with it), moved to another account, or made local-only. Judged by what the user did:
 * every server's store AND the local list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { type Provider } from '../../shared/entry';
import { fakeFor, type FakeProvider } from '../providers';
import { TOKEN_ENV, world, type World } from '../helpers/sync';
import { AccountIntent, count, expectIntent, oneEntryOnAcct, POST_PATH, settle, updateMethod, userAddsOnAcct, type Place } from './sync-holes-kit';

const refused = { kind: 'status', status: 422 } as const;

let w: World | null = null;
const others: FakeProvider[] = [];
afterEach(async () => {
  await w?.done();
  w = null;
  for (const s of others.splice(0)) await s.close();
});

describe.each(PROVIDER_IDS)('%s', (provider: Provider) => {
  it('hole d: a create the server refused, then deleted by the user — it just goes, nothing owed, never sent', async () => {
    w = await world(provider);
    const { here, intent, e } = oneEntryOnAcct(w);
    w.server.inject({ method: 'POST', path: POST_PATH, fault: refused });
    await w.sync();
    expect(w.core.entries.get(e.id).sync.state, 'the refusal is shown on the entry').toBe('attention');
    expect(w.server.held()).toEqual([]);

    expect(w.core.entries.remove(e.id).outcome, 'the server never had it: nothing to wait for').toBe('deleted');
    intent.removed(e.id);
    await settle(w);
    expectIntent(w, intent, here);
    expect(w.core.queue.report().queued, 'nothing owed to any server').toEqual([]);
    expect(count(w.server, 'POST'), 'only the refused create was ever sent').toBe(1);
  });

  it('hole d: an update the server refused, then deleted by the user — the server\'s record is deleted', async () => {
    w = await world(provider);
    const { here, intent, e } = oneEntryOnAcct(w);
    await w.drain();
    expectIntent(w, intent, here);

    w.server.inject({ method: updateMethod(provider), fault: refused });
    w.core.entries.edit(e.id, { description: 'task 1, refused' });
    intent.edited(e.id, { description: 'task 1, refused' });
    await w.sync();
    expect(w.core.entries.get(e.id).sync.state, 'the refusal is shown on the entry').toBe('attention');
    expect(w.server.held().map((h) => h.description), 'the server kept its record as it was').toEqual(['task 1']);

    w.core.entries.remove(e.id);
    intent.removed(e.id);
    await settle(w);
    expectIntent(w, intent, here);
    expect(w.server.held()).toEqual([]);
  });

  // The second account is on another provider's fake, so a move also crosses connectors.
  const to = PROVIDER_IDS[(PROVIDER_IDS.indexOf(provider) + 1) % PROVIDER_IDS.length]!;
  it(`hole d: moved to account B (${to}), then made local-only — only the account it is on holds it, then none`, async () => {
    w = await world(provider);
    const b = await fakeFor(to)();
    others.push(b);
    // The engine hands every account the token the user configured; the second server accepts it too.
    b.token = w.server.token;
    w.core.accounts.add({ name: 'B', provider: to, ...b.account(), token_env: TOKEN_ENV });
    const places: Place[] = [{ account: 'acct', provider, server: w.server }, { account: 'B', provider: to, server: b }];
    const intent = new AccountIntent();
    const e = userAddsOnAcct(w, intent, 1);
    await w.drain();
    expectIntent(w, intent, places);

    w.core.entries.setAccount([e.id], 'B');
    intent.edited(e.id, { account: 'B' });
    await settle(w);
    expectIntent(w, intent, places);
    expect(b.held(), 'B holds it once').toHaveLength(1);

    w.core.entries.setAccount([e.id], null);
    intent.edited(e.id, { account: null });
    await settle(w);
    expectIntent(w, intent, places);
    expect(w.core.entries.get(e.id).sync.state, 'it stays in the local list, local').toBe('local');
  });
});
