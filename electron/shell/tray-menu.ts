/**
 * The tray's text and menu as pure functions of the state. GNOME's AppIndicator shows no icon
 * without a menu, and Linux/Windows trays have no title text, so the elapsed time also goes in the
 * tooltip (and, on macOS, the title).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Entry, RunningTimer } from '../../shared/entry';
import { formatDuration } from '../../shared/time';

export interface TrayState {
  timer: RunningTimer | null;
  /** Newest first; the menu offers the first five distinct ones to continue. */
  recent: readonly Entry[];
  now: number;
  tick: 'second' | 'minute';
  syncAvailable: boolean;
  pending: number;
  /** The pomodoro's phase and end, when one runs. */
  pomodoro: { phase: 'work' | 'break'; ends_at: string } | null;
}

export interface TrayActions {
  start(): void;
  stop(): void;
  continueEntry(id: string): void;
  open(): void;
  syncNow(): void;
  startPomodoro(): void;
  stopPomodoro(): void;
  openSettings(): void;
  quit(): void;
  /** Opens the small frameless mini timer window; the item shows when the shell offers it. */
  openMini?(): void;
}

export function pomodoroText(p: NonNullable<TrayState['pomodoro']>, now: number): string {
  const left = Math.max(0, Math.ceil((Date.parse(p.ends_at) - now) / 60_000));
  return `${p.phase === 'work' ? 'Work' : 'Break'}: ${left} min left`;
}

export function elapsedText(timer: RunningTimer, now: number, tick: 'second' | 'minute'): string {
  const s = Math.max(0, Math.floor((now - Date.parse(timer.start)) / 1000));
  if (tick === 'second') {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }
  return s < 60 ? '0m' : formatDuration(s - (s % 60));
}

export function trayTooltip(s: TrayState): string {
  if (!s.timer) return s.pending ? `Timetray: no timer running · ${s.pending} to sync` : 'Timetray: no timer running';
  return `${s.timer.description || '(no description)'} · ${elapsedText(s.timer, s.now, s.tick)}`;
}

export function trayTitle(s: TrayState): string {
  return s.timer ? elapsedText(s.timer, s.now, s.tick) : '';
}

const cut = (t: string, n = 40) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

export function trayMenuTemplate(s: TrayState, a: TrayActions): MenuItemConstructorOptions[] {
  const seen = new Set<string>();
  const recent = s.recent.filter((e) => {
    const key = `${e.description}\u0000${e.project_id ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, 5);
  return [
    s.timer
      ? { id: 'stop', label: `Stop “${cut(s.timer.description || 'timer')}” (${elapsedText(s.timer, s.now, s.tick)})`, click: a.stop }
      : { id: 'start', label: 'Start timer', click: a.start },
    { type: 'separator' },
    { id: 'recent-title', label: 'Continue', enabled: false },
    ...(recent.length
      ? recent.map((e): MenuItemConstructorOptions => ({ id: `continue:${e.id}`, label: cut(e.description || '(no description)'), click: () => a.continueEntry(e.id) }))
      : [{ id: 'recent-none', label: 'No entries yet', enabled: false }]),
    { type: 'separator' },
    s.pomodoro
      ? { id: 'pomodoro-stop', label: `Stop pomodoro (${pomodoroText(s.pomodoro, s.now)})`, click: a.stopPomodoro }
      : { id: 'pomodoro-start', label: 'Start pomodoro', click: a.startPomodoro },
    { type: 'separator' },
    { id: 'open', label: 'Open Timetray', click: a.open },
    ...(a.openMini ? [{ id: 'mini', label: 'Mini timer', click: a.openMini }] : []),
    { id: 'settings', label: 'Settings…', click: a.openSettings },
    { id: 'sync', label: s.pending ? `Sync now (${s.pending} queued)` : 'Sync now', enabled: s.syncAvailable, click: a.syncNow },
    { type: 'separator' },
    { id: 'quit', label: 'Quit', role: 'quit', click: a.quit },
  ];
}
