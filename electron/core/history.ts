/** The entry history: values a sync merge replaced or outvoted, kept so the user can see and restore them. */
import type { Database } from './db';

export interface HistoryItem {
  at: string;
  /** Which side the kept values came from. */
  source: 'local' | 'remote';
  fields: Record<string, unknown>;
  note: string;
}

export function createHistory(db: Database) {
  const rows = db.prepare<[string], { at: number; source: 'local' | 'remote'; fields: string; note: string }>(
    'SELECT at, source, fields, note FROM entry_history WHERE entry_id = ? ORDER BY id');
  return {
    list(entryId: string): HistoryItem[] {
      return rows.all(entryId).map((r) => ({ at: new Date(r.at).toISOString(), source: r.source, fields: JSON.parse(r.fields), note: r.note }));
    },
  };
}
