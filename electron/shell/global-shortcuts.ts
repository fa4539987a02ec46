/** Global shortcuts from the settings; every refusal is reported, never swallowed. */
import { globalShortcut } from 'electron';
import { registrationMessage, shortcutConflicts, type ShortcutWish } from './shortcuts-plan';

export function registerShortcuts(wishes: readonly ShortcutWish[], run: (w: ShortcutWish) => void, report: (m: string) => void): void {
  globalShortcut.unregisterAll();
  const conflicts = shortcutConflicts(wishes);
  for (const c of conflicts) report(`Shortcut for “${c.action === 'toggle' ? 'start/stop timer' : 'open window'}” ${c.message}`);
  const wayland = process.platform === 'linux' && (process.env.XDG_SESSION_TYPE === 'wayland' || !!process.env.WAYLAND_DISPLAY);
  for (const w of wishes) {
    let ok: boolean;
    try {
      ok = globalShortcut.register(w.accelerator, () => run(w));
    } catch {
      ok = false;
    }
    if (!ok) report(registrationMessage(w, wayland));
  }
}
