/**
 * Shortcut conflicts we can see before asking the system: two actions on one key, or a key that
 * every desktop already uses for editing or quitting (a global shortcut there would steal it from
 * every other app). The system's own refusals are reported by the shell when it registers them.
 */
export type ShortcutAction = 'toggle' | 'open';

export interface ShortcutWish {
  action: ShortcutAction;
  accelerator: string;
}

export const SHORTCUT_LABELS: Record<ShortcutAction, string> = { toggle: 'start/stop timer', open: 'open window' };

const ALIASES: Record<string, string> = { cmdorctrl: 'commandorcontrol', cmd: 'command', ctrl: 'control', option: 'alt', esc: 'escape', return: 'enter' };

/** One spelling per key combination: case, aliases and modifier order don't matter. */
export function normalizeAccelerator(a: string): string {
  return a.toLowerCase().split('+').map((p) => ALIASES[p] ?? p).sort().join('+');
}

const RESERVED = [
  'CommandOrControl+C', 'CommandOrControl+V', 'CommandOrControl+X', 'CommandOrControl+Z', 'CommandOrControl+A',
  'CommandOrControl+S', 'CommandOrControl+Q', 'CommandOrControl+W', 'CommandOrControl+Tab', 'Alt+Tab', 'Alt+F4',
].map(normalizeAccelerator);

export function shortcutConflicts(wishes: readonly ShortcutWish[]): { action: ShortcutAction; message: string }[] {
  const out: { action: ShortcutAction; message: string }[] = [];
  const seen = new Map<string, ShortcutAction>();
  for (const w of wishes) {
    const key = normalizeAccelerator(w.accelerator);
    const other = seen.get(key);
    if (other) out.push({ action: w.action, message: `is already the shortcut to ${SHORTCUT_LABELS[other]}` });
    else if (RESERVED.includes(key)) out.push({ action: w.action, message: `${w.accelerator} is used by every app for editing or closing; choose another` });
    seen.set(key, w.action);
  }
  return out;
}
