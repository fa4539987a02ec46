/** The Electron shell's pure parts: tray text and menu, window security options, sender checks, shortcuts. */
import { describe, expect, it } from 'vitest';
import type { Entry, RunningTimer } from '../../shared/entry';
import { registrationMessage, shortcutConflicts, longTimerDue } from '../../electron/shell/shortcuts-plan';
import { elapsedText, trayMenuTemplate, trayTitle, trayTooltip, type TrayActions, type TrayState } from '../../electron/shell/tray-menu';
import { APP_CSP, isTrustedSender, promptWindowOptions, windowOptions } from '../../electron/shell/window-options';

const timer: RunningTimer = {
  id: 't1', description: 'API work', start: '2026-01-15T09:00:00.000Z', elapsed_seconds: 0,
  project_id: null, task_id: null, client_id: null, tags: [], billable: true, account: null,
};
const entry = (id: string, description: string, project_id: string | null = null): Entry => ({
  id, description, start: '2026-01-15T08:00:00.000Z', end: '2026-01-15T08:30:00.000Z', duration_seconds: 1800,
  project_id, task_id: null, client_id: null, tags: [], billable: true, account: null, sync: { state: 'local', remote_id: null, error: null },
});
const calls: string[] = [];
const actions: TrayActions = {
  start: () => calls.push('start'), stop: () => calls.push('stop'), continueEntry: (id) => calls.push(`continue ${id}`),
  open: () => calls.push('open'), syncNow: () => calls.push('sync'), quit: () => calls.push('quit'),
  startPomodoro: () => calls.push('pomodoro'), stopPomodoro: () => calls.push('pomodoro stop'), openSettings: () => calls.push('settings'),
};
const state = (over: Partial<TrayState> = {}): TrayState =>
  ({ timer: null, recent: [], now: Date.parse('2026-01-15T10:05:30Z'), tick: 'minute', syncAvailable: false, pending: 0, pomodoro: null, ...over });

describe('tray', () => {
  it('shows the running description and elapsed time, per the tick setting', () => {
    expect(elapsedText(timer, Date.parse('2026-01-15T10:05:30Z'), 'minute')).toBe('1h05m');
    expect(elapsedText(timer, Date.parse('2026-01-15T10:05:30Z'), 'second')).toBe('1:05:30');
    expect(elapsedText(timer, Date.parse('2026-01-15T09:00:20Z'), 'minute')).toBe('0m');
    expect(trayTooltip(state({ timer }))).toBe('API work · 1h05m');
    expect(trayTitle(state({ timer }))).toBe('1h05m');
    expect(trayTooltip(state({ pending: 3 }))).toBe('Timetray: no timer running · 3 to sync');
    expect(trayTitle(state())).toBe('');
  });

  it('menu: Start or Stop, five distinct recent entries to continue, Open, Sync now, Quit', () => {
    const recent = ['a', 'b', 'a', 'c', 'd', 'e', 'f', 'g'].map((d, i) => entry(`e${i}`, d));
    const idle = trayMenuTemplate(state({ recent }), actions);
    expect(idle.map((i) => i.id ?? i.type)).toEqual([
      'start', 'separator', 'recent-title', 'continue:e0', 'continue:e1', 'continue:e3', 'continue:e4', 'continue:e5',
      'separator', 'pomodoro-start', 'separator', 'open', 'settings', 'sync', 'separator', 'quit',
    ]);
    expect(idle.find((i) => i.id === 'sync')!.enabled).toBe(false);
    calls.length = 0;
    (idle.find((i) => i.id === 'continue:e3')!.click as () => void)();
    (idle.find((i) => i.id === 'start')!.click as () => void)();
    expect(calls).toEqual(['continue e3', 'start']);

    const running = trayMenuTemplate(state({ timer, syncAvailable: true, pending: 2 }), actions);
    expect(running[0]).toMatchObject({ id: 'stop', label: 'Stop “API work” (1h05m)' });
    expect(running.find((i) => i.id === 'sync')).toMatchObject({ enabled: true, label: 'Sync now (2 queued)' });
    expect(trayMenuTemplate(state(), actions).find((i) => i.id === 'recent-none')).toBeTruthy();
  });

  it('pomodoro: started from the menu; while on, the menu shows the phase and minutes left and stops it', () => {
    const on = trayMenuTemplate(state({ timer, pomodoro: { phase: 'work', ends_at: '2026-01-15T10:20:00Z' } }), actions);
    expect(on.find((i) => i.id === 'pomodoro-stop')).toMatchObject({ label: 'Stop pomodoro (Work: 15 min left)' });
    calls.length = 0;
    (on.find((i) => i.id === 'pomodoro-stop')!.click as () => void)();
    (trayMenuTemplate(state(), actions).find((i) => i.id === 'pomodoro-start')!.click as () => void)();
    expect(calls).toEqual(['pomodoro stop', 'pomodoro']);
  });
});

describe('window', () => {
  it('is isolated and sandboxed, with no Node in the renderer', () => {
    const w = windowOptions('/app/dist/preload.cjs').webPreferences!;
    expect(w).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false });
    expect(w.preload).toBe('/app/dist/preload.cjs');
    // The idle question's window is as locked down as the main one, and stays on top.
    const p = promptWindowOptions('/app/dist/preload.cjs');
    expect(p.webPreferences).toEqual(w);
    expect(p).toMatchObject({ alwaysOnTop: true, show: false });
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/unsafe|\*/);
  });

  it('only our own page may call the bridge', () => {
    const app = 'file:///opt/Timetray/resources/app.asar/dist/renderer/index.html';
    expect(isTrustedSender(app, app)).toBe(true);
    expect(isTrustedSender(`${app}#/entries`, app)).toBe(true);
    expect(isTrustedSender('file:///tmp/evil.html', app)).toBe(false);
    expect(isTrustedSender('https://example.com/', app)).toBe(false);
    expect(isTrustedSender(undefined, app)).toBe(false);
    expect(isTrustedSender('not a url', app)).toBe(false);
  });
});

describe('shortcuts and reminders', () => {
  it('two actions on one key are reported, whatever the spelling', () => {
    expect(shortcutConflicts([{ action: 'toggle', accelerator: 'CmdOrCtrl+Alt+T' }, { action: 'open', accelerator: 'Alt+CommandOrControl+T' }]))
      .toEqual([{ action: 'open', message: 'is already the shortcut to start/stop timer' }]);
    expect(shortcutConflicts([{ action: 'toggle', accelerator: 'CmdOrCtrl+Alt+T' }, { action: 'open', accelerator: 'CmdOrCtrl+Alt+O' }])).toEqual([]);
  });
  it('a key every app uses for editing or quitting is refused', () => {
    expect(shortcutConflicts([{ action: 'toggle', accelerator: 'CmdOrCtrl+Q' }])[0]?.message).toMatch(/used by every app/);
  });
  it('a refused registration says why, with the Wayland way out', () => {
    expect(registrationMessage({ action: 'toggle', accelerator: 'Ctrl+Alt+T' }, true)).toMatch(/Wayland.*timetray toggle/);
    expect(registrationMessage({ action: 'open', accelerator: 'Ctrl+Alt+O' }, false)).toMatch(/another application/);
  });
  it('the long-timer reminder fires at the limit, never when off', () => {
    expect(longTimerDue('2026-01-15T09:00:00Z', Date.parse('2026-01-15T13:00:00Z'), 240)).toBe(true);
    expect(longTimerDue('2026-01-15T09:00:00Z', Date.parse('2026-01-15T12:59:00Z'), 240)).toBe(false);
    expect(longTimerDue('2026-01-15T09:00:00Z', Date.parse('2026-01-16T09:00:00Z'), 0)).toBe(false);
  });
});
