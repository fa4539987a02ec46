/** Account tokens encrypted with safeStorage (Keychain, DPAPI, libsecret/kwallet), in one file in userData. */
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../core/secrets';

export function createSafeStorageSecrets(dir: string): SecretStore {
  const file = join(dir, 'secrets.json');
  const read = (): Record<string, string> => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {});
  const write = (all: Record<string, string>) => {
    // Written whole and renamed into place: a crash never leaves half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(all), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  return {
    get(id) {
      const v = read()[id];
      if (!v || !safeStorage.isEncryptionAvailable()) return null;
      return safeStorage.decryptString(Buffer.from(v, 'base64'));
    },
    set(id, token) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('This system offers no encrypted storage; use --token-env instead');
      write({ ...read(), [id]: safeStorage.encryptString(token).toString('base64') });
    },
    remove(id) {
      const all = read();
      delete all[id];
      write(all);
    },
  };
}
