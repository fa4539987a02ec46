/**
 * "Test connection" in Settings: the connector's own cheap authenticated request with the values
 * typed in, and what happened in words a user can act on. The token goes through the same HTTP
 * wrapper as sync, so it is redacted from every message.
 */
import type { ConnectionResult } from '../../../shared/catalog';
import type { AccountContext, Provider } from '../../../shared/entry';
import { connectorFor } from './connectors';
import { createHttp, type FetchLike } from './http';

export interface ConnectionTest {
  provider: Provider;
  base_url: string;
  context: AccountContext;
  token: string;
  fetch: FetchLike;
  timeoutMs?: number;
}

export async function testConnection(o: ConnectionTest): Promise<ConnectionResult> {
  const timeoutMs = o.timeoutMs ?? 15_000;
  const http = createHttp({ fetch: o.fetch, secrets: [o.token], timeoutMs });
  const account = {
    id: 'test', name: 'test', provider: o.provider, base_url: o.base_url.replace(/\/+$/, ''), context: o.context,
    token_env: null, has_stored_secret: false, is_default: false,
  };
  const started = performance.now();
  const r = await connectorFor(account, o.token, http).probe();
  const ms = Math.round(performance.now() - started);
  if (r.ok) return { ok: true, status: 200, message: `Connected to ${o.provider} at ${account.base_url}`, ms };
  const e = r.error;
  if (e.status === 0) {
    const message = /no answer within/.test(e.message)
      ? `Timed out: ${account.base_url} gave no answer within ${Math.round(timeoutMs / 1000)} s`
      : `Could not reach ${account.base_url}: ${e.message.replace(/^.*network error \((.*)\)$/, '$1')}`;
    return { ok: false, status: null, message, ms };
  }
  const why = e.status === 401 ? 'The server refused the token (401): check it, or make a new one'
    : e.status === 403 ? 'The token is valid but may not do this (403): check its scopes or the context ids'
      : e.status === 404 ? 'Nothing at that address (404): check the base URL and the context ids'
        : `The server answered ${e.message}`;
  return { ok: false, status: e.status, message: why, ms };
}
