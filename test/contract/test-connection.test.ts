/**
 * "Test connection" against the real fake servers: each connector's probe with the values typed
 * in, answered in words a user can act on, never with the token in them.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { type AccountContext, type Provider } from '../../shared/entry';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { testConnection } from '../../electron/core/sync/test-connection';
import { FAKE_PROVIDERS, fakeFor, type FakeProvider } from '../providers';

let server: FakeProvider | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const BAD = 'wrong-token-Zq81xK3vP0';

function target(s: FakeProvider, provider: Provider, token: string, over: AccountContext = {}) {
  const { base_url, context } = s.account();
  return { provider, base_url, context: { ...context, ...over }, token, fetch: nodeFetch, timeoutMs: 2000 };
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

describe.each(PROVIDER_IDS)('%s', (provider) => {
  it('connects with the right token, and says how long the answer took', async () => {
    server = await fakeFor(provider)();
    // A known delay: the time reported must cover it and fit inside the call's own wall time.
    server.inject({ fault: { kind: 'latency', ms: 120 } });
    const before = performance.now();
    const r = await testConnection(target(server, provider, server.token));
    const wall = performance.now() - before;
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(r.message).toMatch(/^Connected to 127\.0\.0\.1:\d+/);
    expect(r.message).not.toContain(server.token);
    expect(r.ms).toBeGreaterThanOrEqual(115);
    expect(r.ms).toBeLessThanOrEqual(Math.ceil(wall));
    // One cheap authenticated GET, nothing written.
    expect(server.log.map((l) => l.method)).toEqual(['GET']);
  });

  it('says the server refused the token (401), without echoing it', async () => {
    server = await fakeFor(provider)();
    const r = await testConnection(target(server, provider, BAD));
    expect(r).toMatchObject({ ok: false, status: 401 });
    expect(r.message).toMatch(/^The server refused the token \(401\)/);
    expect(r.message).not.toContain(BAD);
    expect(JSON.stringify(r)).not.toContain(BAD);
  });
});

describe('test connection', () => {
  it('a closed port: could not reach it, connection refused', async () => {
    const port = await closedPort();
    const r = await testConnection({ provider: 'voltasis', base_url: `http://127.0.0.1:${port}/`, context: {}, token: BAD, fetch: nodeFetch });
    expect(r).toMatchObject({ ok: false, status: null, message: `Could not reach 127.0.0.1:${port}: connection refused (nothing is listening there)` });
  });

  it('a server that never answers: timed out after the limit', async () => {
    server = await FAKE_PROVIDERS.expensicat();
    server.inject({ fault: { kind: 'timeout' } });
    const r = await testConnection({ ...target(server, 'expensicat', server.token), timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, status: null });
    expect(r.message).toBe(`Timed out after 300 ms: ${new URL(server.url).host} gave no answer`);
    expect(r.ms).toBeGreaterThanOrEqual(290);
    expect(r.ms).toBeLessThan(2000);
  });

  it('a slow server within the limit still connects', async () => {
    server = await FAKE_PROVIDERS.kantata();
    server.inject({ fault: { kind: 'latency', ms: 200 } });
    const r = await testConnection({ ...target(server, 'kantata', server.token), timeoutMs: 1000 });
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(r.ms).toBeGreaterThanOrEqual(190);
  });

  it('a wrong tenant (Kukkingu) is refused by the server: 403 and what to check, never the server\'s own words', async () => {
    server = await FAKE_PROVIDERS.kukkingu();
    const r = await testConnection(target(server, 'kukkingu', server.token, { tenant: 'tnt_someone_else' }));
    expect(r).toMatchObject({ ok: false, status: 403 });
    expect(r.message).toBe('The token was accepted but may not do this (403): check its scopes and the tenant id.');
  });

  it('a wrong administration (Moneybird): nothing there (404)', async () => {
    server = await FAKE_PROVIDERS.moneybird();
    const r = await testConnection(target(server, 'moneybird', server.token, { administration: '999999999999999999' }));
    expect(r).toMatchObject({ ok: false, status: 404 });
    expect(r.message).toMatch(/^Nothing found at that address \(404\): check the base URL and the administration id/);
  });

  it('a server error that quotes the token back never shows it', async () => {
    server = await FAKE_PROVIDERS.voltasis();
    const token = server.token;
    server.inject({ fault: { kind: 'status', status: 503, body: { error: { code: 'down', message: `backend rejected Bearer ${token} and ${token}` } } } });
    const r = await testConnection(target(server, 'voltasis', token));
    expect(r).toMatchObject({ ok: false, status: 503 });
    expect(r.message).toMatch(/^The service has a problem \(503\): try again later/);
    expect(r.message).not.toContain(token);
  });

  it('a base URL that is not a web address is refused before any request', async () => {
    const r = await testConnection({ provider: 'kantata', base_url: 'api.mavenlink.com/api/v1', context: {}, token: BAD, fetch: nodeFetch });
    expect(r).toMatchObject({ ok: false, status: null });
    expect(r.message).toMatch(/^The base URL is not a web address/);
    const ftp = await testConnection({ provider: 'kantata', base_url: 'ftp://example.com', context: {}, token: BAD, fetch: nodeFetch });
    expect(ftp.message).toMatch(/must start with https:\/\//);
  });

  it('plain http to another machine is refused before any request: the token would cross the network readable', async () => {
    const asked: string[] = [];
    const recordOnly = (async (url: string) => { asked.push(String(url)); throw new Error('must not be called'); }) as unknown as typeof nodeFetch;
    const r = await testConnection({ provider: 'kantata', base_url: 'http://example.com/api/v1', context: {}, token: BAD, fetch: recordOnly });
    expect(r).toMatchObject({ ok: false, status: null, message: 'The base URL must start with https:// unless the server is on this machine' });
    expect(asked).toEqual([]);
  });
});
