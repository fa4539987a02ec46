/**
 * The renderer's store against the real core: the bridge here is the real app API, reached through
 * the same createBridge() the preload and the browser host use, minus the wire.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../electron/core/app-api';
import { openCore } from '../../electron/core';
import { createBridge } from '../../shared/bridge';
import { createAppStore } from '../../renderer/src/store';
import { groupByDay } from '../../renderer/src/days';
import { testCore, type TestCore } from '../helpers/temp';
import type { Entry } from '../../shared/entry';

let t: TestCore;
let api: AppApi;
afterEach(() => {
  api?.close();
  t?.done();
});

async function setup() {
  t = testCore({ clock: { now: () => Date.now() } });
  api = createAppApi({ core: t.core, host: 'browser', version: 'test', watchMs: 20 });
  const bridge = createBridge((m, a) => api.dispatch(m, JSON.parse(JSON.stringify(a))), (l) => api.subscribe(l));
  const store = createAppStore(bridge);
  await store.getState().init();
  return store;
}
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const now = () => new Date(Date.now() - 1000).toISOString();

describe('renderer store', () => {
  it('start and stop: the state follows what is stored', async () => {
    const store = await setup();
    expect(store.getState()).toMatchObject({ ready: true, timer: null, entries: [], zone: 'Europe/Amsterdam' });
    expect(await store.getState().start({ description: 'write', tags: ['a'] })).toBeNull();
    expect(store.getState().timer).toMatchObject({ description: 'write', tags: ['a'] });
    await new Promise((r) => setTimeout(r, 1100));
    await store.getState().stop();
    expect(store.getState().timer).toBeNull();
    expect(store.getState().entries.map((e) => e.description)).toEqual(['write']);
    expect(t.core.entries.list({}).map((e) => e.id)).toEqual(store.getState().entries.map((e) => e.id));
  });

  it('bad input comes back as field issues and stores nothing', async () => {
    const store = await setup();
    const issues = await store.getState().create({ description: 'x'.repeat(1025), start: now(), end: hourAgo() });
    expect(issues?.map((i) => i.field)).toEqual(['description']);
    expect(store.getState().entries).toEqual([]);
    expect(t.core.entries.list({})).toEqual([]);
  });

  it('delete then undo brings the same entry back', async () => {
    const store = await setup();
    await store.getState().create({ description: 'keep', start: hourAgo(), end: now() });
    const [e] = store.getState().entries;
    await store.getState().remove(e!.id);
    expect(store.getState().entries).toEqual([]);
    expect(store.getState().undo?.id).toBe(e!.id);
    await store.getState().undoRemove();
    expect(store.getState().entries).toEqual([e]);
    expect(store.getState().undo).toBeNull();
  });

  it('another process\'s write reaches the store by itself', async () => {
    const store = await setup();
    const other = openCore({ dataDir: t.dir });
    other.entries.create({ description: 'from the CLI', start: hourAgo(), end: now() });
    other.close();
    for (let i = 0; i < 50 && !store.getState().entries.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().entries.map((e) => e.description)).toEqual(['from the CLI']);
  });
});

describe('day grouping', () => {
  const e = (id: string, start: string, end: string): Entry => ({
    id, description: id, start, end, duration_seconds: (Date.parse(end) - Date.parse(start)) / 1000, project_id: null, task_id: null,
    client_id: null, tags: [], billable: true, account: null, sync: { state: 'local', remote_id: null, error: null },
  });
  it('groups by local start day, newest first; a midnight-crossing entry counts in both days', () => {
    const rows = groupByDay([
      e('late', '2026-01-14T22:30:00Z', '2026-01-15T00:30:00Z'), // 23:30–01:30 in Amsterdam
      e('morning', '2026-01-15T08:00:00Z', '2026-01-15T09:00:00Z'),
    ], 'Europe/Amsterdam');
    expect(rows.map((r) => (r.kind === 'day' ? `${r.date} ${r.totalSeconds}` : r.entry.id))).toEqual([
      '2026-01-15 9000', 'morning', '2026-01-14 1800', 'late',
    ]);
  });
  it('a DST night is counted in real seconds', () => {
    const rows = groupByDay([e('night', '2026-03-28T22:00:00Z', '2026-03-29T04:00:00Z')], 'Europe/Amsterdam');
    const totals = rows.flatMap((r) => (r.kind === 'day' ? [r.totalSeconds] : []));
    expect(totals).toEqual([3600]);
    expect(rows[0]).toMatchObject({ date: '2026-03-28' });
  });
});
