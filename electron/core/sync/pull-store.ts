/** The database side of a pull: find refs by remote id, apply remote edits, adopt remote-only records. */
import type { Database } from 'better-sqlite3';
import { newId } from '../ids';
import type { RemoteRecord } from './connector';
import type { Terms } from './merge-fields';
import { remoteIdRefresher } from './remote-id-cache';
import { immediate } from '../db';

export interface RefRow {
  entry_id: string;
  piece: string;
  snapshot: Record<string, unknown>;
  base: Terms;
}

export function createPullStore(db: Database) {
  const byRemote = db.prepare<[string, string], { entry_id: string; piece: string; snapshot: string; base: string }>(
    'SELECT entry_id, piece, snapshot, base FROM remote_refs WHERE account_id = ? AND remote_id = ?');
  const refCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM remote_refs WHERE entry_id = ?');
  const updatedAt = db.prepare<[string], { updated_at: number }>('SELECT updated_at FROM entries WHERE id = ?');
  const setRef = db.prepare('UPDATE remote_refs SET snapshot = ?, base = ?, synced_at = ? WHERE account_id = ? AND remote_id = ?');
  const addHistory = db.prepare('INSERT INTO entry_history (entry_id, at, source, fields, note) VALUES (?, ?, ?, ?, ?)');
  const insertEntry = db.prepare(`
    INSERT INTO entries (id, description, start_at, end_at, start_tz, end_tz, project_id, task_id, client_id,
      tags, billable, account_id, remote_id, created_at, updated_at)
    VALUES (@id, @description, @start_at, @end_at, @zone, @zone, @project_id, @task_id, @client_id, @tags,
      @billable, @account_id, @remote_id, @now, @now)`);
  const insertRef = db.prepare(`
    INSERT INTO remote_refs (entry_id, piece, account_id, remote_id, snapshot, base, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  const owe = db.prepare("INSERT INTO outbox (entry_id, op, created_at) VALUES (?, 'update', ?)");

  const tx = <T>(fn: () => T): T => immediate(db, fn);
  const refreshRemoteId = remoteIdRefresher(db);

  return {
    refByRemote(accountId: string, remoteId: string): RefRow | null {
      const r = byRemote.get(accountId, remoteId);
      return r ? { entry_id: r.entry_id, piece: r.piece, snapshot: JSON.parse(r.snapshot), base: JSON.parse(r.base) } : null;
    },
    pieceCount(entryId: string): number {
      return refCount.get(entryId)!.n;
    },
    updatedAt(entryId: string): number {
      return updatedAt.get(entryId)?.updated_at ?? 0;
    },

    /**
     * Writes remote values into our entry (no outbox row: the server already has them), records
     * what they replaced in the history, and moves the ref's snapshot to what the server holds.
     */
    applyRemote(accountId: string, remoteId: string, entryId: string, take: Terms, history: { fields: Terms; note: string }[],
      snapshot: Record<string, unknown>, base: Terms, now: number, othersOwed = false): void {
      tx(() => {
        // An entry split over several records took a value from one of them: the others still
        // hold the old value and are owed an update.
        if (othersOwed && Object.keys(take).length) owe.run(entryId, now);
        const cols: string[] = [];
        const vals: Record<string, unknown> = { id: entryId, now };
        for (const [f, v] of Object.entries(take)) {
          if (f === 'duration') {
            cols.push('end_at = start_at + @duration_ms');
            vals.duration_ms = (v as number) * 1000;
          } else if (f === 'start' || f === 'end') {
            cols.push(`${f}_at = @${f}`);
            vals[f] = v;
          } else if (f === 'tags') {
            cols.push('tags = @tags');
            vals.tags = JSON.stringify(v);
          } else if (f === 'billable') {
            cols.push('billable = @billable');
            vals.billable = v ? 1 : 0;
          } else {
            cols.push(`${f} = @${f}`);
            vals[f] = v;
          }
        }
        if (cols.length) db.prepare(`UPDATE entries SET ${cols.join(', ')}, updated_at = @now WHERE id = @id`).run(vals);
        for (const h of history) addHistory.run(entryId, now, 'remote', JSON.stringify(h.fields), h.note);
        setRef.run(JSON.stringify(snapshot), JSON.stringify(base), now, accountId, remoteId);
      });
    },

    /** Records that the server holds one of our entries we had lost track of (found by its reference). */
    adopt(accountId: string, entryId: string, r: RemoteRecord, base: Terms, now: number): void {
      tx(() => {
        insertRef.run(entryId, r.key, accountId, r.remoteId, JSON.stringify(r.comparable), JSON.stringify(base), now);
        refreshRemoteId(entryId);
      });
    },

    /** A record made elsewhere (the web app, a colleague): it appears here as a synced entry. */
    insertRemote(accountId: string, r: RemoteRecord, start: number, end: number, zone: string, base: Terms, now: number): string {
      return tx(() => {
        const id = newId();
        insertEntry.run({
          id, description: r.description, start_at: start, end_at: end, zone, project_id: r.project_id,
          task_id: r.task_id, client_id: r.client_id, tags: JSON.stringify(r.tags ?? []),
          billable: r.billable === false ? 0 : 1, account_id: accountId, remote_id: r.remoteId, now,
        });
        insertRef.run(id, r.key, accountId, r.remoteId, JSON.stringify(r.comparable), JSON.stringify(base), now);
        return id;
      });
    },
  };
}

export type PullStore = ReturnType<typeof createPullStore>;
