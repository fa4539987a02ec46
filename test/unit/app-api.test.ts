/** The bridge's receiving side: unknown methods and bad payloads are refused before the core runs. */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../electron/core/app-api';
import Database from 'better-sqlite3';
import { openCore } from '../../electron/core';
import { createSyncEngine } from '../../electron/core/sync/engine';
import type { ChangeEvent } from '../../shared/bridge';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
let api: AppApi;
afterEach(() => {
  api?.close();
  t?.done();
});
const setup = () => {
  t = testCore();
  api = createAppApi({ core: t.core, host: 'browser', version: 'test', watchMs: 20 });
};

describe('app API', () => {
  it('refuses unknown methods and malformed arguments with field issues, changing nothing', async () => {
    setup();
    expect(await api.dispatch('db.exec', ['DROP TABLE entries'])).toMatchObject({ ok: false, error: { issues: [{ field: 'method' }] } });
    expect(await api.dispatch('__proto__', [])).toMatchObject({ ok: false });
    const bad = await api.dispatch('entries.create', [{ description: 'x', start: 'yesterday', end: '2026-01-15T10:00:00Z', evil: 1 }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.issues).toEqual([
        { field: 'start', rule: expect.stringMatching(/ISO 8601/) },
        { field: 'argument 0', rule: 'Unrecognized key: "evil"' },
      ]);
    }
    expect(await api.dispatch('entries.edit', ['only-one-arg'])).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    expect(await api.dispatch('settings.set', [{ long_timer_minutes: -5 }])).toMatchObject({ ok: false, error: { issues: [{ field: 'long_timer_minutes' }] } });
    expect(t.core.entries.list({})).toEqual([]);
    expect(t.core.settings.all().long_timer_minutes).toBe(240);
  });

  it('a refused create names the field and the rule', async () => {
    setup();
    const r = await api.dispatch('entries.create', [{ description: 'x', start: '2026-01-15T10:00:00Z', end: '2026-01-15T09:00:00Z' }]);
    expect(r).toMatchObject({ ok: false, error: { name: 'ValidationError', issues: [{ field: 'end', rule: expect.stringMatching(/after start/) }] } });
  });

  it('announces its own writes and other processes\' commits', async () => {
    setup();
    const seen: ChangeEvent[] = [];
    api.subscribe((e) => seen.push(e));
    await api.dispatch('timer.start', [{ description: 'a' }]);
    expect(seen).toEqual([{ kind: 'data' }]);
    const other = openCore({ dataDir: t.dir });
    other.entries.create({ description: 'from the CLI', start: '2026-01-15T08:00:00Z', end: '2026-01-15T09:00:00Z' });
    other.close();
    for (let i = 0; i < 50 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('delete returns the entry, and restore brings it back with the same id', async () => {
    setup();
    t.core.accounts.add({ name: 'w', provider: 'voltasis', base_url: 'http://127.0.0.1:9', is_default: true });
    const e = t.core.entries.create({ description: 'keep me', start: '2026-01-15T08:00:00Z', end: '2026-01-15T09:00:00Z' });
    const removed = await api.dispatch('entries.remove', [e.id]);
    expect(removed).toMatchObject({ ok: true, value: { id: e.id } });
    expect(t.core.entries.exists(e.id)).toBe(false);
    const back = await api.dispatch('entries.restore', [(removed as { value: unknown }).value]);
    expect(back).toMatchObject({ ok: true, value: { id: e.id, description: 'keep me', sync: { state: 'pending' } } });
    expect(t.core.queue.report().queued.map((q) => q.op)).toEqual(['create']);
  });

  it('asking for the sync state writes nothing, even for an account never synced', async () => {
    t = testCore();
    t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'http://127.0.0.1:9', is_default: true });
    const engine = createSyncEngine({ core: t.core, fetch: () => Promise.reject(new Error('no network in this test')), tokenFor: () => 'x' });
    api = createAppApi({ core: t.core, host: 'browser', version: 'test', watchMs: 20, engine });
    // Another process's view: its data_version moves only when someone else commits.
    const other = new Database(t.core.db.name, { readonly: true });
    const version = () => other.pragma('data_version', { simple: true });
    try {
      const before = version();
      for (let i = 0; i < 3; i++) expect(await api.dispatch('sync.status', [])).toMatchObject({ ok: true, value: { accounts: [{ account: 'work', pending: 0 }] } });
      expect(version()).toBe(before);
    } finally {
      other.close();
      engine.close();
    }
  });
});

