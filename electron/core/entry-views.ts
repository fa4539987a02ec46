/** Entries as the window and `timetray show` present them: what stays local, how much history, what the server holds. */
import type { Entry, EntryView, HeldAs, Provider } from '../../shared/entry';
import type { Core } from '.';
import { heldAsOf } from './held-as';
import { localOnlyOf } from './sync/capabilities';

type RefRow = { piece: string; base: string; start_tz: string };

export function entryViews(core: Pick<Core, 'accounts' | 'history' | 'db' | 'zone'>, entries: readonly Entry[]): EntryView[] {
  const accounts = new Map(core.accounts.list().map((a) => [a.name, a]));
  const counts = entries.length ? core.history.counts() : new Map<string, number>();
  // Only the refs on the entry's own account: one left on a former account is a queued delete, not what it holds.
  const refs = core.db.prepare<[string, string], RefRow>(
    `SELECT r.piece, r.base, e.start_tz FROM remote_refs r JOIN entries e ON e.id = r.entry_id
      WHERE r.entry_id = ? AND r.account_id = ? ORDER BY r.piece`);
  const zone = core.zone();
  return entries.map((e) => {
    const a = e.account ? accounts.get(e.account) : undefined;
    return {
      ...e,
      local_only: a ? localOnlyOf(a.provider, e) : null,
      history_count: counts.get(e.id) ?? 0,
      held_as: a && e.sync.state === 'synced' ? heldOf(a.provider, e, refs.all(e.id, a.id), zone) : null,
    };
  });
}

/**
 * Said of synced entries only: while an edit waits, the base is what the server held before it,
 * which says nothing about rounding.
 */
function heldOf(provider: Provider, e: Entry, rows: RefRow[], zone: string): HeldAs | null {
  if (!rows.length) return null;
  const parsed = rows.map((r) => ({ piece: r.piece, base: parseBase(r.base) }));
  return heldAsOf({ provider, start: Date.parse(e.start), end: Date.parse(e.end), refs: parsed, zone, dayZone: rows[0]!.start_tz });
}

function parseBase(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
