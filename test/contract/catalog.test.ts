/**
 * The pickers' lists against the fake servers: Kantata's workspaces and stories and Moneybird's
 * projects and contacts are fetched after a good sync and cached; what goes upstream goes here on
 * the next refresh; offline, the cached list still answers. The other three services document
 * no such list: the ids their entries use are offered instead.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Provider } from '../../shared/entry';
import { world, type World } from '../helpers/sync';

let w: World | null = null;
afterEach(async () => {
  await w?.done();
  w = null;
});

type WithCatalog = { catalog: { projects: { id: string; name: string }[] } };

describe.each(['kantata', 'moneybird'] as Provider[])('%s catalog', (provider) => {
  it('is fetched after a sync, follows upstream removals, and survives going offline', async () => {
    w = await world(provider);
    w.add(1);
    await w.drain();
    const list = () => w!.core.catalog.list('acct');
    const upstream = (w.server as unknown as WithCatalog).catalog;
    const projects = () => list().filter((c) => c.kind === 'project' && c.source === 'remote').map((c) => c.name);
    expect(projects().length).toBeGreaterThan(0);
    if (provider === 'kantata') {
      expect(projects()).toEqual(['Acme website', 'Globex audit', 'Initech support']);
      expect(list().filter((c) => c.kind === 'task').map((c) => [c.name, c.parent_id])).toEqual(expect.arrayContaining([['Design', '7001'], ['Fieldwork', '7002']]));
    } else {
      // Archived projects are not offered; contacts are the clients.
      expect(projects()).toEqual(['Bakery rebrand']);
      expect(list().filter((c) => c.kind === 'client').map((c) => c.name).sort()).toEqual(['Anna de Vries', 'Bakkerij Brood']);
    }
    const gone = upstream.projects.shift()!;
    expect(await w.engine.refreshCatalog('acct')).toMatchObject({ ok: true });
    expect(list().some((c) => c.kind === 'project' && c.id === gone.id)).toBe(false);

    const before = list();
    await w.server.close();
    const offline = await w.engine.refreshCatalog('acct');
    expect(offline.ok).toBe(false);
    expect(offline.error).toMatch(/network error|no answer/);
    expect(list()).toEqual(before);
  });
});

describe.each(['voltasis', 'kukkingu', 'expensicat'] as Provider[])('%s catalog', (provider) => {
  it('has no list endpoint: the project ids its entries use are offered, offline too', async () => {
    w = await world(provider);
    w.add(1, { project_id: '101' });
    w.add(2, { project_id: '202' });
    await w.drain();
    await w.server.close();
    const projects = w.core.catalog.list('acct').filter((c) => c.kind === 'project');
    expect(projects.map((c) => [c.id, c.source]).sort()).toEqual([['101', 'seen'], ['202', 'seen']]);
    expect(await w.engine.refreshCatalog('acct')).toMatchObject({ ok: true, count: 2 });
  });
});
