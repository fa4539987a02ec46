/**
 * safeStorage honesty: from what Electron reports (platform, isEncryptionAvailable, Linux's
 * selected backend) to where a typed token goes and what the account form tells the user.
 */
import { describe, expect, it } from 'vitest';
import { secretStorageKind, type SafeStorageBackend } from '../../electron/shell/secret-storage-kind';
import { tokenStorageHint } from '../../renderer/src/token-storage';

const linux = (backend: SafeStorageBackend, encryptionAvailable = true) => ({ platform: 'linux' as const, encryptionAvailable, backend: () => backend });

describe('where a typed token goes', () => {
  it('Linux with a keyring: encrypted on disk', () => {
    for (const b of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) expect(secretStorageKind(linux(b)), b).toBe('encrypted');
  });

  it("Linux without one ('basic_text': Chromium's fixed key; 'unknown'): memory only, though encryption reports available", () => {
    expect(secretStorageKind(linux('basic_text'))).toBe('memory');
    expect(secretStorageKind(linux('unknown'))).toBe('memory');
  });

  it('macOS and Windows: their keychain when available; the Linux-only backend call is never made', () => {
    const never = () => {
      throw new Error('getSelectedStorageBackend is Linux only');
    };
    expect(secretStorageKind({ platform: 'darwin', encryptionAvailable: true, backend: never })).toBe('encrypted');
    expect(secretStorageKind({ platform: 'win32', encryptionAvailable: true, backend: never })).toBe('encrypted');
    expect(secretStorageKind({ platform: 'win32', encryptionAvailable: false, backend: never })).toBe('memory');
    expect(secretStorageKind(linux('gnome_libsecret', false))).toBe('memory');
  });
});

describe('what the account form says', () => {
  it('claims the keychain only when the store is encrypted', () => {
    expect(tokenStorageHint('encrypted', 'electron')).toMatch(/encrypted by your system’s keychain/);
    for (const [storage, host] of [['memory', 'electron'], ['memory', 'browser'], ['none', 'electron']] as const) {
      expect(tokenStorageHint(storage, host), `${storage} ${host}`).not.toMatch(/encrypted by|stored encrypted/);
    }
  });

  it('the desktop app without a keyring says so and offers the environment-variable route', () => {
    const hint = tokenStorageHint('memory', 'electron');
    expect(hint).toMatch(/No system keyring/);
    expect(hint).toMatch(/until Timetray quits/);
    expect(hint).toContain('--token-env VAR');
    expect(hint).not.toMatch(/browser host/);
  });

  it('the browser host keeps its memory-only note', () => {
    expect(tokenStorageHint('memory', 'browser')).toMatch(/browser host keeps typed tokens in memory only/);
  });
});
