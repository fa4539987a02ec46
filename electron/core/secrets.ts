/**
 * Where account tokens come from. The tray app keeps typed-in tokens encrypted with Electron's
 * safeStorage (electron/secrets.ts implements SecretStore); the CLI reads the variable named by
 * --token-env. A token never reaches the renderer, a log or an error message.
 */
import type { Account } from '../../shared/entry';

export interface SecretStore {
  get(accountId: string): string | null;
  set(accountId: string, token: string): void;
  remove(accountId: string): void;
}

export function tokenResolver(env: NodeJS.ProcessEnv, store: SecretStore | null) {
  return (a: Account): string | null => {
    if (a.token_env && env[a.token_env]) return env[a.token_env]!;
    if (a.has_stored_secret && store) return store.get(a.id);
    return null;
  };
}

/**
 * Tokens held only while the process runs: the browser host, where no system keychain is
 * reachable. Nothing is written to disk unencrypted; the window says so next to the token field.
 */
export function createMemorySecrets(): SecretStore {
  const all = new Map<string, string>();
  return {
    get: (id) => all.get(id) ?? null,
    set: (id, token) => void all.set(id, token),
    remove: (id) => void all.delete(id),
  };
}
