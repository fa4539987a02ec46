/** Which global shortcuts to register, and the problems to tell the user instead of failing silently. */
import { SHORTCUT_LABELS, type ShortcutWish } from '../../shared/shortcuts';

export { shortcutConflicts, type ShortcutWish } from '../../shared/shortcuts';

/** A refused registration: usually another app holds the key, or (Wayland) the compositor forbids it. */
export function registrationMessage(w: ShortcutWish, wayland: boolean): string {
  const why = wayland
    ? 'Wayland lets apps register global shortcuts only through the desktop portal; bind `timetray toggle` to a key in your desktop settings instead.'
    : 'another application may already use it.';
  return `Could not register ${w.accelerator} for “${SHORTCUT_LABELS[w.action]}”: ${why}`;
}

export { longTimerDue } from '../core/reminders';
