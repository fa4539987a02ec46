/**
 * Issue 12, finding 1: a token is bound to the server it was given for. Over the real bridge
 * (createAppApi on a real core) and real HTTP servers on loopback that record the Authorization
 * header they got, a compromised window must not be able to send the user's token, or any secret
 * of this process, to a server of its choosing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../electron/core/app-api';
import { createMemorySecrets, tokenResolver, type SecretStore } from '../../electron/core/secrets';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { testCore, type TestCore } from '../helpers/temp';
import type { BridgeMethod } from '../../shared/bridge';
import type { BridgeAnswer } from '../helpers/bridge-call';

/** A server that answers every request with `status` and a body a test can look for, noting each Authorization header. */
async function recorder(status = 404) {
  const seen: (string | null)[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers.authorization ?? null);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'REMOTE-BODY-MARKER <script>' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const PROCESS_SECRET = 'aws-process-secret-value';
let t: TestCore;
let api: AppApi;
let secrets: SecretStore;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  api?.close();
  t?.done();
  for (const c of closers.splice(0)) await c();
});
const setup = () => {
  t = testCore();
  secrets = createMemorySecrets();
  api = createAppApi({
    core: t.core, host: 'electron', version: 'test', watchMs: 1000, secrets, fetch: nodeFetch,
    tokenFor: tokenResolver({ AWS_SECRET_ACCESS_KEY: PROCESS_SECRET }, secrets),
  });
};
const ok = async <M extends BridgeMethod>(method: M, ...args: unknown[]): Promise<BridgeAnswer<M>> => {
  const r = await api.dispatch(method, args);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as BridgeAnswer<M>;
};
const rows = () => t.core.db.prepare('SELECT name, base_url, token_env, secret_ref FROM accounts ORDER BY name').all() as { name: string; base_url: string; token_env: string | null; secret_ref: string | null }[];

describe('credentials bound to their origin', () => {
  it('token_env cannot be set over the bridge: a planted account never sends a process secret anywhere', async () => {
    setup();
    const evil = await recorder(200);
    closers.push(evil.close);
    const add = await api.dispatch('accounts.add', [{ name: 'x', provider: 'voltasis', base_url: evil.url, token_env: 'AWS_SECRET_ACCESS_KEY' }]);
    expect(add).toMatchObject({ ok: false, error: { issues: [{ field: 'token_env', rule: expect.stringMatching(/command line/) }] } });
    expect(rows()).toEqual([]);

    await ok('accounts.add', { name: 'v', provider: 'voltasis', base_url: evil.url });
    const before = rows();
    const upd = await api.dispatch('accounts.update', ['v', { token_env: 'AWS_SECRET_ACCESS_KEY' }]);
    expect(upd).toMatchObject({ ok: false, error: { issues: [{ field: 'token_env', rule: expect.stringMatching(/command line/) }] } });
    expect(rows()).toEqual(before);
    const tested = await api.dispatch('accounts.test', [{ name: 'v' }]);
    expect(tested.ok).toBe(false);
    expect(evil.seen).toEqual([]);
  });

  it('moving an account to another origin forgets its stored token in the same call; the same origin keeps it', async () => {
    setup();
    const fake: FakeProvider = await FAKE_PROVIDERS.kukkingu();
    closers.push(() => fake.close());
    const evil = await recorder(200);
    closers.push(evil.close);
    const a = await ok('accounts.add', { name: 'k', provider: 'kukkingu', ...fake.account(), token: fake.token });

    const samePlace = await ok('accounts.update', 'k', { base_url: `${fake.account().base_url}/` });
    expect(samePlace).toMatchObject({ has_stored_secret: true });
    expect(secrets.get(a.id)).toBe(fake.token);
    expect(await ok('accounts.test', { name: 'k' })).toMatchObject({ ok: true });

    const moved = await ok('accounts.update', 'k', { base_url: evil.url });
    expect(moved).toMatchObject({ base_url: evil.url, has_stored_secret: false });
    expect(secrets.get(a.id)).toBeNull();
    const tested = await api.dispatch('accounts.test', [{ name: 'k' }]);
    expect(tested).toMatchObject({ ok: false, error: { issues: [{ field: 'token' }] } });
    expect(evil.seen).toEqual([]);

    // A token typed together with the new address is for that address.
    const retyped = await ok('accounts.update', 'k', { base_url: fake.account().base_url, token: fake.token });
    expect(retyped).toMatchObject({ has_stored_secret: true });
    expect(secrets.get(a.id)).toBe(fake.token);
  });

  it('moving an account whose token_env was set from the command line forgets that variable too', async () => {
    setup();
    const evil = await recorder(200);
    closers.push(evil.close);
    // As `timetray accounts add --token-env` writes it: through the core, not the bridge.
    t.core.accounts.add({ name: 'c', provider: 'voltasis', base_url: 'https://voltasis.example', token_env: 'AWS_SECRET_ACCESS_KEY' });
    const moved = await ok('accounts.update', 'c', { base_url: evil.url });
    expect(moved).toMatchObject({ base_url: evil.url, token_env: null, has_stored_secret: false });
    expect(await api.dispatch('accounts.test', [{ name: 'c' }])).toMatchObject({ ok: false, error: { issues: [{ field: 'token' }] } });
    expect(evil.seen).toEqual([]);
  });

  it('plain http only for this machine', async () => {
    setup();
    for (const base_url of ['http://example.com', 'http://10.0.0.7:8080', 'http://127.0.0.1.nip.io']) {
      const r = await api.dispatch('accounts.add', [{ name: 'h', provider: 'voltasis', base_url }]);
      expect(r, base_url).toMatchObject({ ok: false, error: { issues: [{ field: 'base_url', rule: 'must be https unless the host is this machine' }] } });
      const tested = await api.dispatch('accounts.test', [{ provider: 'voltasis', base_url, token: 'typed' }]);
      expect(tested, base_url).toMatchObject({ ok: false, error: { issues: [{ field: 'base_url' }] } });
    }
    expect(rows()).toEqual([]);
    await ok('accounts.add', { name: 'h', provider: 'voltasis', base_url: 'https://example.com' });
    const upd = await api.dispatch('accounts.update', ['h', { base_url: 'http://example.com' }]);
    expect(upd).toMatchObject({ ok: false, error: { issues: [{ field: 'base_url', rule: 'must be https unless the host is this machine' }] } });
    let n = 0;
    for (const base_url of ['http://localhost:1', 'http://127.0.0.1:2', 'http://127.9.8.7', 'http://[::1]:3']) await ok('accounts.add', { name: `l${n++}`, provider: 'voltasis', base_url });
    expect(rows().map((r) => r.base_url)).toEqual(['https://example.com', 'http://localhost:1', 'http://127.0.0.1:2', 'http://127.9.8.7', 'http://[::1]:3']);
  });

  it('test connection with a typed token goes only to the typed URL and answers with a status, never the remote body', async () => {
    setup();
    const typedFor = await recorder(404);
    const other = await recorder(200);
    closers.push(typedFor.close, other.close);
    await ok('accounts.add', { name: 'o', provider: 'voltasis', base_url: other.url, token: 'stored-token' });
    const r = await ok('accounts.test', { provider: 'voltasis', base_url: typedFor.url, token: 'typed-token' });
    expect(r).toMatchObject({ ok: false, status: 404 });
    expect(r.message).not.toMatch(/REMOTE-BODY-MARKER|script/);
    expect(r.message.length).toBeLessThan(120);
    expect(typedFor.seen.length).toBeGreaterThan(0);
    expect(new Set(typedFor.seen)).toEqual(new Set(['Bearer typed-token']));
    expect(other.seen).toEqual([]);
  });
});
