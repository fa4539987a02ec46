/**
 * Account tokens encrypted with safeStorage (Keychain, DPAPI, libsecret/KWallet), in one file in
 * userData; or, where no OS key protects them (Linux without a keyring), kept in memory only and
 * the window told so (secret-storage-kind.ts). Call after the app is ready: Linux picks its
 * backend then.
 */
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemorySecrets, type SecretStore } from '../core/secrets';
import { secretStorageKind } from './secret-storage-kind';

export function createSafeStorageSecrets(dir: string): SecretStore & { kind: 'encrypted' | 'memory' } {
  const kind = secretStorageKind({
    platform: process.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    backend: () => safeStorage.getSelectedStorageBackend(),
  });
  // A token "encrypted" with Chromium's fixed fallback key would be plain text to anyone who reads
  // the file: such a system gets nothing written at all.
  if (kind === 'memory') return { ...createMemorySecrets(), kind };
  const file = join(dir, 'secrets.json');
  const read = (): Record<string, string> => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {});
  const write = (all: Record<string, string>) => {
    // Written whole and renamed into place: a crash never leaves half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(all), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  return {
    kind,
    get(id) {
      const v = read()[id];
      return v ? safeStorage.decryptString(Buffer.from(v, 'base64')) : null;
    },
    set(id, token) {
      write({ ...read(), [id]: safeStorage.encryptString(token).toString('base64') });
    },
    remove(id) {
      const all = read();
      delete all[id];
      write(all);
    },
  };
}
