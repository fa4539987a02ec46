/**
 * Starts the real electron/shell/main.ts (and, on request, the real preload) against a fresh
 * recorded double of Electron, on a temp data folder: the real core, a real SQLite file.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_PAGE } from '../../electron/shell/app-protocol';
import { vi } from 'vitest';
import type { TimetrayBridge } from '../../shared/bridge';
import { tempDir } from '../helpers/temp';
import { createElectronDouble, type DoubleWindow, type MenuItem } from './electron-double';

const MAIN = '../../electron/shell/main';
const PRELOAD = '../../electron/shell/preload';

/** Lets promise callbacks (whenReady().then, IPC answers) run. */
export const settle = () => new Promise<void>((r) => setImmediate(r));

export async function until(what: string, ok: () => boolean, ms = 5_000): Promise<void> {
  for (let waited = 0; !ok(); waited += 10) {
    if (waited > ms) throw new Error(`still waiting after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startShell(o: { primary?: boolean; dark?: boolean } = {}) {
  const dir = tempDir('timetray-shell-');
  // Our page, as Chromium would report its frame's URL to main.
  let appUrl = '';
  const double = createElectronDouble({ userData: dir.dir, ...o, appUrl: () => appUrl });
  delete process.env.TIMETRAY_DATA_DIR;
  vi.resetModules();
  vi.doMock('electron', () => double.electron);
  await import(MAIN);
  double.fireReady();
  await settle();
  appUrl = APP_PAGE;
  const dbPath = join(dir.dir, 'timetray.sqlite3');

  const menuItem = (id: string): MenuItem => {
    const item = double.tray()?.menu?.find((i) => i.id === id);
    if (!item) throw new Error(`the tray menu has no "${id}" item: ${double.tray()?.menu?.map((i) => i.id).join(', ')}`);
    return item;
  };

  return {
    double,
    dir: dir.dir,
    dbPath,
    appUrl: () => appUrl,
    /** What a user reading the database would see, through a connection of its own. */
    readDb<T>(sql: string): T[] {
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    },
    clickMenu(id: string) {
      menuItem(id).click!();
    },
    menuItem,
    /** The window main opened, once Chromium says it has painted. */
    shownWindow(w: DoubleWindow): DoubleWindow {
      w.fireReadyToShow();
      return w;
    },
    /** The real preload, run against the same double: the renderer's window.timetray. */
    async bridge(): Promise<TimetrayBridge> {
      await import(PRELOAD);
      return double.mainWorld.timetray as TimetrayBridge;
    },
    async quit() {
      if (!double.state.exited) double.electron.app.quit();
      await until('the app to quit', () => double.state.exited);
    },
    async done() {
      if (!double.state.exited && double.state.readyFired && existsSync(dbPath)) await this.quit();
      vi.doUnmock('electron');
      dir.cleanup();
    },
  };
}

export type Shell = Awaited<ReturnType<typeof startShell>>;
