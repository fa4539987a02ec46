/**
 * The pickers' lists against the fake servers: Kantata's workspaces and stories and Moneybird's
 * projects and contacts are fetched (across pages) and cached; what goes upstream goes here on
 * the next refresh; offline, the cached list still answers. The worker refreshes them after a good
 * pass at most every 6 hours, beside the pushes, never in their way. The other three services
 * document no such list: the ids their entries use (local or pulled) are offered instead.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../shared/catalog';
import type { Provider } from '../../shared/entry';
import { descriptorOf, PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { CATALOG_MAX_AGE_MS } from '../../electron/core/sync/engine';
import { createSyncWorker, type SyncWorker } from '../../electron/core/sync/worker';
import type { KantataCatalog } from '../providers/kantata';
import type { MoneybirdCatalog } from '../providers/moneybird';
import { world, type World } from '../helpers/sync';

let w: World | null = null;
let worker: SyncWorker | null = null;
afterEach(async () => {
  worker?.stop();
  await worker?.idle();
  worker = null;
  await w?.done();
  w = null;
});

const pick = (l: CatalogEntry[], kind: CatalogEntry['kind'], source: CatalogEntry['source'] = 'remote') =>
  l.filter((c) => c.kind === kind && c.source === source);
const requests = (w: World, path: RegExp) => w.server.log.filter((l) => l.method === 'GET' && path.test(l.path)).length;
const accountId = (w: World) => w.core.accounts.byName('acct').id;

/** The app's worker over the world's engine; passes are started by hand (syncNow). */
async function startWorker(w: World): Promise<SyncWorker> {
  const { engine, core } = w;
  const worker = createSyncWorker({
    engine, accounts: () => core.accounts.list(), counts: engine.counts, nextDue: engine.nextDue,
    resetBackoff: engine.resetBackoff, now: () => core.clock.now(), pollMs: 3_600_000,
  });
  worker.start();
  await new Promise((r) => setTimeout(r, 5));
  await worker.idle();
  return worker;
}

describe('kantata catalog', () => {
  const upstream = (w: World) => (w.server as unknown as { catalog: KantataCatalog }).catalog;

  it('lists workspaces as projects and each workspace’s stories as tasks, cached; removals upstream go', async () => {
    w = await world('kantata');
    expect(w.core.catalog.list('acct')).toEqual([]);
    const r = await w.engine.refreshCatalog('acct');
    expect(r).toEqual({ ok: true, count: 6, error: null });
    const list = w.core.catalog.list('acct');
    expect(pick(list, 'project').map((c) => [c.id, c.name, c.parent_id])).toEqual([
      ['7001', 'Acme website', null], ['7002', 'Globex audit', null], ['7003', 'Initech support', null],
    ]);
    expect(pick(list, 'task').map((c) => [c.id, c.name, c.parent_id])).toEqual([
      ['8002', 'Build', '7001'], ['8001', 'Design', '7001'], ['8003', 'Fieldwork', '7002'],
    ]);
    expect(list.every((c) => c.account === 'acct' && typeof c.id === 'string')).toBe(true);
    expect(pick(list, 'client')).toEqual([]);
    // Tasks are asked for per workspace (GET /stories?workspace_id=…), as the API documents them.
    expect(requests(w, /\/workspaces$/)).toBe(1);
    expect(requests(w, /\/stories$/)).toBe(3);
    const at = w.core.catalog.fetchedAt(accountId(w));
    expect(at).toBe(w.clock.now());

    // Upstream: a workspace (and its stories) goes, another is renamed.
    upstream(w).projects.shift();
    upstream(w).projects[0]!.name = 'Globex audit 2026';
    w.clock.advance(60_000);
    expect(await w.engine.refreshCatalog('acct')).toEqual({ ok: true, count: 3, error: null });
    const after = w.core.catalog.list('acct');
    expect(after.map((c) => [c.kind, c.id, c.name])).toEqual([
      ['project', '7002', 'Globex audit 2026'], ['project', '7003', 'Initech support'], ['task', '8003', 'Fieldwork'],
    ]);
    expect(w.core.catalog.fetchedAt(accountId(w))).toBe(w.clock.now());
  });

  it('follows page after page (per_page 200) for workspaces and for stories', async () => {
    w = await world('kantata');
    const big: KantataCatalog = upstream(w);
    big.projects.splice(0, big.projects.length, ...Array.from({ length: 205 }, (_, i) => ({ id: String(9000 + i), name: `Project ${i}` })));
    big.tasks.splice(0, big.tasks.length, ...Array.from({ length: 230 }, (_, i) => ({ id: String(20_000 + i), name: `Task ${i}`, project: '9000' })));
    const r = await w.engine.refreshCatalog('acct');
    expect(r).toMatchObject({ ok: true, count: 435 });
    const list = w.core.catalog.list('acct');
    expect(new Set(pick(list, 'project').map((c) => c.id)).size).toBe(205);
    expect(pick(list, 'task').every((c) => c.parent_id === '9000')).toBe(true);
    expect(requests(w, /\/workspaces$/)).toBe(2);
    // 205 workspaces, one of them with two pages of stories.
    expect(requests(w, /\/stories$/)).toBe(206);
  });
});

describe('moneybird catalog', () => {
  const upstream = (w: World) => (w.server as unknown as { catalog: MoneybirdCatalog }).catalog;

  it('lists active projects and contacts (as clients) with their 18-digit ids intact; removals upstream go', async () => {
    w = await world('moneybird');
    const r = await w.engine.refreshCatalog('acct');
    expect(r).toEqual({ ok: true, count: 3, error: null });
    const list = w.core.catalog.list('acct');
    // The archived project is not offered: it cannot take new time.
    expect(pick(list, 'project').map((c) => [c.id, c.name])).toEqual([['500000000000000001', 'Bakery rebrand']]);
    // A contact is named by its company, else by the person.
    expect(pick(list, 'client').map((c) => [c.id, c.name])).toEqual([
      ['600000000000000002', 'Anna de Vries'], ['600000000000000001', 'Bakkerij Brood'],
    ]);
    expect(pick(list, 'task')).toEqual([]);

    upstream(w).projects.shift();
    upstream(w).contacts.push({ id: '600000000000000003', company_name: 'Café Koffie', firstname: '', lastname: '' });
    expect(await w.engine.refreshCatalog('acct')).toEqual({ ok: true, count: 3, error: null });
    const after = w.core.catalog.list('acct');
    expect(pick(after, 'project')).toEqual([]);
    expect(pick(after, 'client').map((c) => c.name)).toEqual(['Anna de Vries', 'Bakkerij Brood', 'Café Koffie']);
  });

  it('follows page after page (per_page 100)', async () => {
    w = await world('moneybird');
    upstream(w).contacts.push(...Array.from({ length: 248 }, (_, i) => ({
      id: String(700000000000000000n + BigInt(i)), company_name: `Client ${i}`, firstname: '', lastname: '',
    })));
    expect(await w.engine.refreshCatalog('acct')).toMatchObject({ ok: true, count: 251 });
    expect(pick(w.core.catalog.list('acct'), 'client').some((c) => c.id === '700000000000000247')).toBe(true);
    expect(requests(w, /\/contacts\.json$/)).toBe(3);
  });

  it('a token that may not list projects (403) fails the whole fetch and keeps the cached list', async () => {
    w = await world('moneybird');
    await w.engine.refreshCatalog('acct');
    const before = w.core.catalog.list('acct');
    w.server.inject({ fault: { kind: 'status', status: 403, body: { error: 'No access to settings', symbolic: { scope: 'settings' } } }, path: /projects\.json$/ });
    const r = await w.engine.refreshCatalog('acct');
    expect(r).toMatchObject({ ok: false, count: before.length, error: expect.stringMatching(/403/) });
    expect(w.core.catalog.list('acct')).toEqual(before);
  });
});

describe.each(['kantata', 'moneybird'] as Provider[])('%s catalog offline', (provider) => {
  it('a refresh with the server gone fails, says why, and leaves the cached list (and its age) as it was', async () => {
    w = await world(provider);
    w.add(1, { project_id: provider === 'kantata' ? '7001' : '500000000000000001' });
    await w.drain();
    expect((await w.engine.refreshCatalog('acct')).ok).toBe(true);
    const before = w.core.catalog.list('acct');
    const at = w.core.catalog.fetchedAt(accountId(w));
    expect(pick(before, 'project').length).toBeGreaterThan(0);

    await w.server.close();
    w.clock.advance(CATALOG_MAX_AGE_MS * 2);
    const offline = await w.engine.refreshCatalog('acct');
    expect(offline.ok).toBe(false);
    expect(offline.count).toBe(before.length);
    expect(offline.error).toMatch(/network error|no answer/);
    expect(offline.error).not.toContain(w.server.token);
    expect(w.core.catalog.list('acct')).toEqual(before);
    expect(w.core.catalog.list()).toEqual(before);
    expect(w.core.catalog.fetchedAt(accountId(w))).toBe(at);
  });
});

describe.each(['kantata', 'moneybird'] as Provider[])('%s catalog, refreshed by the worker', (provider) => {
  const listPath = provider === 'kantata' ? /\/workspaces$/ : /\/projects\.json$/;

  it('after a good pass, at most every 6 hours, and never in the way of a push', async () => {
    w = await world(provider);
    worker = await startWorker(w);
    const project = provider === 'kantata' ? '7001' : '500000000000000001';
    w.add(1, { project_id: project });
    await worker.syncNow();
    await worker.idle();
    expect(w.server.held()).toHaveLength(1);
    expect(pick(w.core.catalog.list('acct'), 'project').length).toBeGreaterThan(0);
    expect(requests(w, listPath)).toBe(1);

    // Another pass within 6 hours: no new list request.
    w.clock.advance(CATALOG_MAX_AGE_MS - 60_000);
    await worker.syncNow();
    await worker.idle();
    expect(requests(w, listPath)).toBe(1);

    // Past 6 hours, the list is slow to come: the next push does not wait for it.
    w.clock.advance(120_000);
    w.server.inject({ fault: { kind: 'latency', ms: 1500 }, path: listPath });
    await worker.syncNow();
    expect(worker.status().running).toBe(true);
    const started = Date.now();
    w.add(2, { project_id: project });
    await worker.syncNow();
    expect(Date.now() - started).toBeLessThan(1200);
    expect(w.server.held().length).toBeGreaterThanOrEqual(2);
    await worker.idle();
    expect(worker.status().running).toBe(false);
    expect(requests(w, listPath)).toBe(2);
  });

  it('not after a pass that went wrong, and a failed fetch is not retried on every pass', async () => {
    w = await world(provider);
    const token = w.server.token;
    // The token is revoked: the pass pauses the account, and no list is asked for.
    w.server.token = 'rotated-token-000000';
    worker = await startWorker(w);
    await worker.syncNow();
    await worker.idle();
    expect(worker.status().accounts[0]!.state).toBe('paused');
    expect(requests(w, listPath)).toBe(0);

    // A good pass whose list request fails: tried once, then left alone until 6 hours have passed.
    w.server.token = token;
    w.server.inject({ fault: { kind: 'status', status: 500 }, path: listPath });
    await worker.syncNow();
    await worker.idle();
    expect(requests(w, listPath)).toBe(1);
    expect(pick(w.core.catalog.list('acct'), 'project')).toEqual([]);
    await worker.syncNow();
    await worker.idle();
    expect(requests(w, listPath)).toBe(1);
    w.clock.advance(CATALOG_MAX_AGE_MS);
    await worker.syncNow();
    await worker.idle();
    expect(requests(w, listPath)).toBe(2);
    expect(pick(w.core.catalog.list('acct'), 'project').length).toBeGreaterThan(0);
  });
});

describe.each(PROVIDER_IDS.filter((p) => descriptorOf(p).capabilities.catalog === 'seen-only'))('%s catalog', (provider) => {
  it('has no list endpoint: the ids its entries use, local or pulled, are offered, offline too', async () => {
    w = await world(provider);
    w.add(1, { project_id: '101' });
    w.add(2, { project_id: '202' });
    const start = w.clock.now() - 2 * 86_400_000;
    w.core.entries.create({
      description: 'with task and client', start: new Date(start).toISOString(), end: new Date(start + 1_800_000).toISOString(),
      project_id: '202', task_id: 't-9', client_id: 'c-7',
    });
    // Made elsewhere, brought in by the pull.
    w.server.seedRemote({ description: 'made in the web app', start: start + 3_600_000, seconds: 1200, project_id: '303' });
    await w.drain();
    expect(w.core.entries.list({}).some((e) => e.project_id === '303' && e.account === 'acct')).toBe(true);

    await w.server.close();
    const list = w.core.catalog.list('acct');
    expect(pick(list, 'project', 'seen').map((c) => [c.id, c.name])).toEqual([['101', '101'], ['202', '202'], ['303', '303']]);
    expect(pick(list, 'task', 'seen').map((c) => [c.id, c.parent_id])).toEqual([['t-9', '202']]);
    expect(pick(list, 'client', 'seen').map((c) => c.id)).toEqual(['c-7']);
    expect(list.filter((c) => c.source === 'remote')).toEqual([]);
    // Nothing to fetch: the answer comes at once, with the server gone.
    expect(await w.engine.refreshCatalog('acct')).toEqual({ ok: true, count: 5, error: null });
    expect(w.engine.catalogDue('acct')).toBe(false);
    // No list request was ever made.
    expect(w.server.log.every((l) => /time-entries|tenants|organizations/.test(l.path))).toBe(true);
  });
});

describe('catalog store', () => {
  it('offers a remote service’s ids that no list names as seen, and forgets ids of deleted entries', async () => {
    w = await world('kantata');
    await w.engine.refreshCatalog('acct');
    const typed = w.add(1, { project_id: '999' });
    expect(w.core.catalog.list('acct').find((c) => c.id === '999')).toMatchObject({ kind: 'project', name: '999', source: 'seen' });
    // A listed id stays remote (named), whatever entries use it.
    w.add(2, { project_id: '7001' });
    expect(w.core.catalog.list('acct').filter((c) => c.id === '7001')).toEqual([
      { account: 'acct', kind: 'project', id: '7001', name: 'Acme website', parent_id: null, source: 'remote' },
    ]);
    w.core.entries.remove(typed.id);
    expect(w.core.catalog.list('acct').some((c) => c.id === '999')).toBe(false);
    expect(w.core.catalog.list('nobody')).toEqual([]);
  });

  it('replaceRemote is all or nothing, skips items without an id, and names nameless ones by their id', async () => {
    w = await world('kantata');
    const id = accountId(w);
    const store = w.core.catalog;
    expect(store.replaceRemote(id, [
      { kind: 'project', id: 'p1', name: 'One', parent_id: null },
      { kind: 'project', id: '', name: 'no id', parent_id: null },
      { kind: 'task', id: 't1', name: '  ', parent_id: 'p1' },
    ], 1000)).toBe(2);
    expect(store.list('acct').map((c) => [c.kind, c.id, c.name, c.parent_id])).toEqual([['project', 'p1', 'One', null], ['task', 't1', 't1', 'p1']]);
    expect(store.fetchedAt(id)).toBe(1000);
    // An item the database refuses (a kind the table does not know) rolls the whole replacement back.
    w.core.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON catalog WHEN NEW.remote_id = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    expect(() => store.replaceRemote(id, [{ kind: 'project', id: 'p2', name: 'Two', parent_id: null }, { kind: 'project', id: 'bad', name: 'x', parent_id: null }], 2000)).toThrow(/refused/);
    expect(store.list('acct').map((c) => c.id)).toEqual(['p1', 't1']);
    expect(store.fetchedAt(id)).toBe(1000);
  });
});
