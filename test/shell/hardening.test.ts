/**
 * The Electron hardening as main.ts wires it (issue 12), run against the recorded double of
 * Electron (electron-double.ts) with the real core: permissions refused before a window loads, the
 * page served from app://timetray/, navigation and new windows refused, openExternal only for a
 * provider's site, and on Linux without a keyring no typed token on disk and the window told so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_PAGE } from '../../electron/shell/app-protocol';
import type { TimetrayBridge } from '../../shared/bridge';
import { tempDir } from '../helpers/temp';
import { createElectronDouble, electronEvent } from './electron-double';
import { settle, startShell, until, type Shell } from './shell-harness';

let shell: Shell | null = null;
afterEach(async () => {
  await shell?.done();
  shell = null;
});

type Fn = (...args: unknown[]) => unknown;
const callsOf = (s: Shell, api: string) => s.double.calls.filter((c) => c.api === api);
const firstIndex = (s: Shell, api: string) => s.double.calls.findIndex((c) => c.api === api);

describe('permissions', () => {
  it('every permission request, check and device request is refused on the default session, set up before any page loads', async () => {
    shell = await startShell();
    shell.clickMenu('open');
    const load = firstIndex(shell, 'BrowserWindow.loadURL');
    expect(load).toBeGreaterThan(-1);
    for (const api of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler']) {
      const i = firstIndex(shell, `session.defaultSession.${api}`);
      expect(i, api).toBeGreaterThan(-1);
      expect(i, `${api} before the window loads`).toBeLessThan(load);
    }
    const request = callsOf(shell, 'session.defaultSession.setPermissionRequestHandler')[0]!.args[0] as Fn;
    const check = callsOf(shell, 'session.defaultSession.setPermissionCheckHandler')[0]!.args[0] as Fn;
    const device = callsOf(shell, 'session.defaultSession.setDevicePermissionHandler')[0]!.args[0] as Fn;
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      const answers: boolean[] = [];
      request(null, p, (granted: boolean) => answers.push(granted), { requestingUrl: APP_PAGE });
      expect(answers, p).toEqual([false]);
      expect(check(null, p, 'app://timetray', { requestingUrl: APP_PAGE }), p).toBe(false);
    }
    expect(device({ deviceType: 'usb', origin: 'app://timetray' })).toBe(false);
  });
});

describe('the window', () => {
  it('loads app://timetray/ (scheme declared before ready), never navigates away, and opens only provider links outside', async () => {
    shell = await startShell();
    expect(firstIndex(shell, 'protocol.registerSchemesAsPrivileged')).toBeLessThan(firstIndex(shell, 'session.defaultSession.setPermissionRequestHandler'));
    expect(shell.double.electron.protocol.handlers.has('app')).toBe(true);
    shell.clickMenu('open');
    const win = shell.double.windows()[0]!;
    expect(win.loaded).toEqual({ url: APP_PAGE });
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });

    const navigate = (url: string) => {
      const e = electronEvent({ url });
      win.webContents.emit('will-navigate', e);
      return e.defaultPrevented;
    };
    expect(navigate('https://evil.example/phish')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('https://developer.moneybird.com/api/')).toBe(true);
    const open = callsOf(shell, 'webContents.setWindowOpenHandler').at(-1)!.args[0] as Fn;
    for (const url of ['https://moneybird.com@evil.example/', 'smb://evil.example/share', 'https://docs.expensicat.com/time-entries']) {
      expect(open({ url }), url).toEqual({ action: 'deny' });
    }
    await settle();
    expect(callsOf(shell, 'shell.openExternal').map((c) => c.args[0])).toEqual([
      'https://developer.moneybird.com/api/', 'https://docs.expensicat.com/time-entries',
    ]);
  });
});

describe('tokens on Linux', () => {
  /** Starts main.ts as shell-harness does, with safeStorage reporting `backend`. */
  async function startWith(backend: string) {
    const dir = tempDir('timetray-keyring-');
    const double = createElectronDouble({ userData: dir.dir, appUrl: () => APP_PAGE });
    double.electron.safeStorage.getSelectedStorageBackend = () => backend as never;
    delete process.env.TIMETRAY_DATA_DIR;
    vi.resetModules();
    vi.doMock('electron', () => double.electron);
    await import('../../electron/shell/main');
    double.fireReady();
    await settle();
    await import('../../electron/shell/preload');
    const bridge = double.mainWorld.timetray as TimetrayBridge;
    const stop = async () => {
      double.electron.app.quit();
      await until('the app to quit', () => double.state.exited);
      vi.doUnmock('electron');
      dir.cleanup();
    };
    return { dir: dir.dir, bridge, stop };
  }
  /** Every file under `dir`, as bytes read back from disk. */
  const everything = (dir: string): string =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => readFileSync(join(f.parentPath, f.name)).toString('latin1')).join('\n');

  it.skipIf(process.platform !== 'linux')("with 'basic_text' (no keyring) a typed token never reaches disk and the window is told 'memory'", async () => {
    const s = await startWith('basic_text');
    try {
      expect((await s.bridge.app.info()).secret_storage).toBe('memory');
      const a = await s.bridge.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://api.voltasis.com', token: 'tok-typed-8c1f' });
      expect(a.has_stored_secret).toBe(true);
      const disk = everything(s.dir);
      expect(disk).not.toContain('tok-typed-8c1f');
      expect(disk).not.toContain(Buffer.from('tok-typed-8c1f').toString('base64'));
      expect(readdirSync(s.dir)).not.toContain('secrets.json');
    } finally {
      await s.stop();
    }
  });

  it.skipIf(process.platform !== 'linux')('with a keyring (libsecret) the token is kept encrypted in secrets.json and the window is told so', async () => {
    const s = await startWith('gnome_libsecret');
    try {
      expect((await s.bridge.app.info()).secret_storage).toBe('encrypted');
      await s.bridge.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://api.voltasis.com', token: 'tok-typed-8c1f' });
      expect(readdirSync(s.dir)).toContain('secrets.json');
      expect(everything(s.dir)).not.toContain('tok-typed-8c1f');
    } finally {
      await s.stop();
    }
  });
});
