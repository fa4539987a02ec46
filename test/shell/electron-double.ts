/**
 * A recorded double of the Electron API the shell uses: every call is logged in `calls`, state a
 * user could see (windows, tray tooltip, image and menu) is kept, and the test fires what the
 * system or the user would (ready, a tray click, an IPC call from a frame, powerMonitor events,
 * a second instance, quit). It is not Electron: it behaves as Electron's documentation says, no
 * more, so what the shell tests prove is the wiring of main.ts, not Chromium's.
 */
import { EventEmitter } from 'node:events';

export interface Call {
  api: string;
  args: unknown[];
}

/** An event object whose preventDefault() is remembered, as Electron's are. */
export function electronEvent<T extends object>(extra: T = {} as T) {
  const e = { defaultPrevented: false, preventDefault: () => void (e.defaultPrevented = true), ...extra };
  return e;
}

/** A stand-in for any object whose methods are only recorded (sessions and the like). */
function recorder(name: string, calls: Call[]): Record<string, (...args: unknown[]) => unknown> {
  return new Proxy({}, {
    get: (_t, prop) => (typeof prop !== 'string' || prop === 'then' ? undefined : (...args: unknown[]) => void calls.push({ api: `${name}.${prop}`, args })),
  });
}

export interface ImageRep {
  scaleFactor: number;
  buffer?: Buffer;
  path?: string;
}

export class DoubleImage {
  reps: ImageRep[] = [];
  template = false;
  addRepresentation(o: { scaleFactor?: number; buffer?: Buffer }) {
    this.reps.push({ scaleFactor: o.scaleFactor ?? 1, ...(o.buffer && { buffer: o.buffer }) });
  }
  setTemplateImage(v: boolean) {
    this.template = v;
  }
  isEmpty() {
    return this.reps.length === 0;
  }
}

export interface MenuItem {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: (...args: unknown[]) => void;
}

export function createElectronDouble(o: { userData: string; primary?: boolean; dark?: boolean; appUrl?: () => string }) {
  const calls: Call[] = [];
  const log = (api: string, ...args: unknown[]) => void calls.push({ api, args });
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const state = { quitRequested: false, exited: false, readyFired: false };

  class App extends EventEmitter {
    isPackaged = false;
    requestSingleInstanceLock() {
      log('app.requestSingleInstanceLock');
      return o.primary ?? true;
    }
    whenReady() {
      return ready;
    }
    getPath(name: string) {
      log('app.getPath', name);
      return o.userData;
    }
    getVersion() {
      return '0.0.0-double';
    }
    setLoginItemSettings(s: unknown) {
      log('app.setLoginItemSettings', s);
    }
    /** As Electron: before-quit, then every window's close (any may refuse), then will-quit, then quit. */
    quit() {
      log('app.quit');
      state.quitRequested = true;
      if (!state.readyFired) return;
      const before = electronEvent();
      this.emit('before-quit', before);
      if (before.defaultPrevented) return;
      for (const w of [...BrowserWindow.windows]) {
        w.close();
        if (!w.isDestroyed()) return;
      }
      const will = electronEvent();
      this.emit('will-quit', will);
      if (will.defaultPrevented) return;
      state.exited = true;
      this.emit('quit', electronEvent(), 0);
    }
    exit(code = 0) {
      log('app.exit', code);
      state.exited = true;
    }
  }
  const app = new App();

  class WebContents extends EventEmitter {
    session = recorder('webContents.session', calls);
    sent: { channel: string; args: unknown[] }[] = [];
    constructor(private owner: BrowserWindow) {
      super();
    }
    setWindowOpenHandler(h: unknown) {
      log('webContents.setWindowOpenHandler', h);
    }
    executeJavaScript(code: string) {
      log('webContents.executeJavaScript', code);
      return Promise.resolve();
    }
    send(channel: string, ...args: unknown[]) {
      this.sent.push({ channel, args });
      for (const l of rendererListeners.get(channel) ?? []) l({ sender: null }, ...args);
    }
    isDestroyed() {
      return this.owner.isDestroyed();
    }
  }

  class BrowserWindow extends EventEmitter {
    static windows: BrowserWindow[] = [];
    static getAllWindows() {
      return [...BrowserWindow.windows];
    }
    webContents = new WebContents(this);
    loaded: { file?: string; url?: string; options?: unknown } | null = null;
    visible = false;
    focused = false;
    destroyed = false;
    constructor(public options: Record<string, unknown> = {}) {
      super();
      log('new BrowserWindow', options);
      BrowserWindow.windows.push(this);
    }
    loadFile(file: string, options: unknown = {}) {
      log('BrowserWindow.loadFile', file, options);
      this.loaded = { file, options };
      return Promise.resolve();
    }
    loadURL(url: string) {
      log('BrowserWindow.loadURL', url);
      this.loaded = { url };
      return Promise.resolve();
    }
    /** What Chromium does once the page has painted. */
    fireReadyToShow() {
      this.emit('ready-to-show');
    }
    show() {
      log('BrowserWindow.show');
      this.visible = true;
    }
    hide() {
      log('BrowserWindow.hide');
      this.visible = false;
      this.focused = false;
    }
    focus() {
      log('BrowserWindow.focus');
      this.focused = true;
    }
    isVisible() {
      return this.visible;
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      if (this.destroyed) return;
      const e = electronEvent();
      this.emit('close', e);
      if (!e.defaultPrevented) this.destroy();
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.visible = false;
      BrowserWindow.windows = BrowserWindow.windows.filter((w) => w !== this);
      this.emit('closed');
    }
  }

  class Tray extends EventEmitter {
    static trays: Tray[] = [];
    tooltip = '';
    title = '';
    menu: MenuItem[] | null = null;
    images: DoubleImage[] = [];
    destroyed = false;
    constructor(image: DoubleImage) {
      super();
      log('new Tray', image);
      this.images.push(image);
      Tray.trays.push(this);
    }
    get image() {
      return this.images.at(-1)!;
    }
    setToolTip(t: string) {
      log('Tray.setToolTip', t);
      this.tooltip = t;
    }
    setTitle(t: string) {
      log('Tray.setTitle', t);
      this.title = t;
    }
    setContextMenu(m: { items: MenuItem[] }) {
      log('Tray.setContextMenu', m);
      this.menu = m.items;
    }
    setImage(image: DoubleImage) {
      log('Tray.setImage', image);
      this.images.push(image);
    }
    destroy() {
      log('Tray.destroy');
      this.destroyed = true;
    }
    /** The user clicks the icon. */
    click() {
      this.emit('click', electronEvent(), { x: 0, y: 0, width: 16, height: 16 });
    }
  }

  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
      log('ipcMain.handle', channel);
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, fn);
    },
    removeHandler(channel: string) {
      log('ipcMain.removeHandler', channel);
      handlers.delete(channel);
    },
  });
  type Frame = { url: string; parent: Frame | null } | null;
  async function invokeFrom(channel: string, senderFrame: Frame, args: unknown[]): Promise<unknown> {
    const h = handlers.get(channel);
    // Electron rejects the renderer's invoke when nothing handles the channel.
    if (!h) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
    return h({ senderFrame, sender: { id: 1 }, processId: 1, frameId: 1 }, ...args);
  }
  /** An ipcRenderer.invoke from the top frame of a page at `frameUrl` (null: the frame is gone). */
  const invoke = (channel: string, frameUrl: string | null, ...args: unknown[]) =>
    invokeFrom(channel, frameUrl === null ? null : { url: frameUrl, parent: null }, args);
  /** The same from an iframe at `frameUrl` inside a page at that URL too. */
  const invokeFromSubframe = (channel: string, frameUrl: string, ...args: unknown[]) =>
    invokeFrom(channel, { url: frameUrl, parent: { url: frameUrl, parent: null } }, args);

  const rendererListeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const mainWorld: Record<string, unknown> = {};

  const powerMonitor = Object.assign(new EventEmitter(), {
    idleSeconds: 0,
    getSystemIdleTime() {
      return powerMonitor.idleSeconds;
    },
  });
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: o.dark ?? false, themeSource: 'system' });
  const notifications: { title?: string; body?: string }[] = [];

  const electron = {
    app,
    BrowserWindow,
    Tray,
    Menu: {
      buildFromTemplate: (items: MenuItem[]) => ({ items }),
      setApplicationMenu: (m: unknown) => log('Menu.setApplicationMenu', m),
    },
    nativeImage: {
      createEmpty: () => new DoubleImage(),
      createFromPath: (path: string) => Object.assign(new DoubleImage(), { reps: [{ scaleFactor: 1, path }] }),
      createFromBuffer: (buffer: Buffer, opts: { scaleFactor?: number } = {}) => {
        const img = new DoubleImage();
        img.addRepresentation({ scaleFactor: opts.scaleFactor ?? 1, buffer });
        return img;
      },
      createFromBitmap: (buffer: Buffer, opts: { scaleFactor?: number }) => electron.nativeImage.createFromBuffer(buffer, opts),
    },
    nativeTheme,
    globalShortcut: {
      registered: new Map<string, () => void>(),
      register(acc: string, fn: () => void) {
        log('globalShortcut.register', acc);
        electron.globalShortcut.registered.set(acc, fn);
        return true;
      },
      unregisterAll() {
        log('globalShortcut.unregisterAll');
        electron.globalShortcut.registered.clear();
      },
    },
    ipcMain,
    powerMonitor,
    safeStorage: {
      // Reversible and visibly not plain text; enough to see a token never lands on disk as typed.
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(`double:${Buffer.from(s).toString('base64')}`),
      decryptString: (b: Buffer) => Buffer.from(b.toString().replace(/^double:/, ''), 'base64').toString(),
    },
    Notification: class {
      static isSupported() {
        return true;
      }
      constructor(private n: { title?: string; body?: string }) {}
      show() {
        log('Notification.show', this.n);
        notifications.push(this.n);
      }
    },
    session: { defaultSession: recorder('session.defaultSession', calls) },
    protocol: {
      schemes: [] as unknown[],
      handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
      registerSchemesAsPrivileged(schemes: unknown[]) {
        log('protocol.registerSchemesAsPrivileged', schemes);
        electron.protocol.schemes.push(...schemes);
      },
      handle(scheme: string, fn: (request: Request) => Promise<Response> | Response) {
        log('protocol.handle', scheme);
        electron.protocol.handlers.set(scheme, fn);
      },
    },
    shell: {
      openExternal: (url: string) => {
        log('shell.openExternal', url);
        return Promise.resolve();
      },
    },
    net: {
      isOnline: () => true,
      fetch: (url: string, init?: RequestInit) => {
        log('net.fetch', url);
        return fetch(url, init);
      },
    },
    // The preload's side, so the real preload can be run and its bridge called.
    contextBridge: {
      exposeInMainWorld: (name: string, api: unknown) => void (mainWorld[name] = api),
    },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => invoke(channel, o.appUrl?.() ?? null, ...args),
      on: (channel: string, l: (...a: unknown[]) => void) => {
        if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set());
        rendererListeners.get(channel)!.add(l);
      },
      removeListener: (channel: string, l: (...a: unknown[]) => void) => void rendererListeners.get(channel)?.delete(l),
    },
  };

  return {
    electron,
    calls,
    notifications,
    mainWorld,
    state,
    invoke,
    invokeFromSubframe,
    handlerChannels: () => [...handlers.keys()],
    windows: () => BrowserWindow.getAllWindows(),
    tray: () => Tray.trays.at(-1) ?? null,
    fireReady() {
      state.readyFired = true;
      app.emit('ready', electronEvent(), {});
      onReady();
    },
    firePower(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen') {
      powerMonitor.emit(event, electronEvent());
    },
    fireSecondInstance(argv: string[] = ['timetray']) {
      app.emit('second-instance', electronEvent(), argv, process.cwd(), {});
    },
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;
export type DoubleWindow = InstanceType<ElectronDouble['electron']['BrowserWindow']>;
