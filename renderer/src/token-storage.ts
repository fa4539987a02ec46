/**
 * What the account form says about a typed token, from what the process reports (app.info's
 * secret_storage and host): never a keychain that is not there.
 */
import type { AppInfo } from '../../shared/bridge';

export function tokenStorageHint(storage: AppInfo['secret_storage'], host: AppInfo['host']): string {
  if (storage === 'encrypted') return 'The token is stored encrypted by your system’s keychain and never shown again.';
  const keep = 'To keep a token, add the account from a terminal (timetray accounts add NAME --provider … --base-url … --token-env VAR) and start Timetray with VAR set in its environment.';
  if (host === 'browser') return 'This browser host keeps typed tokens in memory only, until it stops; the desktop app stores them encrypted where the system has a keychain.';
  if (storage === 'memory') {
    return `No system keyring (such as GNOME Keyring or KWallet) answered, so Timetray does not write typed tokens to disk: a token typed here lasts until Timetray quits. ${keep}`;
  }
  return `Typed tokens cannot be kept here. ${keep}`;
}
