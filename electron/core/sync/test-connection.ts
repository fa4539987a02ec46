/**
 * "Test connection" in Settings: the connector's own cheap authenticated request (probe()) with
 * the values typed in, and what happened in words a user can act on. The request goes through the
 * same HTTP wrapper as sync (timeout, redaction, error classes), and the final message is scrubbed
 * of the token once more, so the token never appears in it.
 */
import type { ConnectionResult } from '../../../shared/catalog';
import type { Account, AccountContext, Provider } from '../../../shared/entry';
import { isLoopbackHost } from '../../../shared/schemas';
import { connectorFor, descriptorOf } from './connectors';
import { redact } from './errors';
import { createHttp, type FetchLike, type Http, type HttpRequest } from './http';

export interface ConnectionTest {
  provider: Provider;
  base_url: string;
  context: AccountContext;
  token: string;
  fetch: FetchLike;
  /** Per-request limit; 15 s unless given. */
  timeoutMs?: number;
}

export const DEFAULT_TEST_TIMEOUT_MS = 15_000;

/** Node's and undici's network error codes, as a user would say them. */
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing is listening there)',
  ENOTFOUND: 'no such host (check the address)',
  EAI_AGAIN: 'the name could not be looked up (no network, or DNS is down)',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the connection was closed',
  UND_ERR_SOCKET: 'the connection was closed',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
};

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

export async function testConnection(o: ConnectionTest): Promise<ConnectionResult> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  const base = o.base_url.trim().replace(/\/+$/, '');
  const scrub = (s: string) => redact(s, [o.token]);
  const started = performance.now();
  const done = (ok: boolean, status: number | null, message: string): ConnectionResult =>
    ({ ok, status, message: scrub(message), ms: Math.round(performance.now() - started) });

  let where: string;
  try {
    const u = new URL(base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return done(false, null, `The base URL must start with https:// (it starts with ${u.protocol}//)`);
    if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) return done(false, null, 'The base URL must start with https:// unless the server is on this machine');
    where = u.host;
  } catch {
    return done(false, null, 'The base URL is not a web address: it should look like https://api.example.com');
  }
  if (!o.token) return done(false, null, 'No token given: paste the API token first');

  // The wrapper of sync, plus a note of the last status seen (probe() answers only yes or no).
  const inner = createHttp({ fetch: o.fetch, secrets: [o.token], timeoutMs });
  let lastStatus: number | null = null;
  const http: Http = {
    async request<T>(req: HttpRequest) {
      const r = await inner.request<T>(req);
      lastStatus = r.ok ? r.status : r.error.status || null;
      return r;
    },
  };
  const account: Account = {
    id: 'connection-test', name: 'connection-test', provider: o.provider, base_url: base, context: o.context,
    token_env: null, has_stored_secret: false, is_default: false,
  };

  let r: Awaited<ReturnType<ReturnType<typeof connectorFor>['probe']>>;
  try {
    r = await connectorFor(account, o.token, http).probe();
  } catch (e) {
    return done(false, null, `Could not test ${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (r.ok) return done(true, lastStatus ?? 200, `Connected to ${where}: the token works`);

  const e = r.error;
  if (e.status === 0) {
    if (/no answer within/.test(e.message)) return done(false, null, `Timed out after ${seconds(timeoutMs)}: ${where} gave no answer`);
    const code = /network error \((.*)\)$/.exec(e.message)?.[1] ?? e.message;
    return done(false, null, `Could not reach ${where}: ${NETWORK_WORDS[code] ?? code}`);
  }
  // Only the status, never the server's words: the address may be anyone's (typed in the window),
  // and its body is neither ours to show nor safe to put in front of the user.
  const s = e.status;
  const message =
    s === 401 ? 'The server refused the token (401): check it, or make a new one.'
      : s === 403 ? `The token was accepted but may not do this (403): check its scopes and the ${contextWords(o.provider)}.`
        : s === 404 ? `Nothing found at that address (404): check the base URL${descriptorOf(o.provider).context.length ? ` and the ${contextWords(o.provider)}` : ''}.`
          : s === 400 || s === 422 ? `The server refused the request (${s}): check the ${contextWords(o.provider)}.`
            : s === 429 ? 'Too many requests (429): the service asks to wait; try again in a few minutes.'
              : s >= 500 ? `The service has a problem (${s}): try again later.`
                : `The server answered ${s}.`;
  return done(false, s, message);
}

/** "tenant id", "administration id and user id": the context ids the provider's descriptor names. */
function contextWords(provider: Provider): string {
  const labels = descriptorOf(provider).context.map((f) => f.label.toLowerCase());
  return labels.length ? `${labels.slice(0, -1).join(', ')}${labels.length > 1 ? ' and ' : ''}${labels.at(-1)}` : 'account settings';
}
