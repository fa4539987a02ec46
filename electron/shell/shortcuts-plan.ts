/** Which global shortcuts to register, and the problems to tell the user instead of failing silently. */
export interface ShortcutWish {
  action: 'toggle' | 'open';
  accelerator: string;
}

/** Two actions on one key are a conflict we can see before asking the system. */
export function shortcutConflicts(wishes: readonly ShortcutWish[]): string[] {
  const byKey = new Map<string, string[]>();
  for (const w of wishes) {
    const key = w.accelerator.toLowerCase().split('+').map((p) => (p === 'cmdorctrl' ? 'commandorcontrol' : p)).sort().join('+');
    byKey.set(key, [...(byKey.get(key) ?? []), w.action]);
  }
  return [...byKey.entries()].filter(([, a]) => a.length > 1).map(([k, a]) => `${a.join(' and ')} share the shortcut ${k}`);
}

/** A refused registration: usually another app holds the key, or (Wayland) the compositor forbids it. */
export function registrationMessage(w: ShortcutWish, wayland: boolean): string {
  const why = wayland
    ? 'Wayland lets apps register global shortcuts only through the desktop portal; bind `timetray toggle` to a key in your desktop settings instead.'
    : 'another application may already use it.';
  return `Could not register ${w.accelerator} for “${w.action === 'toggle' ? 'start/stop timer' : 'open window'}”: ${why}`;
}

export function longTimerDue(startIso: string, now: number, minutes: number): boolean {
  return minutes > 0 && now - Date.parse(startIso) >= minutes * 60_000;
}
