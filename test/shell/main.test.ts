/**
 * electron/shell/main.ts run under Vitest against a recorded double of Electron's API (not
 * Electron: see electron-double.ts), with the real core on a temp SQLite file. What is checked is
 * what the user did and sees: the tray, its menu and icon, the database, the windows.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeMethod } from '../../shared/bridge';
import { BRIDGE_METHODS, checkArgs } from '../../shared/bridge-schemas';
import { APP_PAGE } from '../../electron/shell/app-protocol';
import { CALL_CHANNEL } from '../../electron/shell/channels';
import { drawTrayIcon } from '../../electron/shell/tray-icon';
import { decodePng } from './png-read';
import { settle, startShell, until, type Shell } from './shell-harness';

// The boot clock (os.uptime) counts time asleep: a test that "sleeps" moves it with the wall clock.
const boot = vi.hoisted(() => ({ asleepMs: 0 }));
vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  const uptime = () => os.uptime() + boot.asleepMs / 1000;
  return { ...os, uptime, default: { ...os, uptime } };
});

let shell: Shell | null = null;
const platform = process.platform;
const onPlatform = (p: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: p, configurable: true });
beforeEach(() => {
  // The desktop decides the tray's ink on Linux (GNOME's bar is dark): none unless a test says so.
  vi.stubEnv('XDG_CURRENT_DESKTOP', '');
  onPlatform('linux');
});
afterEach(async () => {
  onPlatform(platform);
  vi.unstubAllEnvs();
  vi.useRealTimers();
  boot.asleepMs = 0;
  await shell?.done();
  shell = null;
});

const pixels = (buffer: Buffer | undefined) => Buffer.from(decodePng(buffer!).data);
const drawn = (text: string | null, size: 16 | 32, theme: 'light' | 'dark') => Buffer.from(drawTrayIcon(text, size, theme).data);
/** The tray image's @1x and @2x pixels equal the icon drawn for `text`. */
function expectIcon(s: Shell, text: string | null, theme: 'light' | 'dark' = 'light') {
  const image = s.double.tray()!.image;
  expect(image.reps.map((r) => r.scaleFactor)).toEqual([1, 2]);
  expect(pixels(image.reps[0]!.buffer).equals(drawn(text, 16, theme)), `@1x shows ${text ?? 'idle'}`).toBe(true);
  expect(pixels(image.reps[1]!.buffer).equals(drawn(text, 32, theme)), `@2x shows ${text ?? 'idle'}`).toBe(true);
}
const runningRows = (s: Shell) => s.readDb<{ description: string; start_at: number }>('SELECT description, start_at FROM running_timer');

describe('the shell starts', () => {
  it('ready → a tray with the idle icon, a tooltip and a menu; no window until asked; one IPC channel', async () => {
    shell = await startShell();
    const tray = shell.double.tray()!;
    expect(tray).not.toBeNull();
    expect(tray.tooltip).toBe('Timetray: no timer running');
    expect(tray.menu!.map((i) => i.id ?? i.type)).toEqual(expect.arrayContaining(['start', 'open', 'settings', 'sync', 'quit']));
    expectIcon(shell, null);
    expect(shell.double.windows()).toEqual([]);
    expect(shell.double.handlerChannels()).toEqual([CALL_CHANNEL]);
    expect(existsSync(shell.dbPath)).toBe(true);
  });

  it('in a dark desktop the icon is drawn in the dark variant, and follows a theme change', async () => {
    shell = await startShell({ dark: true });
    expectIcon(shell, null, 'dark');
    shell.double.electron.nativeTheme.shouldUseDarkColors = false;
    shell.double.electron.nativeTheme.emit('updated');
    expectIcon(shell, null, 'light');
  });
});

describe('the tray', () => {
  it('on GNOME the icon takes the dark variant even in a light theme: its top bar is dark', async () => {
    vi.stubEnv('XDG_CURRENT_DESKTOP', 'ubuntu:GNOME');
    shell = await startShell({ dark: false });
    expectIcon(shell, null, 'dark');
  });

  it('on macOS the time is the title beside a template icon that stays the clock face', async () => {
    onPlatform('darwin');
    shell = await startShell();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: Date.parse('2026-03-02T09:00:00Z') });
    shell.double.tray()!.click();
    await settle();
    vi.advanceTimersByTime(61 * 60_000);
    expect(shell.double.tray()!.title).toBe('1h01m');
    expectIcon(shell, null);
    expect(shell.double.tray()!.image.template).toBe(true);
  });

  it('a click starts the timer in SQLite; tooltip and icon show it; the icon turns at the elapsed minute, not before', async () => {
    shell = await startShell();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: Date.parse('2026-03-02T09:00:00.250Z') });
    shell.double.tray()!.click();
    await settle();
    // Stored to the second: the minute the icon counts starts at 09:00:00, not at the click.
    expect(runningRows(shell)).toEqual([{ description: '', start_at: Date.parse('2026-03-02T09:00:00Z') }]);
    expect(shell.double.tray()!.tooltip).toBe('(no description) · 0m');
    expect(shell.menuItem('stop').label).toMatch(/^Stop/);
    expectIcon(shell, '0:00');

    const images = shell.double.tray()!.images.length;
    vi.advanceTimersByTime(59_749);
    expect(shell.double.tray()!.images.length).toBe(images);
    vi.advanceTimersByTime(1);
    expectIcon(shell, '0:01');
    expect(shell.double.tray()!.tooltip).toBe('(no description) · 1m');

    // A second click stops it: one stored entry of the minute, no running timer, the idle icon.
    shell.double.tray()!.click();
    await settle();
    expect(runningRows(shell)).toEqual([]);
    expect(shell.readDb('SELECT start_at, end_at FROM entries')).toEqual([{ start_at: Date.parse('2026-03-02T09:00:00Z'), end_at: Date.parse('2026-03-02T09:01:00Z') }]);
    expectIcon(shell, null);
    expect(shell.double.tray()!.tooltip).toBe('Timetray: no timer running');
  });

  it('after a sleep the icon shows the time at once, not when the minute timer (paused while asleep) fires', async () => {
    shell = await startShell();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], now: Date.parse('2026-03-02T09:00:00Z') });
    shell.double.tray()!.click();
    await settle();
    shell.double.firePower('suspend');
    vi.setSystemTime(Date.parse('2026-03-02T11:07:00Z'));
    boot.asleepMs = 127 * 60_000;
    shell.double.firePower('resume');
    expectIcon(shell, '2:07');
  });

  it('a timer started elsewhere (the CLI, the window) reaches the tray: its menu is rebuilt with Stop', async () => {
    shell = await startShell();
    const bridge = await shell.bridge();
    await bridge.timer.start({ description: 'API work' });
    expect(shell.double.tray()!.tooltip).toBe('API work · 0m');
    expect(shell.menuItem('stop').label).toBe('Stop “API work” (0m)');
  });
});

/**
 * Arguments that pass each method's schema, so the call reaches its handler. Methods that take
 * none need no line; a new method that takes some fails the test below until it has one here.
 */
const validArgs: Record<string, unknown[]> = {
  'timer.start': [{ description: 'x' }],
  'entries.list': [{}], 'entries.create': [{ description: 'y', start: '2026-01-05T09:00:00Z', end: '2026-01-05T10:00:00Z' }],
  'entries.edit': ['nope', { description: 'z' }], 'entries.remove': ['nope'],
  'entries.restore': [{ id: '01JTEST0000000000000000000', description: 'r', start: '2026-01-05T11:00:00Z', end: '2026-01-05T12:00:00Z' }],
  'entries.continue': ['nope'], 'entries.history': ['nope'], 'entries.restoreHistory': ['nope', 1],
  'entries.setAccount': [['nope'], null], 'entries.resend': [['nope']],
  'accounts.add': [{ name: 'work', provider: 'voltasis', base_url: 'https://api.voltasis.com/v1' }], 'accounts.update': ['nope', {}],
  'accounts.remove': ['nope', null], 'accounts.test': [{ name: 'nope' }], 'catalog.refresh': ['nope'],
  'reports.get': [{ from: '2026-01-01', to: '2026-01-31', group: 'day', by: 'project' }],
  'reports.csv': [{ from: '2026-01-01', to: '2026-01-31', group: 'day', by: 'project' }],
  'idle.resolve': ['nope', { kind: 'keep' }], 'settings.set': [{ tray_tick: 'minute' }],
};
const argsFor = (method: string) => validArgs[method] ?? [];

describe('shortcuts and windows', () => {
  it('the global shortcuts from the settings: toggle starts and stops the timer in SQLite, open shows the window', async () => {
    shell = await startShell();
    const keys = shell.double.electron.globalShortcut.registered;
    expect([...keys.keys()].sort()).toEqual(['CommandOrControl+Alt+O', 'CommandOrControl+Alt+T']);
    keys.get('CommandOrControl+Alt+T')!();
    expect(runningRows(shell)).toHaveLength(1);
    keys.get('CommandOrControl+Alt+T')!();
    expect(runningRows(shell)).toEqual([]);
    expect(shell.readDb('SELECT id FROM entries')).toHaveLength(1);
    keys.get('CommandOrControl+Alt+O')!();
    expect(shell.double.windows().map((w) => w.loaded?.url)).toEqual([APP_PAGE]);
  });

  it('a shortcut changed in Settings is registered instead of the old one', async () => {
    shell = await startShell();
    const bridge = await shell.bridge();
    await bridge.settings.set({ shortcut_toggle: 'CommandOrControl+Shift+F9' });
    expect([...shell.double.electron.globalShortcut.registered.keys()].sort()).toEqual(['CommandOrControl+Alt+O', 'CommandOrControl+Shift+F9']);
  });

  it('the theme chosen in Settings reaches nativeTheme: Dark, then back to following the system', async () => {
    shell = await startShell();
    const bridge = await shell.bridge();
    expect(shell.double.electron.nativeTheme.themeSource).toBe('system');
    await bridge.settings.set({ theme: 'dark' });
    expect(shell.double.electron.nativeTheme.themeSource).toBe('dark');
    await bridge.settings.set({ theme: 'system' });
    expect(shell.double.electron.nativeTheme.themeSource).toBe('system');
  });

  it('Settings… in the tray menu opens the window on its settings view; closing it hides it', async () => {
    shell = await startShell();
    shell.clickMenu('settings');
    const win = shell.shownWindow(shell.double.windows()[0]!);
    expect(win.loaded!.url).toBe(`${APP_PAGE}#settings`);
    expect(win.isVisible()).toBe(true);
    win.close();
    expect(win.isVisible()).toBe(false);
    expect(win.isDestroyed()).toBe(false);
  });
});

describe('the bridge over IPC', () => {
  it('every method of the contract (shared/bridge-schemas.ts) is reached from the real preload through the IPC handler', async () => {
    shell = await startShell();
    shell.clickMenu('open');
    const win = shell.double.windows()[0]!;
    // The frame main trusts is the page it loaded.
    expect(win.loaded!.url).toBe(APP_PAGE);
    const bridge = await shell.bridge();
    const contract = Object.keys(BRIDGE_METHODS).sort();
    const exposed = Object.entries(bridge).flatMap(([ns, v]) => (typeof v === 'function' ? [] : Object.keys(v as object).map((m) => `${ns}.${m}`))).sort();
    expect(exposed).toEqual(contract);
    const noExample = contract.filter((m) => checkArgs(m as BridgeMethod, argsFor(m)) !== null).map((m) => `${m}: ${checkArgs(m as BridgeMethod, argsFor(m))!.message}`);
    expect(noExample, 'arguments in validArgs that pass the schema').toEqual([]);
    const unreached: string[] = [];
    for (const method of contract) {
      const [ns, name] = method.split('.') as [string, string];
      const fn = (bridge as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[ns]![name]!;
      const answer = await fn(...argsFor(method)).then(() => 'ok', (e: Error) => `${e.name}: ${e.message}`);
      // A domain refusal ("no entry nope") is fine: the handler ran. Routing failures are not.
      if (/not a bridge method|No handler registered|is not a function|Forbidden/.test(answer)) unreached.push(`${method} → ${answer}`);
    }
    expect(unreached).toEqual([]);
    expect(shell.double.calls.filter((c) => c.api === 'net.fetch')).toEqual([]);

    // Changes come back the other way: a tray click is heard by the window's bridge.
    const heard: string[] = [];
    bridge.onChange((e) => heard.push(e.kind));
    shell.double.tray()!.click();
    await settle();
    expect(heard).toContain('data');
  });

  it('a call from a foreign frame is refused and changes nothing: another page, a file beside ours, an iframe of our own page, no frame', async () => {
    shell = await startShell();
    const start = ['timer.start', [{ description: 'from elsewhere' }]];
    const foreign: (string | null)[] = ['https://evil.example/', 'file:///tmp/timetray/index.html', 'app://other/index.html', 'http://timetray/index.html', null];
    for (const url of foreign) {
      await expect(shell.double.invoke(CALL_CHANNEL, url, ...start)).resolves.toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    }
    await expect(shell.double.invokeFromSubframe(CALL_CHANNEL, shell.appUrl(), ...start)).resolves.toMatchObject({ ok: false, error: { name: 'Forbidden' } });
    expect(runningRows(shell)).toEqual([]);
    expect(shell.readDb('SELECT id FROM entries')).toEqual([]);
    // The same call from our page is answered: the refusals above were for the frame alone.
    await expect(shell.double.invoke(CALL_CHANNEL, shell.appUrl(), ...start)).resolves.toMatchObject({ ok: true });
    expect(runningRows(shell)).toEqual([{ description: 'from elsewhere', start_at: expect.any(Number) }]);
  });
});

describe('power, instances and quitting', () => {
  it('suspend, then resume with the wall and boot clocks 30 min on: the idle question opens in its own window', async () => {
    shell = await startShell();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], now: Date.parse('2026-03-02T09:00:00Z') });
    shell.double.tray()!.click();
    await settle();
    shell.double.firePower('suspend');
    vi.setSystemTime(Date.parse('2026-03-02T09:30:00Z'));
    boot.asleepMs = 30 * 60_000;
    shell.double.firePower('resume');
    await settle();
    const prompt = shell.double.windows().find((w) => w.options.alwaysOnTop === true);
    expect(prompt, 'an always-on-top window').toBeDefined();
    expect(prompt!.loaded!.url).toBe(`${APP_PAGE}#idle`);
    shell.shownWindow(prompt!);
    expect(prompt!.isVisible()).toBe(true);
    // The window's own page asks what the question is: the half hour away.
    const pending = await shell.double.invoke(CALL_CHANNEL, prompt!.loaded!.url!, 'idle.pending', []);
    expect(pending).toMatchObject({ ok: true, value: { away_seconds: 1800, away_from: '2026-03-02T09:00:00.000Z', away_to: '2026-03-02T09:30:00.000Z' } });
  });

  it('suspend and resume a few seconds apart ask nothing: no window', async () => {
    shell = await startShell();
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], now: Date.parse('2026-03-02T09:00:00Z') });
    shell.double.tray()!.click();
    await settle();
    shell.double.firePower('suspend');
    vi.setSystemTime(Date.parse('2026-03-02T09:00:05Z'));
    boot.asleepMs = 5_000;
    shell.double.firePower('resume');
    await settle();
    expect(shell.double.windows()).toEqual([]);
  });

  it('a second instance shows and focuses the first one\'s window, hidden or not, and opens no other', async () => {
    shell = await startShell();
    shell.clickMenu('open');
    const win = shell.shownWindow(shell.double.windows()[0]!);
    expect(win.isVisible()).toBe(true);
    win.close(); // the user closes it: a tray app hides it
    expect(win.isDestroyed()).toBe(false);
    expect(win.isVisible()).toBe(false);
    shell.double.fireSecondInstance();
    expect(shell.double.windows()).toEqual([win]);
    expect(win.isVisible()).toBe(true);
    expect(win.focused).toBe(true);
  });

  it('the second copy itself quits without a tray, a handler or a database', async () => {
    shell = await startShell({ primary: false });
    expect(shell.double.state.quitRequested).toBe(true);
    expect(shell.double.tray()).toBeNull();
    expect(shell.double.handlerChannels()).toEqual([]);
    expect(existsSync(shell.dbPath)).toBe(false);
  });

  it('Quit from the tray menu closes the database before the app quits: no WAL left, the file opens exclusively', async () => {
    shell = await startShell();
    shell.double.tray()!.click();
    await settle();
    expect(existsSync(`${shell.dbPath}-wal`)).toBe(true);
    shell.clickMenu('quit');
    await until('the app to quit', () => shell!.double.state.exited);
    // At the moment Electron would exit, SQLite has checkpointed and removed its WAL.
    expect(existsSync(`${shell.dbPath}-wal`)).toBe(false);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(shell.dbPath);
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    expect(db.prepare('SELECT count(*) AS n FROM running_timer').get()).toEqual({ n: 1 });
    db.close();
    expect(shell.double.tray()!.destroyed).toBe(true);
  });
});
