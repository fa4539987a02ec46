/**
 * Permissions, navigation, new windows and webviews, as a page in Timetray's window meets them:
 * harden.ts is driven through a recorded stand-in for Electron's session and webContents (Electron
 * cannot run here), whose handlers are then called the way Chromium calls them.
 */
import { describe, expect, it } from 'vitest';
import { guardContents, hardenSession } from '../../electron/shell/harden';
import { promptWindowOptions, windowOptions } from '../../electron/shell/window-options';

// Every permission name Electron 40's electron.d.ts lists for the request and check handlers.
const PERMISSIONS = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'hid', 'idle-detection',
  'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'openExternal', 'pointerLock', 'keyboardLock',
  'serial', 'speaker-selection', 'storage-access', 'top-level-storage-access', 'usb', 'window-management', 'unknown',
  'fileSystem', 'deprecated-sync-clipboard-read',
];
const APP = 'file:///opt/Timetray/resources/app.asar/dist/renderer/index.html';

type Handler = (...args: unknown[]) => unknown;

function recordedSession() {
  const h: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (f: Handler) => (h.request = f),
    setPermissionCheckHandler: (f: Handler) => (h.check = f),
    setDevicePermissionHandler: (f: Handler) => (h.device = f),
  };
  return { session, h };
}

function recordedContents() {
  const on: Record<string, Handler[]> = {};
  let openHandler: Handler | null = null;
  const contents = {
    on: (event: string, f: Handler) => ((on[event] ??= []).push(f), contents),
    setWindowOpenHandler: (f: Handler) => (openHandler = f),
  };
  /** Fires `event` as Chromium would; says whether a listener cancelled it. */
  const emit = (event: string, details: Record<string, unknown>) => {
    let prevented = false;
    for (const f of on[event] ?? []) f({ ...details, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, emit, open: (url: string) => openHandler!({ url, frameName: '', features: '', disposition: 'new-window' }) };
}

describe('session permissions', () => {
  it('refuses every permission request and check, from any origin, our own page included', () => {
    const { session, h } = recordedSession();
    hardenSession(session as never);
    expect(Object.keys(h).sort()).toEqual(['check', 'device', 'request']);
    for (const origin of [APP, 'https://evil.com', 'https://developer.moneybird.com']) {
      for (const p of PERMISSIONS) {
        const answers: boolean[] = [];
        h.request!({}, p, (granted: boolean) => answers.push(granted), { requestingUrl: origin, isMainFrame: true });
        expect(answers, `${p} requested by ${origin}`).toEqual([false]);
        expect(h.check!(null, p, origin, { requestingUrl: origin }), `${p} checked for ${origin}`).toBe(false);
      }
    }
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(h.device!({ deviceType, origin: APP, device: {} })).toBe(false);
    }
  });
});

describe('window navigation', () => {
  it('a page never leaves the app page; a provider link opens in the browser, anything else nowhere', () => {
    const opened: string[] = [];
    const { contents, emit } = recordedContents();
    guardContents(contents as never, (href) => opened.push(href));
    expect(emit('will-navigate', { url: 'https://evil.com/login' })).toBe(true);
    expect(emit('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(emit('will-navigate', { url: 'https://moneybird.com@evil.com/' })).toBe(true);
    expect(emit('will-navigate', { url: 'https://developer.moneybird.com/api/' })).toBe(true);
    expect(emit('will-redirect', { url: 'https://evil.com/' })).toBe(true);
    // A subframe's navigation is cancelled; the main frame's is left to will-navigate (opened once).
    expect(emit('will-frame-navigate', { url: 'https://evil.com/', isMainFrame: false })).toBe(true);
    expect(emit('will-frame-navigate', { url: 'https://developer.moneybird.com/api/', isMainFrame: true })).toBe(false);
    expect(emit('will-attach-webview', { url: APP })).toBe(true);
    expect(opened).toEqual(['https://developer.moneybird.com/api/']);
  });

  it('window.open and target=_blank: never a new window; only a provider link reaches the browser', () => {
    const opened: string[] = [];
    const { contents, open } = recordedContents();
    guardContents(contents as never, (href) => opened.push(href));
    for (const url of ['https://evil.com/', 'http://moneybird.com/', 'javascript:alert(1)', APP, 'HTTPS://KNOWLEDGE.KANTATA.COM/hc']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://knowledge.kantata.com/hc']);
  });
});

describe('window options', () => {
  it('no <webview> tag, no experimental or extra Blink features, web security on, in either window', () => {
    for (const o of [windowOptions('/p.cjs'), promptWindowOptions('/p.cjs')]) {
      expect(o.webPreferences).toMatchObject({ webviewTag: false, experimentalFeatures: false, webSecurity: true, allowRunningInsecureContent: false });
      expect(o.webPreferences!.enableBlinkFeatures).toBeUndefined();
    }
  });
});
