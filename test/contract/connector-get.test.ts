/**
 * connector.get() and the fakes' edits and deletions by another client, through the real
 * connectors over real HTTP against the real fakes, for all five providers. The oracle is what
 * was done (created, edited in the web app, deleted there), read back through list().
 */
import { afterEach, describe, expect, it } from 'vitest';
import { descriptorOf, PROVIDER_IDS } from '../../electron/core/sync/connectors';
import type { Provider } from '../../shared/entry';
import { fakeFor, type FakeProvider } from '../providers';
import { connectorOf, createOne, entryOf, listed, OTHER_PROJECT, PROJECT, ZONE } from './connector-kit';

const dated = (p: Provider) => !descriptorOf(p).capabilities.timeOfDay;

let server: FakeProvider | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe.each(PROVIDER_IDS)('%s', (provider) => {
  it('get() of a record made through create() is what list() reads for it', async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const e = entryOf();
    const id = await createOne(c, e);
    // A second record on the same day: get() must answer the one asked for.
    await createOne(c, entryOf({ id: 'local-2', description: 'Other work', start: e.end + 3_600_000, end: e.end + 7_200_000 }));

    const got = await c.get(id, ZONE);
    const inList = await listed(c, id);
    expect(inList).toBeDefined();
    expect(got).toEqual({ ok: true, value: inList });
    const rec = got.ok ? got.value! : expect.fail('get failed');
    expect([rec.remoteId, rec.description, rec.project_id, rec.key]).toEqual([id, 'Invoice review', PROJECT, dated(provider) ? '2026-03-02' : '']);
    expect(rec.raw).toBeTypeOf('object');
    expect(server.log.filter((l) => l.method === 'GET' && l.path.includes(id)).map((l) => l.status)).toEqual([200]);
  });

  it('get() of a record the web app deleted is null, and list() no longer has it', async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const gone = await createOne(c, entryOf());
    const kept = await createOne(c, entryOf({ id: 'local-2', description: 'Kept', start: entryOf().end + 3_600_000, end: entryOf().end + 7_200_000 }));
    expect(await listed(c, gone)).toBeDefined();

    server.deleteRemote(gone);

    expect(await c.get(gone, ZONE)).toEqual({ ok: true, value: null });
    expect(await listed(c, gone)).toBeUndefined();
    expect(server.held().map((h) => h.id)).toEqual([kept]);
    const other = await c.get(kept, ZONE);
    expect(other.ok && other.value?.description).toBe('Kept');
    // The 404 came from the server itself, in its own envelope.
    expect(server.log.filter((l) => l.method === 'GET' && l.path.includes(gone)).map((l) => l.status)).toEqual([404]);
  });

  it('get() of a record deleted through remove() is null', async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const id = await createOne(c, entryOf());
    expect(await c.remove(id)).toEqual({ ok: true, value: undefined });
    expect(await c.get(id, ZONE)).toEqual({ ok: true, value: null });
  });

  it('a server error on get() is an error, never "deleted"', async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const id = await createOne(c, entryOf());
    server.inject({ fault: { kind: 'status', status: 503 }, method: 'GET' });
    const r = await c.get(id, ZONE);
    expect(r.ok ? 'answered' : r.error.class).toBe('transient');
    expect(server.held().map((h) => h.id)).toEqual([id]);
  });

  it('an edit in the web app (description, length, project) shows in list() and get(), newer than before', async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const id = await createOne(c, entryOf());
    const before = Date.now();

    server.editRemote(id, { description: 'Edited in the web app', seconds: 2700, project_id: OTHER_PROJECT });

    const rec = await listed(c, id);
    expect(rec && [rec.description, rec.project_id, (rec.end - rec.start) / 1000]).toEqual(['Edited in the web app', OTHER_PROJECT, 2700]);
    expect(rec!.updatedAt).toBeGreaterThan(before);
    expect(await c.get(id, ZONE)).toEqual({ ok: true, value: rec });
    expect(server.held().map((h) => [h.id, h.description, h.seconds, h.project_id])).toEqual([[id, 'Edited in the web app', 2700, OTHER_PROJECT]]);
  });

  it('editRemote(id, text) still edits the description alone; unknown ids are refused by name', async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const id = await createOne(c, entryOf());
    const was = await listed(c, id);

    server.editRemote(id, 'Renamed');

    const now = await listed(c, id);
    expect({ ...now, description: was!.description, comparable: null, updatedAt: null, raw: null })
      .toEqual({ ...was, comparable: null, updatedAt: null, raw: null });
    expect(now!.description).toBe('Renamed');
    server.deleteRemote(id);
    expect(() => server!.deleteRemote(id)).toThrow(new RegExp(`no record ${id}`));
    expect(() => server!.editRemote(id, 'again')).toThrow(new RegExp(`no record ${id}`));
    if (provider !== 'kukkingu') expect(() => server!.editRemote(id, { billable_ref: 'bil_1' })).toThrow(/billable_ref is a Kukkingu field/);
  });
});
