/**
 * The settings window's account calls. A typed-in token goes straight into the secret store
 * (Electron's safeStorage in the app) and the account row only learns that one is stored; no
 * answer ever carries it back, and "Test connection" reports what happened without it.
 */
import type { ConnectionResult } from '../../../shared/catalog';
import type { Account, AccountRemoval, ProviderInfo } from '../../../shared/entry';
import { ValidationError } from '../../../shared/errors';
import { accountFormPatchSchema, accountFormSchema, connectionTargetSchema, parseOrThrow, type AccountForm, type AccountFormPatch, type ConnectionTarget } from '../../../shared/schemas';
import type { Core } from '..';
import type { SecretStore } from '../secrets';
import { providerInfos, providerNamed } from '../sync/connectors';
import { checkContext } from '../sync/connectors/context-field';
import type { FetchLike } from '../sync/http';
import { testConnection } from '../sync/test-connection';

export interface AccountHandlerDeps {
  core: Core;
  secrets: SecretStore | null;
  fetch: FetchLike | null;
  tokenFor(account: Account): string | null;
  /** Announces a change: the worker picks up a new or changed account at once. */
  wrote<T>(value: T): T;
}

/** Checked before the account is written, so a token that cannot be kept changes nothing. */
function canStore(d: AccountHandlerDeps, token: string | null | undefined): void {
  if (token && !d.secrets) throw ValidationError.one('token', 'cannot be stored here (no secret store): set token_env and put the token in that environment variable');
}

function storeToken(d: AccountHandlerDeps, id: string, token: string | null | undefined): void {
  if (token === undefined || !d.secrets) return;
  if (token === null) {
    d.secrets.remove(id);
    d.core.accounts.markSecret(id, false);
    return;
  }
  d.secrets.set(id, token);
  d.core.accounts.markSecret(id, true);
}

/**
 * An environment variable is read at sync time by every process, so naming one is the command
 * line's to do: over the bridge it would let a compromised window pick any process secret
 * (AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN) and have it sent to a server of its choosing.
 */
function refuseTokenEnv(payload: unknown): void {
  if (payload && typeof payload === 'object' && 'token_env' in payload) {
    throw ValidationError.one('token_env', 'can be set only from the command line (timetray accounts add --token-env)');
  }
}

/** scheme://host:port: a token is given for one server, and a new one there is a new server. */
const originOf = (url: string) => new URL(url).origin;

export function accountHandlers(d: AccountHandlerDeps) {
  const { core } = d;
  return {
    'providers.list': (): ProviderInfo[] => providerInfos(),
    'accounts.add': (form: AccountForm): Account => {
      refuseTokenEnv(form);
      const { token, ...input } = parseOrThrow(accountFormSchema, form);
      canStore(d, token);
      const a = core.accounts.add(input);
      storeToken(d, a.id, token);
      return d.wrote(core.accounts.byId(a.id)!);
    },
    'accounts.update': (name: string, patch: AccountFormPatch): Account => {
      refuseTokenEnv(patch);
      const { token, ...rest } = patch;
      canStore(d, token);
      const before = core.accounts.byName(name);
      // Elsewhere than before, the token kept for the old server is not sent there: the stored one
      // and the variable named from the command line are both forgotten, unless typed anew with it.
      const moved = rest.base_url !== undefined && originOf(parseOrThrow(accountFormPatchSchema, { base_url: rest.base_url }).base_url!) !== originOf(before.base_url);
      const a = core.accounts.update(name, moved && before.token_env ? { ...rest, token_env: null } : rest);
      storeToken(d, a.id, moved && token === undefined && before.has_stored_secret ? null : token);
      return d.wrote(core.accounts.byId(a.id)!);
    },
    'accounts.remove': (name: string, options?: { keep_local?: boolean }): AccountRemoval | null => {
      const id = core.accounts.byName(name).id;
      const r = options?.keep_local ? core.accounts.removeKeepingLocal(name) : (core.accounts.remove(name), null);
      d.secrets?.remove(id);
      return d.wrote(r);
    },
    'accounts.test': async (target: ConnectionTarget): Promise<ConnectionResult> => {
      const t = parseOrThrow(connectionTargetSchema, target);
      if (!d.fetch) throw new Error('This process cannot make network requests');
      if (t.provider) {
        const p = providerNamed(t.provider);
        return testConnection({ provider: p.id, base_url: t.base_url!, context: checkContext(p, t.context), token: t.token!, fetch: d.fetch });
      }
      const a = core.accounts.byName(t.name!);
      const token = t.token ?? d.tokenFor(a);
      if (!token) throw ValidationError.one('token', `is not available for account ${a.name}: type one, or set ${a.token_env ?? 'token_env'}`);
      return testConnection({ provider: a.provider, base_url: a.base_url, context: a.context, token, fetch: d.fetch });
    },
  };
}
