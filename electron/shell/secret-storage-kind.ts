/**
 * Whether safeStorage really encrypts here, decided without Electron so it is tested as a function.
 * On Linux, Chromium picks a backend: a keyring (libsecret, KWallet) or, when none answers,
 * 'basic_text', which "encrypts" with a key hard-coded in Chromium's source, readable by anyone
 * who reads the file. isEncryptionAvailable() is true there all the same, so it alone would let
 * the window claim a keychain that is not there.
 */
import type { AppInfo } from '../../shared/bridge';

export type SafeStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** What the shell can ask Electron's safeStorage (after the app is ready). */
export interface SafeStorageProbe {
  platform: NodeJS.Platform;
  encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend(): Linux only; asked only there. */
  backend: () => SafeStorageBackend;
}

/**
 * 'encrypted': typed tokens go to secrets.json, encrypted with a key the OS keeps (Keychain, DPAPI,
 * libsecret, KWallet). 'memory': no such key, so nothing is written; a typed token lasts until quit
 * and the window offers the environment-variable route (`--token-env`) instead.
 */
export function secretStorageKind(p: SafeStorageProbe): Extract<AppInfo['secret_storage'], 'encrypted' | 'memory'> {
  if (!p.encryptionAvailable) return 'memory';
  if (p.platform === 'linux') {
    const backend = p.backend();
    if (backend === 'basic_text' || backend === 'unknown') return 'memory';
  }
  return 'encrypted';
}
