/**
 * The mini timer window (issue 14, item 6), through electron/shell/main.ts on the recorded double
 * of Electron (not Electron: see electron-double.ts) with the real core on a temp SQLite file:
 * the tray's "Mini timer" opens a small frameless window on top, on the page's mini route, with
 * the main window's security options; its page may call the bridge, and it hears changes.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { APP_PAGE } from '../../electron/shell/app-protocol';
import { CALL_CHANNEL, CHANGE_CHANNEL } from '../../electron/shell/channels';
import { settle, startShell, type Shell } from './shell-harness';

let shell: Shell | null = null;
afterEach(async () => {
  vi.unstubAllEnvs();
  await shell?.done();
  shell = null;
});

it('"Mini timer" in the tray menu opens a frameless window on top, on ?view=mini, with the main window\'s security', async () => {
  vi.stubEnv('XDG_CURRENT_DESKTOP', '');
  shell = await startShell();
  expect(shell.menuItem('mini').label).toBe('Mini timer');
  shell.clickMenu('mini');
  const [mini] = shell.double.windows();
  expect(mini!.loaded!.url).toBe(`${APP_PAGE}?view=mini`);
  expect(mini!.options).toMatchObject({ frame: false, alwaysOnTop: true });
  expect(Number(mini!.options.width)).toBeLessThanOrEqual(400);
  shell.shownWindow(mini!);
  expect(mini!.isVisible()).toBe(true);

  // The main window, opened after it, has the same webPreferences: sandbox, isolation, no node, the preload.
  shell.clickMenu('open');
  const main = shell.double.windows().find((w) => w !== mini)!;
  expect(main.loaded!.url).toBe(APP_PAGE);
  expect(mini!.options.webPreferences).toEqual(main.options.webPreferences);
  expect(mini!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });

  // A second click shows the same window rather than a second one.
  shell.clickMenu('mini');
  expect(shell.double.windows().filter((w) => w.loaded?.url === `${APP_PAGE}?view=mini`)).toHaveLength(1);
});

it('the mini page may call the bridge (a timer it starts is in SQLite), and a tray click reaches it as a change', async () => {
  vi.stubEnv('XDG_CURRENT_DESKTOP', '');
  shell = await startShell();
  shell.clickMenu('mini');
  const mini = shell.double.windows()[0]!;
  const sent = vi.spyOn(mini.webContents, 'send');
  await expect(shell.double.invoke(CALL_CHANNEL, mini.loaded!.url!, 'timer.start', [{ description: 'From the mini window' }]))
    .resolves.toMatchObject({ ok: true });
  expect(shell.readDb<{ description: string }>('SELECT description FROM running_timer')).toEqual([{ description: 'From the mini window' }]);
  sent.mockClear();
  shell.double.tray()!.click();
  await settle();
  expect(shell.readDb('SELECT description FROM running_timer')).toEqual([]);
  expect(sent.mock.calls.some(([channel, e]) => channel === CHANGE_CHANNEL && (e as { kind: string }).kind === 'data')).toBe(true);
});
