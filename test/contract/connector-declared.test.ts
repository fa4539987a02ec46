/**
 * What each descriptor declares is what its connector does against its fake, over real HTTP: the
 * engine and the suites trust the capabilities (catalog scheduling, the update verb, the
 * reference lookup, the page loop), so a declaration that drifted from the code fails here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { descriptorOf, PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { fakeFor, type FakeProvider } from '../providers';
import { connectorOf, createOne, entryOf, onePiece, PROJECT, ZONE } from './connector-kit';

let server: FakeProvider | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe.each(PROVIDER_IDS)('%s', (provider) => {
  const caps = descriptorOf(provider).capabilities;

  it(`its connector carries the descriptor's capabilities, and has catalog() exactly when catalog is 'remote' (${caps.catalog})`, async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    expect(c.provider).toBe(provider);
    expect(c.capabilities).toEqual(caps);
    expect(typeof c.catalog === 'function').toBe(caps.catalog === 'remote');
  });

  it(`an update goes out as ${caps.updateVerb}`, async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const e = entryOf();
    const id = await createOne(c, e);
    const edited = entryOf({ description: 'Invoice review, second pass' });
    const r = await c.update(id, onePiece(c, edited), edited);
    expect(r).toEqual({ ok: true, value: undefined });
    expect(server.log.filter((l) => l.method === 'PUT' || l.method === 'PATCH').map((l) => l.method)).toEqual([caps.updateVerb]);
  });

  it(`the server keeps our local id exactly when lookupByReference (${caps.lookupByReference})`, async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const id = await createOne(c, entryOf());
    const held = server.held().find((h) => h.id === id || h.ref !== null);
    expect(held?.ref != null).toBe(caps.lookupByReference);
    const l = await c.list('2026-03-01', '2026-03-03', ZONE);
    expect(l.ok && l.value.map((r) => r.localId !== null)).toEqual([caps.lookupByReference]);
  });

  it(`a list longer than a page is read whole, paged as declared (${caps.pagination})`, async () => {
    server = await fakeFor(provider)();
    const c = connectorOf(server);
    const n = 250;
    const start = Date.parse('2026-03-02T06:00:00Z');
    for (let i = 0; i < n; i++) server.seedRemote({ description: `seeded ${i}`, start: start + i * 60_000, seconds: 60, project_id: PROJECT });
    const l = await c.list('2026-03-01', '2026-03-03', ZONE);
    expect(l.ok && l.value.length).toBe(n);
    const gets = server.log.filter((l) => l.method === 'GET').length;
    if (caps.pagination === 'none') expect(gets).toBe(1);
    else expect(gets).toBeGreaterThan(1);
  });
});
