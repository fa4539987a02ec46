/**
 * The entry history: values a sync merge replaced or outvoted, kept so the user can see them and
 * bring one back. A restore is an ordinary local edit (queued for sync like any other), so the
 * restored value then wins on the server the same way a typed one would.
 */
import type { Entry, HistoryItem } from '../../shared/entry';
import { ValidationError } from '../../shared/errors';
import type { EntryPatch } from '../../shared/schemas';
import { toIso } from '../../shared/time';
import type { Database } from './db';
import type { Entries } from './entries';

interface HistoryRow {
  id: number;
  at: number;
  source: 'local' | 'remote';
  fields: string;
  note: string;
}

/**
 * The merge writes two kinds of note: a conflict that names the winner, and a remote edit that
 * replaced local values. Only a conflict the local edit won keeps a value from the server.
 */
function lostFrom(note: string): 'local' | 'server' {
  return /the local edit was newer and won/.test(note) ? 'server' : 'local';
}

/** Stored terms (epoch ms instants) in the entry's own words (ISO instants). */
function entryTerms(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = (k === 'start' || k === 'end') && typeof v === 'number' ? toIso(v) : v;
  return out;
}

function toItem(r: HistoryRow): HistoryItem {
  return { id: r.id, at: toIso(r.at), lost_from: lostFrom(r.note), fields: entryTerms(JSON.parse(r.fields)), note: r.note };
}

/** The edit that brings `item`'s values back onto `entry`. A duration keeps the start and moves the end. */
export function restorePatch(item: HistoryItem, entry: Entry): EntryPatch {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item.fields)) {
    if (k === 'duration') patch.end = toIso(Date.parse(entry.start) + Number(v) * 1000);
    else if (['description', 'project_id', 'task_id', 'client_id', 'tags', 'billable', 'start', 'end'].includes(k)) patch[k] = v;
  }
  if (!Object.keys(patch).length) throw ValidationError.one('history', `item ${item.id} holds no field that can be restored`);
  return patch as EntryPatch;
}

export function createHistory(db: Database) {
  const rows = db.prepare<[string], HistoryRow>('SELECT id, at, source, fields, note FROM entry_history WHERE entry_id = ? ORDER BY id');
  const one = db.prepare<[string, number], HistoryRow>('SELECT id, at, source, fields, note FROM entry_history WHERE entry_id = ? AND id = ?');
  const counts = db.prepare<[], { entry_id: string; n: number }>('SELECT entry_id, count(*) AS n FROM entry_history GROUP BY entry_id');
  return {
    list(entryId: string): HistoryItem[] {
      return rows.all(entryId).map(toItem);
    },
    item(entryId: string, id: number): HistoryItem {
      const r = one.get(entryId, id);
      if (!r) throw ValidationError.one('restore', `entry ${entryId} has no history item ${id} (see: timetray history ${entryId})`);
      return toItem(r);
    },
    /** History items per entry id, for lists: one query, not one per row. */
    counts(): Map<string, number> {
      return new Map(counts.all().map((r) => [r.entry_id, r.n]));
    },
  };
}

export type History = ReturnType<typeof createHistory>;

/** Restores item `itemId` of entry `entryId` as a local edit, queued for sync. */
export function restoreHistoryItem(d: { history: History; entries: Entries }, entryId: string, itemId: number): Entry {
  const entry = d.entries.get(entryId);
  return d.entries.edit(entryId, restorePatch(d.history.item(entryId, itemId), entry));
}
