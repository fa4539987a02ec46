/**
 * The tray icon: the running time drawn into the image on Linux and Windows (their trays show no
 * text), the title on macOS, the tooltip everywhere, and a menu always attached (GNOME's
 * AppIndicator shows no icon without one).
 */
import { Menu, nativeImage, nativeTheme, powerMonitor, Tray, type NativeImage } from 'electron';
import type { Core } from '../core';
import { encodePng } from './png';
import { drawTrayIcon, trayClockText, trayThemeFor, type TrayTheme } from './tray-icon';
import { trayMenuTemplate, trayTitle, trayTooltip, type TrayActions, type TrayState } from './tray-menu';

function trayImage(text: string | null, theme: TrayTheme, template: boolean): NativeImage {
  const image = nativeImage.createFromBuffer(encodePng(drawTrayIcon(text, 16, theme)), { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: encodePng(drawTrayIcon(text, 32, theme)) });
  // macOS recolours a template image for its menu bar and for the highlighted state.
  if (template) image.setTemplateImage(true);
  return image;
}

/** Milliseconds until what the tray shows next changes: the next whole elapsed second or minute. */
function nextTickIn(startMs: number, nowMs: number, tick: 'second' | 'minute'): number {
  const unit = tick === 'second' ? 1000 : 60_000;
  const into = (((nowMs - startMs) % unit) + unit) % unit;
  return unit - into;
}

export function createTray(core: Core, actions: TrayActions, extra: () => Pick<TrayState, 'syncAvailable' | 'pending' | 'tick' | 'pomodoro'>) {
  const mac = process.platform === 'darwin';
  const theme = (): TrayTheme => trayThemeFor({
    platform: process.platform, desktop: process.env.XDG_CURRENT_DESKTOP,
    dark: nativeTheme.shouldUseDarkColors, systemDark: nativeTheme.shouldUseDarkColorsForSystemIntegratedUI,
  });
  let shown = `idle|${theme()}`;
  const tray = new Tray(trayImage(null, theme(), mac));
  tray.on('click', () => (core.timer.status() ? actions.stop() : actions.start()));
  let next: ReturnType<typeof setTimeout> | null = null;

  function render() {
    const now = Date.now();
    const s: TrayState = { timer: core.timer.status(), recent: core.entries.list({ limit: 20 }), now, ...extra() };
    tray.setToolTip(trayTooltip(s));
    if (mac) tray.setTitle(trayTitle(s));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(s, actions)));
    // macOS has the title; elsewhere the image carries the time, redrawn only when its text changes.
    const text = s.timer && !mac ? trayClockText((now - Date.parse(s.timer.start)) / 1000) : null;
    const key = `${text ?? 'idle'}|${theme()}`;
    if (key !== shown) {
      tray.setImage(trayImage(text, theme(), mac));
      shown = key;
    }
    // Nothing ticks without a running timer; with one, at the next change of what is shown (the
    // image and a minute tooltip change on the elapsed minute's boundary, not on a 1 s poll).
    if (next) clearTimeout(next);
    next = s.timer ? setTimeout(render, nextTickIn(Date.parse(s.timer.start), now, s.tick)) : null;
    next?.unref?.();
  }
  render();
  nativeTheme.on('updated', render);
  // Timers wait out a sleep on the monotonic clock: after one, the icon would lag by up to a minute.
  powerMonitor.on('resume', render);
  return {
    render,
    destroy: () => {
      if (next) clearTimeout(next);
      nativeTheme.off('updated', render);
      powerMonitor.off('resume', render);
      tray.destroy();
    },
  };
}
