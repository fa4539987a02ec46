/** User settings, stored as JSON values under known keys; each key is validated on write. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { parseOrThrow, timeZoneSchema } from '../../shared/schemas';
import { ValidationError } from '../../shared/errors';

export const SETTINGS = {
  /** IANA zone that days and reports use; unset → the system's. */
  timezone: timeZoneSchema,
  /** Whether a new entry is billable unless told otherwise. */
  billable_default: z.boolean({ error: 'must be true or false' }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
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
      if (!(key in SETTINGS)) throw ValidationError.one('key', `unknown setting ${JSON.stringify(key)}`);
      const v = parseOrThrow(SETTINGS[key], value, key);
      write.run(key, JSON.stringify(v));
    },
    unset(key: SettingKey): void {
      remove.run(key);
    },
  };
}

export type Settings = ReturnType<typeof createSettings>;
