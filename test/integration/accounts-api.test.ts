/**
 * The settings window's account calls over the real core and a fake provider on loopback: a typed
 * token goes to the secret store and never comes back; bad forms change nothing; an account with
 * unsent changes cannot be removed; "Test connection" says what the server said.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppApi, type AppApi } from '../../electron/core/app-api';
import { createMemorySecrets, type SecretStore } from '../../electron/core/secrets';
import { tokenResolver } from '../../electron/core/secrets';
import { nodeFetch } from '../../electron/core/sync/node-fetch';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { testCore, type TestCore } from '../helpers/temp';
import type { BridgeMethod } from '../../shared/bridge';
import type { BridgeAnswer } from '../helpers/bridge-call';

let t: TestCore;
let api: AppApi;
let secrets: SecretStore;
let fake: FakeProvider | null = null;
afterEach(async () => {
  api?.close();
  t?.done();
  await fake?.close();
  fake = null;
});
const setup = (withSecrets = true) => {
  t = testCore();
  secrets = createMemorySecrets();
  api = createAppApi({
    core: t.core, host: 'electron', version: 'test', watchMs: 1000, secrets: withSecrets ? secrets : null, fetch: nodeFetch,
    tokenFor: tokenResolver({}, withSecrets ? secrets : null),
  });
};
const ok = async <M extends BridgeMethod>(method: M, ...args: unknown[]): Promise<BridgeAnswer<M>> => {
  const r = await api.dispatch(method, args);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as BridgeAnswer<M>;
};

describe('accounts over the bridge', () => {
  it('stores a typed token in the secret store only; no answer carries it', async () => {
    setup();
    const a = await ok('accounts.add', { name: 'mb', provider: 'moneybird', base_url: 'https://moneybird.example/', context: { administration: '123', user: '9' }, token: '  s3cret-token  ' });
    expect(a).toMatchObject({ name: 'mb', base_url: 'https://moneybird.example', has_stored_secret: true, context: { administration: '123', user: '9' } });
    expect(secrets.get(a.id)).toBe('s3cret-token');
    const everything = JSON.stringify([a, await ok('accounts.list'), t.core.db.prepare('SELECT * FROM accounts').all()]);
    expect(everything).not.toContain('s3cret-token');

    const u = await ok('accounts.update', 'mb', { token: null, context: { user: '10' } });
    expect(u).toMatchObject({ has_stored_secret: false, context: { administration: '123', user: '10' } });
    expect(secrets.get(a.id)).toBeNull();
  });

  it('a bad form names each field and rule and changes nothing', async () => {
    setup();
    const r = await api.dispatch('accounts.add', [{ name: 'k', provider: 'kukkingu', base_url: 'ftp://x', token: 'has space' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues).toEqual(expect.arrayContaining([
        { field: 'base_url', rule: expect.stringMatching(/http\(s\) URL/) },
        { field: 'token', rule: expect.stringMatching(/without spaces/) },
      ]));
    }
    // A well-formed form is then checked against the provider's descriptor: its context ids.
    const k = await api.dispatch('accounts.add', [{ name: 'k', provider: 'kukkingu', base_url: 'https://k.example', context: { tenant: ' ', org: 'o' } }]);
    expect(k).toMatchObject({ ok: false, error: { issues: [
      { field: 'context.org', rule: 'is not an id Kukkingu uses (it takes tenant)' },
      { field: 'context.tenant', rule: 'must be 1 to 255 characters' },
    ] } });
    expect(t.core.accounts.list()).toEqual([]);
    await ok('accounts.add', { name: 'mb', provider: 'moneybird', base_url: 'https://m.example', context: { administration: '1', user: '2' } });
    const clear = await api.dispatch('accounts.update', ['mb', { context: { administration: null } }]);
    expect(clear).toMatchObject({ ok: false, error: { issues: [{ field: 'context.administration', rule: 'is required for Moneybird' }] } });
    expect(t.core.accounts.byName('mb').context.administration).toBe('1');
  });

  it('without a secret store a typed token is refused before anything is written', async () => {
    setup(false);
    const r = await api.dispatch('accounts.add', [{ name: 'v', provider: 'voltasis', base_url: 'https://v.example', token: 'abc' }]);
    expect(r).toMatchObject({ ok: false, error: { issues: [{ field: 'token', rule: expect.stringMatching(/token_env/) }] } });
    expect(t.core.accounts.list()).toEqual([]);
  });

  it('removal is refused while changes wait to be sent; afterwards the entries stay, as local ones', async () => {
    setup();
    await ok('accounts.add', { name: 'v', provider: 'voltasis', base_url: 'https://v.example' });
    const e = t.core.entries.create({ description: 'billable work', start: '2026-01-15T09:00:00Z', end: '2026-01-15T10:00:00Z' });
    expect(e.account).toBe('v');
    const refused = await api.dispatch('accounts.remove', ['v']);
    expect(refused).toMatchObject({ ok: false, error: { issues: [{ field: 'account', rule: expect.stringMatching(/1 change waiting/) }] } });
    t.core.db.prepare('DELETE FROM outbox').run();
    await ok('accounts.remove', 'v');
    expect(t.core.accounts.list()).toEqual([]);
    expect(t.core.entries.get(e.id)).toMatchObject({ description: 'billable work', account: null, sync: { state: 'local' } });
  });

  it('test connection: connected with the right token, the server’s refusal with a wrong one, never echoing it', async () => {
    setup();
    fake = await FAKE_PROVIDERS.kukkingu();
    const target = { provider: 'kukkingu', ...fake.account() };
    const good = await ok('accounts.test', { ...target, token: fake.token });
    expect(good).toMatchObject({ ok: true });
    const bad = await ok('accounts.test', { ...target, token: 'not-the-token' });
    expect(bad).toMatchObject({ ok: false, status: 401 });
    expect(bad.message).not.toContain('not-the-token');
    // A saved account is tested with its stored token.
    await ok('accounts.add', { name: 'k', provider: 'kukkingu', ...fake.account(), token: fake.token });
    expect(await ok('accounts.test', { name: 'k' })).toMatchObject({ ok: true });
    const closed = await ok('accounts.test', { ...target, base_url: 'http://127.0.0.1:9', token: 'x' });
    expect(closed).toMatchObject({ ok: false, status: null });
  });
});
