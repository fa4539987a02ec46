/**
 * The way-outs over the bridge's receiving side, on a real core: what stays local and how much
 * history each entry has, restoring a history item, bulk account assignment, removal keeping
 * entries, a stop after the clock went back, "send again" for an entry a real server refused or
 * someone deleted there. Bad arguments are refused before the core runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../electron/core/app-api';
import { restorePatch } from '../../electron/core/history';
import { localOnlyOf } from '../../electron/core/sync/capabilities';
import type { ChangeEvent } from '../../shared/bridge';
import type { Entry, HistoryItem } from '../../shared/entry';
import { world, type World } from '../helpers/sync';
import { testCore, type TestCore } from '../helpers/temp';
import type { BridgeMethod } from '../../shared/bridge';
import type { BridgeAnswer } from '../helpers/bridge-call';

let t: TestCore;
let api: AppApi;
afterEach(() => {
  api?.close();
  t?.done();
});
const setup = () => {
  t = testCore({ now: '2026-01-15T12:00:00Z' });
  api = createAppApi({ core: t.core, host: 'browser', version: 'test', watchMs: 20 });
};
const ok = async <M extends BridgeMethod>(method: M, ...args: unknown[]): Promise<BridgeAnswer<M>> => {
  const r = await api.dispatch(method, args);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as BridgeAnswer<M>;
};
const plain = { tags: [] as string[], task_id: null, client_id: null, project_id: null, billable: true };

describe('what stays local, per provider', () => {
  it('names only the fields the entry uses, and the times where the API keeps a date and minutes', () => {
    expect(localOnlyOf('moneybird', { ...plain, tags: ['deep'] })?.note).toBe('tags stay local on Moneybird');
    expect(localOnlyOf('moneybird', plain)).toBeNull();
    expect(localOnlyOf('voltasis', { ...plain, tags: ['x'], task_id: 't' })).toBeNull();
    expect(localOnlyOf('expensicat', { ...plain, task_id: 't', client_id: 'c' })?.note).toBe('the task and the client stay local on Expensicat');
    expect(localOnlyOf('kantata', plain)).toEqual({
      provider: 'kantata', fields: ['time_of_day'], note: 'start and end times stay local on Kantata; it keeps the date and minutes',
    });
    expect(localOnlyOf('kantata', { ...plain, tags: ['a'] })?.note).toBe('tags stay local on Kantata; start and end times stay local on Kantata; it keeps the date and minutes');
  });
});

describe('restoring a history item', () => {
  const entry = { start: '2026-01-15T09:00:00.000Z', end: '2026-01-15T10:00:00.000Z' } as Entry;
  const item = (fields: Record<string, unknown>): HistoryItem => ({ id: 1, at: entry.start, lost_from: 'local', fields, note: '' });
  it('a lost duration keeps the start and moves the end; times and fields come back as they were', () => {
    expect(restorePatch(item({ duration: 5400 }), entry)).toEqual({ end: '2026-01-15T10:30:00.000Z' });
    expect(restorePatch(item({ description: 'Mine', tags: ['a'], start: '2026-01-15T08:59:37.000Z' }), entry))
      .toEqual({ description: 'Mine', tags: ['a'], start: '2026-01-15T08:59:37.000Z' });
    expect(() => restorePatch(item({ nothing: 1 }), entry)).toThrow(/holds no field that can be restored/);
  });
});

describe('the bridge', () => {
  it('entries.list carries local_only and history_count; restoreHistory edits and queues', async () => {
    setup();
    await ok('accounts.add', { name: 'mb', provider: 'moneybird', base_url: 'https://m.test', context: { administration: '1', user: '2' } });
    const e = await ok('entries.create', { description: 'Server text', start: '2026-01-15T09:00:00Z', end: '2026-01-15T10:00:00Z', tags: ['deep'] });
    // What a merge leaves when the server's edit won over the user's "Mine".
    t.core.db.prepare("INSERT INTO entry_history (entry_id, at, source, fields, note) VALUES (?, ?, 'remote', ?, ?)")
      .run(e.id, t.clock.now(), JSON.stringify({ description: 'Mine' }), 'description: edited here and on the server; the server edit was newer and won');
    const [row] = await ok('entries.list', {});
    expect(row).toMatchObject({ id: e.id, history_count: 1, local_only: { fields: ['tags'], note: 'tags stay local on Moneybird' } });
    const [h] = await ok('entries.history', e.id);
    expect(h).toMatchObject({ id: expect.any(Number), lost_from: 'local', fields: { description: 'Mine' } });
    const events: ChangeEvent[] = [];
    api.subscribe((x) => events.push(x));
    expect(await ok('entries.restoreHistory', e.id, h!.id)).toMatchObject({ description: 'Mine', sync: { state: 'pending' } });
    expect(events).toContainEqual({ kind: 'data' });
    expect(await api.dispatch('entries.restoreHistory', [e.id, 1.5])).toMatchObject({ ok: false, error: { issues: [{ field: 'argument 1', rule: 'must be a history item number' }] } });
    expect(await api.dispatch('entries.restoreHistory', [e.id, 999])).toMatchObject({ ok: false, error: { issues: [{ field: 'restore' }] } });
    expect(await api.dispatch('entries.history', ['nope'])).toMatchObject({ ok: false, error: { name: 'NotFoundError' } });
  });

  it('entries.setAccount: bad arguments refused before the core runs; a good call moves all', async () => {
    setup();
    const a = await ok('entries.create', { description: 'a', start: '2026-01-15T09:00:00Z', end: '2026-01-15T10:00:00Z' });
    const b = await ok('entries.create', { description: 'b', start: '2026-01-15T10:00:00Z', end: '2026-01-15T11:00:00Z' });
    await ok('accounts.add', { name: 'v', provider: 'voltasis', base_url: 'https://v.test' });
    expect(await api.dispatch('entries.setAccount', [[], 'v'])).toMatchObject({ ok: false, error: { issues: [{ rule: 'must name at least one entry' }] } });
    expect(await api.dispatch('entries.setAccount', [[a.id], 7])).toMatchObject({ ok: false, error: { issues: [{ rule: 'must be an account name, or null for local-only' }] } });
    const r = await ok('entries.setAccount', [a.id, b.id], 'v');
    expect(r.entries.map((e: Entry) => e.account)).toEqual(['v', 'v']);
    expect((await ok('entries.setAccount', [a.id], null)).entries[0]).toMatchObject({ id: a.id, account: null, sync: { state: 'local' } });
  });

  it('accounts.remove with keep_local says how many; timer.stop after the clock went back carries the notice and announces it', async () => {
    setup();
    await ok('accounts.add', { name: 'v', provider: 'voltasis', base_url: 'https://v.test' });
    await ok('entries.create', { description: 'a', start: '2026-01-15T09:00:00Z', end: '2026-01-15T10:00:00Z' });
    expect(await api.dispatch('accounts.remove', ['v'])).toMatchObject({ ok: false, error: { issues: [{ field: 'account', rule: expect.stringContaining('--keep-local') }] } });
    expect(await ok('accounts.remove', 'v', { keep_local: true })).toEqual({ account: 'v', kept_local: 1, dropped_changes: 1 });

    await ok('timer.start', { description: 'late' });
    t.clock.set('2026-01-15T11:00:00Z');
    const events: ChangeEvent[] = [];
    api.subscribe((x) => events.push(x));
    const stopped = await ok('timer.stop');
    expect(stopped).toMatchObject({ description: 'late', duration_seconds: 1, notice: expect.stringContaining('set back') });
    expect(events).toContainEqual({ kind: 'notice', message: stopped.notice });
    // A switch after the clock went back: the old timer is stored, the new one runs, and the user is told.
    await ok('timer.start', { description: 'first' });
    t.clock.set('2026-01-15T10:30:00Z');
    const switched = await ok('timer.start', { description: 'second' });
    expect(switched).toMatchObject({ stopped: { description: 'first', duration_seconds: 1 }, running: { description: 'second' }, notice: expect.stringContaining('set back') });
    expect(events).toContainEqual({ kind: 'notice', message: switched.notice });
  });
});

describe('entries.resend over a real sync to a fake Voltasis', () => {
  let w: World | null = null;
  let wapi: AppApi | null = null;
  afterEach(async () => {
    wapi?.close();
    wapi = null;
    await w?.done();
    w = null;
  });
  const call = async <M extends BridgeMethod>(method: M, ...args: unknown[]): Promise<BridgeAnswer<M>> => {
    const r = await wapi!.dispatch(method, args);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value as BridgeAnswer<M>;
  };
  const made = (description: string, minutesAgo: number) => ({
    description, project_id: '101',
    start: new Date(w!.clock.now() - minutesAgo * 60_000).toISOString(),
    end: new Date(w!.clock.now() - (minutesAgo - 30) * 60_000).toISOString(),
  });
  const row = async (id: string): Promise<Entry> => (await call('entries.list', {}) as Entry[]).find((e) => e.id === id)!;

  it('deleted on the server: the list says so (kind remote-deleted); bad calls change nothing; Send again puts it back once', async () => {
    w = await world('voltasis');
    wapi = createAppApi({ core: w.core, host: 'browser', version: 'test', watchMs: 20 });
    const e = await call('entries.create', made('Kept by me', 120));
    await w.drain();
    const [held] = w.server.held();
    w.server.deleteRemote(held!.id);
    await w.sync();
    expect((await row(e.id)).sync).toEqual({ state: 'attention', remote_id: null, kind: 'remote-deleted', error: expect.stringMatching(/^deleted on the server/) });

    expect(await wapi.dispatch('entries.resend', [[]])).toMatchObject({ ok: false, error: { issues: [{ field: 'argument 0', rule: 'must name at least one entry' }] } });
    expect(await wapi.dispatch('entries.resend', ['x'])).toMatchObject({ ok: false, error: { issues: [{ rule: 'must be a list of entry ids' }] } });
    expect(await wapi.dispatch('entries.resend', [[e.id, 'nope']])).toMatchObject({ ok: false, error: { issues: [{ field: 'id nope', rule: expect.stringContaining('is not an entry') }] } });
    // All or nothing: the good id in the refused call is still waiting for the user, and nothing was sent.
    await w.sync();
    expect((await row(e.id)).sync).toMatchObject({ state: 'attention', kind: 'remote-deleted' });
    expect(w.server.held()).toEqual([]);

    const events: ChangeEvent[] = [];
    wapi.subscribe((x) => events.push(x));
    const [queued] = await call('entries.resend', [e.id]);
    expect(queued).toMatchObject({ id: e.id, description: 'Kept by me', sync: { state: 'pending', kind: null, error: null } });
    expect(events).toContainEqual({ kind: 'data' });
    await w.drain();
    expect(w.server.held().map((h) => h.description)).toEqual(['Kept by me']);
    expect((await row(e.id)).sync).toMatchObject({ state: 'synced', kind: null, error: null });
  });

  it('refused by the server (422): the list carries its words and kind refused; Send again once the cause is fixed there sends it once', async () => {
    w = await world('voltasis');
    wapi = createAppApi({ core: w.core, host: 'browser', version: 'test', watchMs: 20 });
    w.server.inject({ method: 'POST', fault: { kind: 'status', status: 422, body: { error: { code: 'VALIDATION_FAILED', message: 'project 101 is archived' } } } });
    const e = await call('entries.create', made('Refused work', 90));
    await w.sync();
    const refused = (await row(e.id)).sync;
    expect(refused).toMatchObject({ state: 'attention', kind: 'refused', error: expect.stringContaining('project 101 is archived') });
    expect(w.server.held()).toEqual([]);
    await call('entries.resend', [e.id]);
    await w.drain();
    expect(w.server.held().map((h) => h.description)).toEqual(['Refused work']);
    expect((await row(e.id)).sync).toMatchObject({ state: 'synced', kind: null });
  });
});
