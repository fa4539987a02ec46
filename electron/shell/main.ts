/**
 * The Electron main process: wiring only. The core (through the same runtime the browser host
 * uses) owns every rule; this file connects it to the tray, the window, shortcuts, notifications
 * and the system's online/offline, login-item and power events.
 */
import { app, BrowserWindow, nativeTheme, net, Notification, powerMonitor, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startAppRuntime, type AppRuntime } from '../core/app-runtime';
import { wireIpc } from './ipc-handlers';
import { createSafeStorageSecrets } from './safe-storage-secrets';
import { watchIdle } from './power-idle';
import { miniWindowOptions, promptWindowOptions, windowOptions } from './window-options';
import { registerShortcuts } from './global-shortcuts';
import { createTray } from './tray';
import { guardContents, hardenSession } from './harden';
import { APP_PAGE, appPageUrl, registerAppScheme, serveApp } from './app-protocol';

// A second copy hands over to the first (which shows its window) and never opens the database.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();

let runtime: AppRuntime | null = null;
let win: BrowserWindow | null = null;
let idleWin: BrowserWindow | null = null;
let miniWin: BrowserWindow | null = null;
let quitting = false;
/** What the ready handler started that outlives it: stopped before the database closes. */
const running: Array<() => void> = [];
// The renderer is served from app://timetray/, not file:// (app-protocol.ts); the scheme is declared before ready.
registerAppScheme(protocol);
const appUrl = APP_PAGE;
const preload = join(__dirname, 'preload.cjs');

function guard(w: BrowserWindow): void {
  // The browser may be missing or refuse: nothing to undo, the window stays as it was.
  guardContents(w.webContents, (href) => shell.openExternal(href).catch(() => undefined));
}

/** The small always-on-top question after time away; the main window shows the same dialog too. */
function openIdlePrompt(): void {
  if (idleWin) return idleWin.show();
  idleWin = new BrowserWindow(promptWindowOptions(preload));
  guard(idleWin);
  idleWin.on('closed', () => (idleWin = null));
  void idleWin.loadURL(appPageUrl('idle'));
  idleWin.once('ready-to-show', () => idleWin?.show());
}

/**
 * The mini timer: the same page on ?view=mini (a query, not a hash: the browser host's fragment
 * carries its secret, and both hosts serve index.html whatever the query).
 */
function openMini(): void {
  if (miniWin) return miniWin.show();
  miniWin = new BrowserWindow(miniWindowOptions(preload));
  guard(miniWin);
  miniWin.on('closed', () => (miniWin = null));
  void miniWin.loadURL(`${APP_PAGE}?view=mini`);
  miniWin.once('ready-to-show', () => miniWin?.show());
}

function openWindow(view?: 'settings' | 'reports'): void {
  if (win && view) void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(view)}`);
  if (!win) {
    win = new BrowserWindow(windowOptions(preload));
    win.on('close', (e) => {
      // A tray app: closing the window hides it; Quit is in the tray menu.
      if (!quitting) {
        e.preventDefault();
        win?.hide();
      }
    });
    win.on('closed', () => (win = null));
    guard(win);
    void win.loadURL(appPageUrl(view));
    win.once('ready-to-show', () => win?.show());
  } else {
    win.show();
    win.focus();
  }
}

function notify(message: string): void {
  if (Notification.isSupported()) new Notification({ title: 'Timetray', body: message }).show();
  runtime?.api.emit({ kind: 'notice', message });
}

void app.whenReady().then(() => {
  if (!primary) return;
  hardenSession(session.defaultSession);
  serveApp(protocol, join(__dirname, 'renderer'));
  const dataDir = process.env.TIMETRAY_DATA_DIR || app.getPath('userData');
  const secrets = createSafeStorageSecrets(app.getPath('userData'));
  // In a checkout, better-sqlite3's Electron build lives apart from the Node build the CLI uses.
  const devBinding = join(__dirname, '..', 'build', 'native', 'better_sqlite3.node');
  const rt = startAppRuntime({
    dataDir, host: 'electron', version: app.getVersion(),
    ...(!app.isPackaged && existsSync(devBinding) && { nativeBinding: devBinding }),
    fetch: (url, init) => net.fetch(url, init),
    secrets, secretStorage: secrets.kind,
  });
  runtime = rt;
  const { core, api, worker } = rt;
  running.push(wireIpc(api, appUrl, () => [win, idleWin, miniWin].filter((w): w is BrowserWindow => !!w)));

  const actions = {
    start: () => void api.dispatch('timer.start', [{}]),
    stop: () => void api.dispatch('timer.stop', []),
    continueEntry: (id: string) => void api.dispatch('entries.continue', [id]),
    open: () => openWindow(),
    openSettings: () => openWindow('settings'),
    openMini,
    syncNow: () => void worker?.syncNow(),
    startPomodoro: () => void api.dispatch('pomodoro.start', []),
    stopPomodoro: () => void api.dispatch('pomodoro.stop', []),
    quit: () => app.quit(),
  };
  const tray = createTray(core, actions, () => {
    const s = core.settings.all();
    const status = worker?.status();
    return {
      tick: s.tray_tick, syncAvailable: !!worker && core.accounts.list().length > 0,
      pending: status?.accounts.reduce((n, a) => n + a.pending, 0) ?? 0, pomodoro: rt.desk.pomodoro.status(),
    };
  });

  const applySettings = () => {
    const s = core.settings.all();
    registerShortcuts(
      [{ action: 'toggle', accelerator: s.shortcut_toggle }, { action: 'open', accelerator: s.shortcut_open }],
      (w) => (w.action === 'open' ? openWindow() : core.timer.status() ? actions.stop() : actions.start()),
      notify,
    );
    app.setLoginItemSettings({ openAtLogin: s.launch_at_login, openAsHidden: true });
    // The window's choice also themes what Chromium draws for it (scrollbars, form controls, menus).
    nativeTheme.themeSource = s.theme;
  };
  applySettings();
  api.subscribe((e) => {
    if (e.kind === 'settings') applySettings();
    if (e.kind === 'data' || e.kind === 'sync' || e.kind === 'pomodoro') tray.render();
    if (e.kind === 'reminder' && Notification.isSupported()) new Notification({ title: 'Timetray', body: e.message }).show();
    if (e.kind === 'idle') {
      if (e.prompt) openIdlePrompt();
      else idleWin?.close();
    }
  });
  running.push(watchIdle((signal) => rt.idleSignal(signal)), tray.destroy);

  powerMonitor.on('resume', () => worker?.setOnline(net.isOnline()));
  powerMonitor.on('unlock-screen', () => worker?.setOnline(net.isOnline()));
  const online = setInterval(() => worker?.setOnline(net.isOnline()), 10_000);
  online.unref();
  running.push(() => clearInterval(online));
});

app.on('second-instance', () => openWindow());
app.on('window-all-closed', () => {
  // Stay in the tray.
});
app.on('before-quit', () => {
  quitting = true;
});
app.on('will-quit', (e) => {
  if (!runtime) return;
  // Electron does not wait for a promise: the quit waits until the sync worker has stopped and
  // SQLite is closed (its WAL checkpointed), then goes on.
  e.preventDefault();
  const rt = runtime;
  runtime = null;
  for (const stop of running.splice(0)) stop();
  void rt.close()
    .catch((err: unknown) => console.error(`Timetray: closing the database failed: ${err instanceof Error ? err.message : String(err)}`))
    .finally(() => app.quit());
});
