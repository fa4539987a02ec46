/** Reading entries: one SELECT shape and one row → Entry mapping for every query. */
import type { AttentionKind, Entry, SyncState } from '../../shared/entry';
import { toIso } from '../../shared/time';

export interface EntryRow {
  id: string;
  description: string;
  start_at: number;
  end_at: number;
  start_tz: string;
  end_tz: string;
  project_id: string | null;
  task_id: string | null;
  client_id: string | null;
  tags: string;
  billable: 0 | 1;
  account_id: string | null;
  account_name: string | null;
  remote_id: string | null;
  sync_error: string | null;
  sync_kind: AttentionKind | null;
  sync_state: SyncState;
  created_at: number;
  updated_at: number;
}

export const ENTRY_SELECT = `
  SELECT e.id, e.description, e.start_at, e.end_at, e.start_tz, e.end_tz, e.project_id, e.task_id,
         e.client_id, e.tags, e.billable, e.account_id, a.name AS account_name, e.remote_id,
         e.sync_error, e.sync_kind, e.created_at, e.updated_at,
         CASE WHEN e.account_id IS NULL THEN 'local'
              WHEN e.sync_error IS NOT NULL THEN 'attention'
              WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.entry_id = e.id) THEN 'pending'
              ELSE 'synced' END AS sync_state
    FROM entries e LEFT JOIN accounts a ON a.id = e.account_id`;

export function toEntry(r: EntryRow): Entry {
  return {
    id: r.id,
    description: r.description,
    start: toIso(r.start_at),
    end: toIso(r.end_at),
    duration_seconds: Math.round((r.end_at - r.start_at) / 1000),
    project_id: r.project_id,
    task_id: r.task_id,
    client_id: r.client_id,
    tags: JSON.parse(r.tags) as string[],
    billable: r.billable === 1,
    account: r.account_name,
    // A mark older than sync_kind (migration 5) can only be a refusal: nothing else marked entries then.
    sync: { state: r.sync_state, remote_id: r.remote_id, error: r.sync_error, kind: r.sync_state === 'attention' ? (r.sync_kind ?? 'refused') : null },
  };
}
