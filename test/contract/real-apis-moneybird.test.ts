/**
 * Moneybird beyond its seed (../shared/spec/real-apis.md, from Moneybird's OpenAPI v2-20251223):
 * 18-digit ids, `.json` optional, Link-header pages, object-valued 422s, 402 "limit reached",
 * a bare-string 429. Each runs through the real connector (and engine) against the real fake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectorFor } from '../../electron/core/sync/connectors';
import type { LocalEntry } from '../../electron/core/sync/connector';
import { createHttp } from '../../electron/core/sync/http';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { expectMatchesIntent, UserIntent, userAdds, world, ZONE, type World } from '../helpers/sync';
import { LIMIT_REACHED, startMoneybird, type MoneybirdFake } from '../providers/moneybird';

const POST = /time_entries(\.json)?$/;
let w: World | null = null;
let server: MoneybirdFake | null = null;
afterEach(async () => {
  await w?.done();
  await server?.close();
  w = server = null;
});

function connector(s: MoneybirdFake, over: { user?: string } = {}) {
  const { base_url, context } = s.account();
  const account = { id: 'a', name: 'a', provider: 'moneybird' as const, base_url, context: { ...context, ...over }, token_env: null, has_stored_secret: false, is_default: true };
  return connectorFor(account, s.token, createHttp({ fetch: nodeFetch, secrets: [s.token], timeoutMs: 2000 }));
}

const HOUR = 3_600_000;
const entry = (i: number, start: number, over: Partial<LocalEntry> = {}): LocalEntry => ({
  id: `local-${i}`, description: `work ${i}`, start, end: start + HOUR, zone: ZONE,
  project_id: null, task_id: null, client_id: null, tags: [], billable: true, ...over,
});

describe('moneybird ids above 2^53', () => {
  it.each([['strings', false], ['bare numbers', true]])('answered as %s, survive create → list → update → delete digit for digit', async (_n, numeric) => {
    server = await startMoneybird();
    server.numericIds = numeric;
    const c = connector(server);
    const start = Date.parse('2026-03-02T09:00:00Z');
    // Consecutive ids: as JS numbers both would read as 400000000000000000.
    const pieces = [entry(1, start), entry(2, start + 2 * HOUR)].map((e) => ({ e, piece: c.pieces(e) }));
    const made = await c.create(pieces.map(({ e, piece }) => ({ entryId: e.id, piece: piece.ok ? piece.value[0]! : expect.fail('refused') })));
    const ids = made.map((r) => (r.ok ? r.value : expect.fail(r.error.message)));
    const held = server.held().map((h) => h.id);
    expect(ids).toEqual(held);
    expect(ids[0]).toMatch(/^\d{18}$/);
    expect(Number(ids[0]) > Number.MAX_SAFE_INTEGER && Number(ids[0]) === Number(ids[1])).toBe(true);

    const listed = await c.list('2026-03-01', '2026-03-03', ZONE);
    expect(listed.ok && listed.value.map((r) => r.remoteId).sort()).toEqual([...held].sort());

    const edited = entry(1, start, { description: 'work 1, renamed' });
    const p = c.pieces(edited);
    expect(await c.update(ids[0]!, p.ok ? p.value[0]! : expect.fail('refused'), edited)).toEqual({ ok: true, value: undefined });
    expect(server.held().map((h) => [h.id, h.description])).toEqual([[ids[0], 'work 1, renamed'], [ids[1], 'work 2']]);

    expect(await c.remove(ids[1]!)).toEqual({ ok: true, value: undefined });
    expect(server.held().map((h) => h.id)).toEqual([ids[0]]);
    expect(server.log.filter((l) => l.method !== 'GET').map((l) => `${l.method} ${l.status}`)).toEqual(['POST 201', 'POST 201', 'PATCH 200', 'DELETE 204']);
  });

  it('through the engine: the local entry keeps the exact id from create to delete', async () => {
    w = await world('moneybird');
    const fake = w.server as MoneybirdFake;
    fake.numericIds = true;
    const intent = new UserIntent();
    const a = userAdds(w, intent, 1);
    const b = userAdds(w, intent, 2);
    await w.drain();
    expectMatchesIntent(w, intent, { remoteIds: true });
    const idOf = (id: string) => w!.core.entries.get(id)!.sync.remote_id;
    expect([idOf(a.id), idOf(b.id)].sort()).toEqual(w.server.held().map((h) => h.id).sort());
    w.core.entries.edit(a.id, { description: 'task 1 renamed' });
    intent.edited(a.id, { description: 'task 1 renamed' });
    const before = idOf(a.id);
    await w.drain();
    expect(idOf(a.id)).toBe(before);
    expect(w.server.held().find((h) => h.id === before)?.description).toBe('task 1 renamed');
    w.core.entries.remove(b.id);
    intent.removed(b.id);
    await w.drain();
    expect(w.server.held().map((h) => h.id)).toEqual([before]);
    expectMatchesIntent(w, intent, { remoteIds: true });
  });
});

describe('moneybird lists', () => {
  it('follow the Link header across pages, and stop where it names no next page (200 records, 100 a page)', async () => {
    server = await startMoneybird();
    const day = Date.parse('2026-03-02T00:00:00Z');
    const seeded = Array.from({ length: 200 }, (_, i) => server!.seedRemote({ description: `r${i}`, start: day + i * 120_000, seconds: 60, project_id: '101' }));
    const r = await connector(server).list('2026-03-01', '2026-03-03', ZONE);
    expect(r.ok && r.value.map((x) => x.remoteId).sort()).toEqual(seeded.sort());
    // Two full pages; the second names no next one, so no third (empty) page is asked for.
    expect(server.log.map((l) => `${l.method} ${l.status}`)).toEqual(['GET 200', 'GET 200']);
  });

  it('times come back UTC with milliseconds, and paused_duration (seconds, floored to minutes) shortens the work', async () => {
    server = await startMoneybird();
    const id = server.seedRemote({ description: 'with a break', start: Date.parse('2026-03-02T09:00:00Z'), seconds: 3600, project_id: '101' });
    const { base_url, context: { administration } } = server.account();
    const patched = await fetch(`${base_url}/api/v2/${administration}/time_entries/${id}`, {
      method: 'PATCH', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ time_entry: { paused_duration: 330 } }),
    });
    expect(await patched.json()).toMatchObject({ id, started_at: '2026-03-02T09:00:00.000Z', ended_at: '2026-03-02T10:00:00.000Z', paused_duration: 300 });
    const r = await connector(server).list('2026-03-01', '2026-03-03', ZONE);
    const rec = r.ok ? r.value[0]! : expect.fail(r.error.message);
    expect([rec.start, rec.end]).toEqual([Date.parse('2026-03-02T09:00:00Z'), Date.parse('2026-03-02T09:55:00Z')]);
  });

  it('the fake refuses per_page above 100 and answers with or without .json', async () => {
    server = await startMoneybird();
    const { base_url, context: { administration } } = server.account();
    const get = (path: string) => fetch(`${base_url}/api/v2/${administration}/${path}`, { headers: { Authorization: `Bearer ${server!.token}` } });
    const tooMany = await get('time_entries.json?per_page=101');
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toEqual({ error: 'per_page does not have a valid value' });
    expect((await get('time_entries')).status).toBe(200);
    expect((await get('time_entries.json')).status).toBe(200);
  });
});

describe('moneybird refusals and limits', () => {
  it('402 "limit reached" parks the entry with the server\'s words and sends it no more', async () => {
    w = await world('moneybird');
    const e = w.add(1);
    w.server.inject({ method: 'POST', path: POST, fault: { kind: 'status', status: 402, body: LIMIT_REACHED } });
    const r = await w.sync();
    expect(r.accounts[0]).toMatchObject({ attention: 1, pushed: 0 });
    const got = w.core.entries.get(e.id)!;
    expect(got.sync.state).toBe('attention');
    expect(got.sync.error).toMatch(/^402: creating time entries is limited/);
    const posts = () => w!.server.log.filter((l) => l.method === 'POST').length;
    expect(posts()).toBe(1);
    await w.sync();
    await w.sync();
    expect(posts()).toBe(1);
    expect(w.server.held()).toEqual([]);
  });

  it('a 422 whose error is an object of fields names the field and the rule', async () => {
    server = await startMoneybird();
    // A user id the administration does not have: the server's own validation refuses it.
    const c = connector(server, { user: '999' });
    const p = c.pieces(entry(1, Date.parse('2026-03-02T09:00:00Z')));
    const [r] = await c.create([{ entryId: 'local-1', piece: p.ok ? p.value[0]! : expect.fail('refused') }]);
    expect(r).toMatchObject({ ok: false, error: { class: 'refused', status: 422, message: '422: user_id: is not a user of this administration' } });
  });

  it('the spec\'s 422 example reads as field: message pairs', async () => {
    w = await world('moneybird');
    const e = w.add(1);
    w.server.inject({
      method: 'POST', path: POST, fault: {
        kind: 'status', status: 422,
        body: { error: { ended_at: ['cannot be before the start time'], description: ["can't be blank"] }, details: { ended_at: [{ error: 'ended_at_before_started_at' }], description: [{ error: 'blank' }] } },
      },
    });
    await w.sync();
    expect(w.core.entries.get(e.id)!.sync.error).toBe("422: ended_at: cannot be before the start time; description: can't be blank");
  });

  it('a 429 with the bare string body "Retry later" and RateLimit-* headers: the words and the epoch wait are read', async () => {
    server = await startMoneybird();
    server.inject({ fault: { kind: 'status', status: 429 } });
    const before = Date.now();
    const r = await connector(server).list('2026-03-01', '2026-03-03', ZONE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ class: 'transient', status: 429, message: '429: Retry later' });
    // The fake's Retry-After is an epoch 300 s ahead (whole seconds, so up to 1 s less).
    expect(r.error.retryAfterMs).toBeGreaterThan(298_000 - (Date.now() - before));
    expect(r.error.retryAfterMs).toBeLessThanOrEqual(300_000);
  });
});
