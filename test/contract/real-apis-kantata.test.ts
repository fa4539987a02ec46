/**
 * Kantata beyond its seed (../shared/spec/real-apis.md, from the mavenlink_ruby cassettes and the
 * Swagger spec): every id a string, `meta` absent in older answers, timestamps at a local offset,
 * `.json` optional, errors naming their field, references only with the include. Each runs
 * through the real connector (and engine) against the real fake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectorFor } from '../../electron/core/sync/connectors';
import type { LocalEntry } from '../../electron/core/sync/connector';
import { createHttp } from '../../electron/core/sync/http';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { zonedInstant } from '../../shared/time';
import { expectMatchesIntent, UserIntent, userAdds, world, ZONE, type World } from '../helpers/sync';
import { startKantata, type KantataFake } from '../providers/kantata';

let w: World | null = null;
let server: KantataFake | null = null;
afterEach(async () => {
  await w?.done();
  await server?.close();
  w = server = null;
});

function connector(s: KantataFake) {
  const account = { id: 'a', name: 'a', provider: 'kantata' as const, base_url: s.account().base_url, context: {}, token_env: null, has_stored_secret: false, is_default: true };
  return connectorFor(account, s.token, createHttp({ fetch: nodeFetch, secrets: [s.token], timeoutMs: 2000 }));
}

const raw = async (s: KantataFake, path: string, init: RequestInit = {}) => {
  const r = await fetch(`${s.account().base_url}${path}`, { ...init, headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

const entry = (over: Partial<LocalEntry> = {}): LocalEntry => ({
  id: 'local-1', description: 'fieldwork', start: Date.parse('2026-03-02T09:00:00Z'), end: Date.parse('2026-03-02T10:30:00Z'),
  zone: ZONE, project_id: '7001', task_id: null, client_id: null, tags: [], billable: true, ...over,
});

/** `n` remote records spread over three days of March 2026. */
const seed = (s: KantataFake, n: number) =>
  Array.from({ length: n }, (_, i) => s.seedRemote({ description: `r${i}`, start: Date.parse('2026-03-02T08:00:00Z') + (i % 3) * 86_400_000, seconds: 600, project_id: '7001' }));

describe('kantata answers', () => {
  it('every id is a string, timestamps carry an offset and no milliseconds, and the connector reads them', async () => {
    server = await startKantata();
    const c = connector(server);
    const p = c.pieces(entry({ task_id: '8001' }));
    const [made] = await c.create([{ entryId: 'local-1', piece: p.ok ? p.value[0]! : expect.fail('refused') }]);
    const id = made?.ok ? made.value : expect.fail(JSON.stringify(made));
    expect(server.held().map((h) => h.id)).toEqual([id]);

    const got = await raw(server, `/time_entries/${id}`);
    expect(got.body.meta).toBeDefined();
    const rec = (got.body.time_entries as Record<string, Record<string, unknown>>)[id]!;
    expect(got.body.results).toEqual([{ key: 'time_entries', id }]);
    expect([typeof rec.id, typeof rec.workspace_id, typeof rec.story_id, typeof rec.user_id]).toEqual(['string', 'string', 'string', 'string']);
    expect(rec.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-07:00$/);

    const listed = await c.list('2026-03-01', '2026-03-03', ZONE);
    const r = listed.ok ? listed.value : expect.fail(listed.error.message);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ remoteId: id, localId: 'local-1', project_id: '7001', task_id: '8001', updatedAt: Date.parse(String(rec.updated_at)) });
  });

  it('without `meta` (older answers), a list pages on by count: 450 records in three pages', async () => {
    server = await startKantata();
    server.withMeta = false;
    const ids = seed(server, 450);
    const r = await connector(server).list('2026-03-01', '2026-03-05', ZONE);
    expect(r.ok && r.value.map((x) => x.remoteId).sort()).toEqual(ids.sort());
    expect(server.log.map((l) => `${l.method} ${l.status}`)).toEqual(['GET 200', 'GET 200', 'GET 200']);
    expect((await raw(server, '/time_entries')).body).not.toHaveProperty('meta');
  });

  it('without `meta`, exactly two full pages are two requests: count says there is no third', async () => {
    server = await startKantata();
    server.withMeta = false;
    seed(server, 400);
    const r = await connector(server).list('2026-03-01', '2026-03-05', ZONE);
    expect(r.ok && r.value.length).toBe(400);
    expect(server.log).toHaveLength(2);
  });

  it('an engine with a server that never sends `meta` still syncs every entry exactly once', async () => {
    w = await world('kantata');
    (w.server as KantataFake).withMeta = false;
    const intent = new UserIntent();
    for (let i = 0; i < 5; i++) userAdds(w, intent, i);
    const start = Date.parse(userAdds(w, intent, 9).start) + 86_400_000;
    const rid = w.server.seedRemote({ description: 'made in the web app', start, seconds: 1800, project_id: '7002' });
    // Kantata keeps a date, not a time: the one the record holds, shown at 09:00 local.
    const date = w.server.held().find((h) => h.id === rid)!.date!;
    await w.drain();
    await w.sync();
    const pulled = w.core.entries.list({}).filter((e) => e.description === 'made in the web app');
    expect(pulled).toHaveLength(1);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const shown = zonedInstant(y, m, d, 9, 0, ZONE);
    intent.made({ id: pulled[0]!.id, description: 'made in the web app', start: new Date(shown).toISOString(), end: new Date(shown + 1_800_000).toISOString(), project_id: '7002' });
    expectMatchesIntent(w, intent, { remoteIds: true });
  });
});

describe('kantata requests and errors', () => {
  it('`.json` is optional, and references come back only when included', async () => {
    server = await startKantata();
    const c = connector(server);
    const p = c.pieces(entry());
    await c.create([{ entryId: 'local-1', piece: p.ok ? p.value[0]! : expect.fail('refused') }]);
    const plain = await raw(server, '/time_entries.json');
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty('external_references');
    const included = await raw(server, '/time_entries?include=external_references');
    const refs = Object.values(included.body.external_references as Record<string, Record<string, unknown>>);
    expect(refs.map((x) => [x.subject_id, x.service_model_ref])).toEqual([[server.held()[0]!.id, 'local-1:2026-03-02']]);
  });

  it('a validation error names the field it is about, in the message the entry shows', async () => {
    server = await startKantata();
    const c = connector(server);
    // A task id the API cannot take (stories have integer ids): the server's own check refuses it.
    const p = c.pieces(entry({ task_id: 'story-x' }));
    const [r] = await c.create([{ entryId: 'local-1', piece: p.ok ? p.value[0]! : expect.fail('refused') }]);
    expect(r).toMatchObject({ ok: false, error: { class: 'refused', status: 422 } });
    expect(!r!.ok && r!.error.message).toMatch(/^422: .*story_id.* must be an integer$/);
    const body = (await raw(server, '/time_entries', { method: 'POST', body: JSON.stringify({ time_entry: { workspace_id: '7001', date_performed: '2026-03-02', time_in_minutes: 0 } }) })).body;
    expect(body).toEqual({ errors: [{ type: 'validation', message: 'time_entry.time_in_minutes must be a positive integer', field: 'time_in_minutes' }] });
    expect(server.held()).toEqual([]);
  });
});
