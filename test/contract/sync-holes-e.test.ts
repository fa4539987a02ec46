/**
 * Issue 11 hole e, "remote deletions are mirrored", over the real core, the real sync engine and
 * the real fake servers: a record someone deleted on the server marks its entry ("deleted on the
 * server"), is never sent again on its own, and the user's choice (keep it here only, send it
 * again, delete it) is what both sides end with. A 404 on an update is the same case, never an
 * attention state with no way out. Judged by the server's store AND the local list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { type Entry, type Provider } from '../../shared/entry';
import { world, type World } from '../helpers/sync';
import { count, DAY, expectIntent, oneEntryOnAcct, settle, until, updateMethod, type AccountIntent, type Place } from './sync-holes-kit';

let w: World | null = null;
afterEach(async () => {
  await w?.done();
  w = null;
});

const writes = (at: World) => count(at.server, 'POST') + count(at.server, 'PUT') + count(at.server, 'PATCH');

/** The entry is kept, marked as deleted on the server, and the server holds nothing of it. */
function expectMarkedGone(at: World, id: string): void {
  const got = at.core.entries.get(id);
  expect(got.sync.state, 'the entry waits for the user').toBe('attention');
  expect(got.sync.error).toMatch(/deleted on the server/);
  expect(at.server.held(), 'nothing sent again on its own').toEqual([]);
}

/** A synced entry whose record someone deletes on the server; the next sync marks it; one more sends nothing. */
async function deletedThere(provider: Provider): Promise<{ at: World; e: Entry; intent: AccountIntent; here: Place[] }> {
  const at = (w = await world(provider));
  const { here, intent, e } = oneEntryOnAcct(at);
  await at.drain();
  expectIntent(at, intent, here);
  const held = at.server.held();
  expect(held).toHaveLength(1);
  at.server.deleteRemote(held[0]!.id);

  await at.sync();
  expectMarkedGone(at, e.id);
  const sent = writes(at);
  await at.sync();
  expect(writes(at) - sent, 'a second sync sends nothing').toBe(0);
  expectMarkedGone(at, e.id);
  return { at, e, intent, here };
}

describe.each(PROVIDER_IDS)('%s', (provider: Provider) => {
  it('hole e: deleted on the server, the user keeps it here only — local, no server record', async () => {
    const { at, e, intent, here } = await deletedThere(provider);
    at.core.entries.setAccount([e.id], null);
    intent.edited(e.id, { account: null });
    await settle(at);
    expectIntent(at, intent, here);
  });

  it('hole e: deleted on the server, the user sends it again — the server holds it once', async () => {
    const { at, e, intent, here } = await deletedThere(provider);
    at.core.entries.resend([e.id]);
    await settle(at);
    expectIntent(at, intent, here);
    expect(at.server.held()).toHaveLength(1);
  });

  it('hole e: deleted on the server, the user deletes it — gone everywhere', async () => {
    const { at, e, intent, here } = await deletedThere(provider);
    at.core.entries.remove(e.id);
    intent.removed(e.id);
    await settle(at);
    expectIntent(at, intent, here);
    expect(at.core.entries.list({})).toEqual([]);
  });

  it('hole e: deleted on the server outside the pull window, then edited here — marked, not refused; sent again with the edit', async () => {
    w = await world(provider);
    // Older than the 14-day pull window: no list shows it, only the update finds it gone.
    const { here, intent, e } = oneEntryOnAcct(w, { start: w.clock.now() - 20 * DAY });
    await w.drain();
    expectIntent(w, intent, here);
    w.server.deleteRemote(w.server.held()[0]!.id);

    w.core.entries.edit(e.id, { description: 'task 1, edited' });
    intent.edited(e.id, { description: 'task 1, edited' });
    await w.sync();
    expectMarkedGone(w, e.id);
    const sent = writes(w);
    await w.sync();
    expect(writes(w) - sent, 'a second sync sends nothing').toBe(0);

    w.core.entries.resend([e.id]);
    await settle(w);
    expectIntent(w, intent, here);
  });

  it('hole e: a 404 on the update itself (deleted between the pull and the push) — marked the same way, then sent again', async () => {
    w = await world(provider);
    const at = w;
    const { here, intent, e } = oneEntryOnAcct(at);
    await at.drain();
    const [rec] = at.server.held();

    // The pull lists the record; the update is held 300 ms at the server, and the record is
    // deleted there meanwhile (leased means the pull is over and the update is on its way).
    at.server.inject({ method: updateMethod(provider), fault: { kind: 'latency', ms: 300 } });
    at.core.entries.edit(e.id, { description: 'task 1, edited' });
    intent.edited(e.id, { description: 'task 1, edited' });
    const pass = at.pass();
    await until(() => at.core.queue.report().queued.some((q) => q.attempts > 0), 'the update to be leased');
    at.server.deleteRemote(rec!.id);
    await pass;
    expect(at.server.log.filter((l) => l.method === updateMethod(provider)).map((l) => l.status), 'the update met the deletion').toEqual([404]);
    at.clock.advance(3_600_000);
    expectMarkedGone(at, e.id);
    const sent = writes(at);
    await at.sync();
    await at.sync();
    expect(writes(at) - sent, 'no update sent again and again').toBe(0);

    at.core.entries.resend([e.id]);
    await settle(at);
    expectIntent(at, intent, here);
  });
});
