/** User settings, stored as JSON values under known keys; each key is validated on write. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { lazy } from '../../shared/lazy';
import { parseOrThrow, timeZoneSchema } from '../../shared/schemas';
import { ValidationError } from '../../shared/errors';
import type { Settings as SettingsValues } from '../../shared/bridge';
import { shortcutConflicts } from '../../shared/shortcuts';
import { immediate } from './db';

/** Modifiers and one key, as Electron's accelerators spell them. */
const acceleratorSchema = lazy(() => z
  .string({ error: 'must be a shortcut like CommandOrControl+Alt+T' })
  .regex(
    /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|Plus|[-=[\];',./`])$/,
    'must be modifiers and one key, like CommandOrControl+Alt+T',
  ));

function minutes(min: number, max: number, minRule: string) {
  return lazy(() => z.number({ error: 'must be a number of minutes' }).int('must be whole minutes').min(min, minRule).max(max, `must be at most ${max}`));
}

const clockTime = lazy(() => z.string({ error: 'must be a time like 09:00' }).regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time like 09:00'));

// Each built on first use (shared/lazy.ts): a CLI command reads one setting or none.
export const SETTINGS = {
  /** IANA zone that days and reports use; unset → the system's. */
  timezone: timeZoneSchema,
  /** Whether a new entry is billable unless told otherwise. */
  billable_default: lazy(() => z.boolean({ error: 'must be true or false' })),
  /** How often the tray's elapsed time is redrawn. */
  tray_tick: lazy(() => z.enum(['second', 'minute'], { error: 'must be "second" or "minute"' })),
  /** Electron accelerators, e.g. CommandOrControl+Alt+T. */
  shortcut_toggle: acceleratorSchema,
  shortcut_open: acceleratorSchema,
  launch_at_login: lazy(() => z.boolean({ error: 'must be true or false' })),
  long_timer_minutes: minutes(0, 24 * 60, 'must be 0 (off) or more'),
  /** Ask what to do with the time away after this much idleness with a timer running; 0 = never. */
  idle_threshold_minutes: minutes(0, 240, 'must be 0 (off) or more'),
  /** Remind when no timer runs during working hours. */
  remind_no_timer: lazy(() => z.boolean({ error: 'must be true or false' })),
  working_hours: lazy(() => z
    .object({
      days: z.array(z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)')).max(7),
      start: clockTime,
      end: clockTime,
    }, { error: 'must be {days, start, end}' })
    .strict()
    .refine((w) => w.start < w.end, { message: 'start must be before end', path: ['end'] })),
  /** How often the no-timer reminder repeats while it applies. */
  remind_every_minutes: minutes(5, 24 * 60, 'must be at least 5'),
  pomodoro_work_minutes: minutes(1, 240, 'must be at least 1'),
  pomodoro_break_minutes: minutes(1, 120, 'must be at least 1'),
  /** The window's colours: follow the system (prefers-color-scheme, nativeTheme) or keep one. */
  theme: lazy(() => z.enum(['system', 'light', 'dark'], { error: 'must be "system", "light" or "dark"' })),
} as const;

export const SETTING_DEFAULTS: SettingsValues = {
  tray_tick: 'minute',
  shortcut_toggle: 'CommandOrControl+Alt+T',
  shortcut_open: 'CommandOrControl+Alt+O',
  launch_at_login: false,
  long_timer_minutes: 240,
  billable_default: true,
  timezone: null,
  idle_threshold_minutes: 5,
  remind_no_timer: false,
  working_hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  remind_every_minutes: 30,
  pomodoro_work_minutes: 25,
  pomodoro_break_minutes: 5,
  theme: 'system',
};

export type SettingKey = keyof typeof SETTINGS;

/** Own keys only: `in` would also take `constructor`, `__proto__` and the rest every object inherits. */
export function isSettingKey(k: string): k is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS, k);
}
/** An unknown key as the field an issue names: quoted unless a plain name, so an empty or spaced key still reads as one. */
const keyField = (k: string) => (/^[\w.$-]+$/.test(k) ? k : JSON.stringify(k));

export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]>;

export function createSettings(db: Database) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');

  return {
    get<K extends SettingKey>(key: K): SettingValue<K> | undefined {
      const row = read.get(key);
      if (!row) return undefined;
      const r = SETTINGS[key].safeParse(JSON.parse(row.value));
      return r.success ? (r.data as SettingValue<K>) : undefined;
    },
    set<K extends SettingKey>(key: K, value: unknown): void {
      if (!isSettingKey(key)) throw ValidationError.one('key', `unknown setting ${JSON.stringify(key)}`);
      const v = parseOrThrow(SETTINGS[key], value, key);
      write.run(key, JSON.stringify(v));
    },
    unset(key: SettingKey): void {
      remove.run(key);
    },
    /** Every setting, defaults filled in. */
    all(): SettingsValues {
      const out = { ...SETTING_DEFAULTS } as Record<string, unknown>;
      for (const k of Object.keys(SETTINGS) as SettingKey[]) {
        const v = this.get(k);
        if (v !== undefined) out[k] = v;
      }
      return out as unknown as SettingsValues;
    },
    /** Validates the whole patch first: one bad value changes nothing. `null` resets a key. */
    setMany(patch: Record<string, unknown>): SettingsValues {
      const issues: { field: string; rule: string }[] = [];
      const ok: [SettingKey, unknown][] = [];
      for (const [k, v] of Object.entries(patch)) {
        if (!isSettingKey(k)) issues.push({ field: keyField(k), rule: 'is not a setting' });
        else if (v === null) ok.push([k as SettingKey, null]);
        else {
          const r = SETTINGS[k as SettingKey].safeParse(v);
          if (r.success) ok.push([k as SettingKey, r.data]);
          else issues.push(...r.error.issues.map((i) => ({ field: [k, ...i.path.map(String)].join('.'), rule: i.message })));
        }
      }
      // A null resets its key: the rules across keys judge the default it goes back to.
      const next = { ...this.all(), ...Object.fromEntries(ok.map(([k, v]) => [k, v === null ? SETTING_DEFAULTS[k] : v])) } as SettingsValues;
      for (const c of shortcutConflicts([{ action: 'toggle', accelerator: next.shortcut_toggle }, { action: 'open', accelerator: next.shortcut_open }])) {
        issues.push({ field: `shortcut_${c.action}`, rule: c.message });
      }
      if (issues.length) throw new ValidationError(issues);
      immediate(db, () => {
        for (const [k, v] of ok) {
          if (v === null) remove.run(k);
          else write.run(k, JSON.stringify(v));
        }
      });
      return this.all();
    },
  };
}

export type Settings = ReturnType<typeof createSettings>;
