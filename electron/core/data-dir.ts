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
