/** The tray icon: tooltip (and macOS title) with the running timer, a menu rebuilt from the state. */
import { Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core';
import { trayMenuTemplate, trayTitle, trayTooltip, type TrayActions, type TrayState } from './tray-menu';

export function createTray(core: Core, iconDir: string, actions: TrayActions, extra: () => Pick<TrayState, 'syncAvailable' | 'pending' | 'tick' | 'pomodoro'>) {
  const tray = new Tray(nativeImage.createFromPath(join(iconDir, 'tray.png')));
  tray.on('click', () => (core.timer.status() ? actions.stop() : actions.start()));
  let timer: ReturnType<typeof setInterval> | null = null;

  function render() {
    const s: TrayState = { timer: core.timer.status(), recent: core.entries.list({ limit: 20 }), now: Date.now(), ...extra() };
    tray.setToolTip(trayTooltip(s));
    if (process.platform === 'darwin') tray.setTitle(trayTitle(s));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(s, actions)));
    // Nothing ticks without a running timer; with one, once a second or once a minute (setting).
    if (timer) clearInterval(timer);
    timer = s.timer ? setInterval(render, s.tick === 'second' ? 1000 : 60_000) : null;
  }
  render();
  return { render, destroy: () => { if (timer) clearInterval(timer); tray.destroy(); } };
}
