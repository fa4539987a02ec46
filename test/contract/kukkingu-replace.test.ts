/**
 * Kukkingu's PUT replaces the whole record (providers.md, seed 002): a field the PUT leaves out is
 * erased. billableId is one we never own (another client sets it), so an update must carry it
 * over from the record as last read. Real connector, real HTTP, the real fake, whose PUT clears
 * what is not sent as the API does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteRecord } from '../../electron/core/sync/connector';
import { startKukkingu } from '../providers/kukkingu';
import type { FakeProvider } from '../providers';
import { connectorOf, createOne, entryOf, listed, onePiece, ZONE } from './connector-kit';

let server: FakeProvider | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** One record made by us, then given a billable in the web app; the record as get() reads it. */
async function billed() {
  server = await startKukkingu();
  const c = connectorOf(server);
  const e = entryOf();
  const id = await createOne(c, e);
  server.editRemote(id, { billable_ref: 'bil_web' });
  const got = await c.get(id, ZONE);
  const held: RemoteRecord = got.ok && got.value ? got.value : expect.fail('get failed');
  return { s: server, c, e, id, held };
}

const heldOf = (s: FakeProvider, id: string) => s.held().find((h) => h.id === id);

describe('kukkingu update replaces the whole record', () => {
  it('with the record as read by get(), the billable set in the web app survives our edit', async () => {
    const { s, c, e, id, held } = await billed();
    const edited = { ...e, description: 'Invoice review, corrected' };

    expect(await c.update(id, onePiece(c, edited), edited, held)).toEqual({ ok: true, value: undefined });

    expect(heldOf(s, id)).toMatchObject({ description: 'Invoice review, corrected', billable_ref: 'bil_web', ref: e.id, date: '2026-03-02' });
    const sent = s.log.filter((l) => l.method === 'PUT').map((l) => l.status);
    expect(sent).toEqual([200]);
  });

  it('with the record as read by list(), too', async () => {
    const { s, c, e, id } = await billed();
    const inList = await listed(c, id);
    const edited = { ...e, description: 'Edited after a list' };
    expect(await c.update(id, onePiece(c, edited), edited, inList)).toEqual({ ok: true, value: undefined });
    expect(heldOf(s, id)).toMatchObject({ description: 'Edited after a list', billable_ref: 'bil_web', ref: e.id });
  });

  it('without it, the PUT erases the billable: the loss the engine must avoid is real', async () => {
    const { s, c, e, id } = await billed();
    expect(heldOf(s, id)?.billable_ref).toBe('bil_web');
    const edited = { ...e, description: 'Edited blind' };

    expect(await c.update(id, onePiece(c, edited), edited)).toEqual({ ok: true, value: undefined });

    expect(heldOf(s, id)).toMatchObject({ description: 'Edited blind', billable_ref: null, ref: e.id });
  });

  it('the billable is part of what is compared: set in the web app, the record reads as changed', async () => {
    server = await startKukkingu();
    const c = connectorOf(server);
    const e = entryOf();
    const id = await createOne(c, e);
    const piece = onePiece(c, e);
    const plain = await c.get(id, ZONE);
    // Untouched, the server holds exactly what we sent.
    expect(plain.ok && plain.value?.comparable).toEqual(piece.compare);

    server.editRemote(id, { billable_ref: 'bil_web' });
    const after = await c.get(id, ZONE);
    const held = after.ok && after.value ? after.value : expect.fail('get failed');
    expect(held.comparable).not.toEqual(piece.compare);
    expect(held.comparable).toMatchObject({ billableId: 'bil_web' });
    // After an update that carried it over, the server holds what echo(piece, zone, held) says.
    expect(await c.update(id, piece, e, held)).toEqual({ ok: true, value: undefined });
    const now = await c.get(id, ZONE);
    expect(now.ok && now.value?.comparable).toEqual(c.echo(piece, ZONE, held).comparable);
    expect(c.echo(piece, ZONE).comparable).toEqual(piece.compare);
  });
});
