import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Timetray';
export const DB_FILE_NAME = 'timetray.sqlite3';

/**
 * The folder Electron's `app.getPath('userData')` gives the app, computed without Electron so the
 * CLI finds the very same database.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/** `--data-dir`, else `$TIMETRAY_DATA_DIR`, else the app's own folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  return flag || env.TIMETRAY_DATA_DIR || defaultDataDir(platform, env, home);
}

/** Who may read the data: its owner only. Entries and accounts are nobody else's business on a shared machine. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Windows has no such modes (its ACLs already keep a profile's AppData to its user). */
const modesApply = process.platform !== 'win32';

/** Only ever takes permissions away, so a folder the user made stricter stays so. */
function tighten(path: string, allowed: number): void {
  const st = statSync(path);
  // A folder someone else owns (a shared --data-dir) is theirs to set; chmod would fail there anyway.
  if (process.getuid && st.uid !== process.getuid()) return;
  const mode = st.mode & 0o777;
  if (mode & ~allowed) chmodSync(path, mode & allowed);
}

/** The folder the database lives in: created 0700, and tightened if an older Timetray left it open to others. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (modesApply) tighten(dir, PRIVATE_DIR_MODE);
}

/**
 * The database file, created empty at 0600 before SQLite sees it: SQLite gives the -wal and -shm files
 * it makes later the same mode as the database, so this one file decides all three.
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (modesApply) tighten(file, PRIVATE_FILE_MODE);
}

/** WAL and SHM files an older Timetray (or a still-running one) made before the database was 0600. */
export function tightenSidecars(file: string): void {
  if (!modesApply) return;
  for (const p of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      tighten(p, PRIVATE_FILE_MODE);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}
