/** The main window's options and the app's CSP: pure, so they are tested without Electron. */
import type { BrowserWindowConstructorOptions } from 'electron';

export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 720,
    height: 640,
    minWidth: 420,
    minHeight: 360,
    show: false,
    title: 'Timetray',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false, // explicit: no <webview>, and harden.ts refuses one that attaches anyway
      spellcheck: false,
      devTools: process.env.NODE_ENV === 'development',
    },
  };
}

/** Only our own page may call the bridge: a frame from anywhere else is refused. */
export function isTrustedSender(frameUrl: string | undefined | null, appUrl: string): boolean {
  if (!frameUrl) return false;
  try {
    const a = new URL(frameUrl);
    const b = new URL(appUrl);
    if (a.protocol !== b.protocol) return false;
    if (a.protocol === 'file:') return a.pathname === b.pathname;
    // Our app: scheme has an opaque origin ('null') in Node's URL, so the host is compared too.
    return a.origin === b.origin && a.host === b.host;
  } catch {
    return false;
  }
}

/**
 * The mini timer: small, frameless (its page's head row drags it) and on top of other windows,
 * with the main window's security options unchanged.
 */
export function miniWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    ...windowOptions(preload),
    width: 340,
    height: 320,
    minWidth: 280,
    minHeight: 200,
    title: 'Timetray mini timer',
    frame: false,
    alwaysOnTop: true,
    resizable: true,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
  };
}

/** The idle question: small and on top, with the main window's security. */
export function promptWindowOptions(preload: string): BrowserWindowConstructorOptions {
  const main = windowOptions(preload);
  return {
    ...main,
    width: 460,
    height: 300,
    minWidth: 360,
    minHeight: 240,
    title: 'Timetray — while you were away',
    alwaysOnTop: true,
    resizable: false,
    minimizable: false,
    fullscreenable: false,
    skipTaskbar: false,
  };
}
