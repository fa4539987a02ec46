/**
 * Entries: every write commits the entry and its outbox row in one IMMEDIATE transaction.
 * IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
 */
import type { Database } from 'better-sqlite3';
import type { Entry } from '../../shared/entry';
import { NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors';
import {
  entryInputSchema, entryPatchSchema, intervalIssues, parseOrThrow, type EntryInput, type EntryPatch,
} from '../../shared/schemas';
import { MAX_DURATION_SECONDS, MAX_FUTURE_SECONDS } from '../../shared/limits';
import { isLocalDate, localDaysRange } from '../../shared/time';
import type { Accounts } from './accounts';
import type { Clock, ZoneSource } from './clock';
import { accountMoves } from './entry-account';
import { ENTRY_SELECT, toEntry, type EntryRow } from './entry-rows';
import { ID_PATTERN, newId } from './ids';
import type { Outbox } from './outbox';
import type { Settings } from './settings';

export interface EntriesDeps {
  db: Database;
  clock: Clock;
  zone: ZoneSource;
  outbox: Outbox;
  accounts: Accounts;
  settings: Settings;
}

/** An entry's stored fields, validated. */
export interface EntryFields {
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
  /** Set only when importing an entry a server already holds: then nothing is queued. */
  remote_id?: string | null;
}

export interface ListQuery {
  /** Local dates (YYYY-MM-DD), inclusive; an entry overlapping the range is listed. */
  from?: string;
  to?: string;
  limit?: number;
}

export interface ImportItem {
  input: EntryInput;
  id?: string;
  remoteId?: string | null;
  /** How an issue names this item to the user, e.g. `line 7`. */
  label: string;
}

export type RemoveResult = { id: string; outcome: 'deleted' | 'queued' };

export function createEntries(deps: EntriesDeps) {
  const { db, clock, zone, outbox, accounts, settings } = deps;
  // Positional: binding by name looked up every field of an object built per insert (~5 µs of a
  // stop's, and of each entry an import of 100,000 makes).
  const insertRow = db.prepare<[string, string, number, number, string, string, string | null, string | null, string | null, string, 0 | 1, string | null, string | null, number, number]>(
    `INSERT INTO entries (id, description, start_at, end_at, start_tz, end_tz, project_id, task_id,
       client_id, tags, billable, account_id, remote_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateRow = db.prepare(
    `UPDATE entries SET description = @description, start_at = @start_at, end_at = @end_at,
       start_tz = @start_tz, end_tz = @end_tz, project_id = @project_id, task_id = @task_id,
       client_id = @client_id, tags = @tags, billable = @billable, sync_error = NULL, sync_kind = NULL, updated_at = @now
     WHERE id = @id`,
  );
  const rawById = db.prepare<[string], EntryRow & { deleted_at: number | null }>(
    'SELECT e.*, NULL AS account_name, NULL AS sync_state FROM entries e WHERE e.id = ?',
  );
  const byId = db.prepare<[string], EntryRow>(`${ENTRY_SELECT} WHERE e.id = ? AND e.deleted_at IS NULL`);
  // The lower bound on start_at (no entry is longer than MAX_DURATION) lets the start index
  // bound the scan on both sides: a day's query reads that day's rows, not every older one.
  const inRange = db.prepare<[{ hi: number; lo: number; earliest: number; limit: number }], EntryRow>(
    `${ENTRY_SELECT} WHERE e.deleted_at IS NULL AND e.start_at < @hi AND e.start_at > @earliest AND e.end_at > @lo
      ORDER BY e.start_at DESC, e.id DESC LIMIT @limit`,
  );
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM entries WHERE id = ?');
  const hardDelete = db.prepare('DELETE FROM entries WHERE id = ?');
  const tombstone = db.prepare('UPDATE entries SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const untombstone = db.prepare('UPDATE entries SET deleted_at = NULL, updated_at = ? WHERE id = ?');
  const dropUnsentDelete = db.prepare(
    "DELETE FROM outbox WHERE entry_id = ? AND op = 'delete' AND attempts = 0 AND lease_until IS NULL AND account_id IS NULL");
  const owedElsewhere = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE entry_id = ? AND account_id IS NOT NULL');
  const moves = accountMoves({ db, clock, outbox, accounts });

  function check(issues: FieldIssue[]): void {
    if (issues.length) throw new ValidationError(issues);
  }

  /**
   * Validates and stores a new entry plus its outbox row. Caller holds the transaction.
   * A caller that knows the account's name (the timer's stop read it with the running row) gets
   * the entry built from what was written, with no read back: the stop is the click users feel.
   */
  function insertInTx(f: EntryFields, now: number, accountName?: string | null): Entry {
    check(intervalIssues(f.start_at, f.end_at, now, MAX_FUTURE_SECONDS));
    insertRow.run(f.id, f.description, f.start_at, f.end_at, f.start_tz, f.end_tz, f.project_id, f.task_id,
      f.client_id, f.tags, f.billable, f.account_id, f.remote_id ?? null, now, now);
    const queued = Boolean(f.account_id) && !f.remote_id;
    if (queued) outbox.enqueueNew(f.id, now);
    // An imported entry's state depends on rows already there: read it back.
    if (accountName === undefined || f.remote_id) return toEntry(byId.get(f.id)!);
    // Field by field: spreading `f` and adding eight fields cost V8 (Node 20) ~15 µs, a tenth of a stop.
    return toEntry({
      id: f.id, description: f.description, start_at: f.start_at, end_at: f.end_at, start_tz: f.start_tz,
      end_tz: f.end_tz, project_id: f.project_id, task_id: f.task_id, client_id: f.client_id, tags: f.tags,
      billable: f.billable, account_id: f.account_id, remote_id: null, account_name: f.account_id ? accountName : null,
      sync_error: null, sync_kind: null, sync_state: queued ? 'pending' : 'local', created_at: now, updated_at: now,
    });
  }

  function fieldsFromInput(input: EntryInput, id: string): EntryFields {
    const v = parseOrThrow(entryInputSchema, input);
    const tz = zone();
    return {
      id,
      description: v.description ?? '',
      start_at: v.start,
      end_at: v.end,
      start_tz: tz,
      end_tz: tz,
      project_id: v.project_id ?? null,
      task_id: v.task_id ?? null,
      client_id: v.client_id ?? null,
      tags: JSON.stringify(v.tags ?? []),
      billable: (v.billable ?? settings.get('billable_default') ?? true) ? 1 : 0,
      account_id: accounts.resolveId(v.account),
    };
  }

  function liveRow(id: string) {
    const row = rawById.get(id);
    if (!row || row.deleted_at !== null) throw new NotFoundError('entry', id);
    return row;
  }

  return {
    insertInTx,

    create(input: EntryInput): Entry {
      return db.transaction(() => insertInTx(fieldsFromInput(input, newId()), clock.now())).immediate();
    },

    /**
     * Validates every input first and then writes all of them in one transaction: a file with one
     * bad row imports nothing. Issues are reported per item as `[index].field`.
     */
    createMany(inputs: readonly ImportItem[]): Entry[] {
      return db.transaction(() => {
        const now = clock.now();
        const issues: FieldIssue[] = [];
        const rows: EntryFields[] = [];
        for (const { input, id, remoteId, label } of inputs) {
          try {
            const f = fieldsFromInput(input, id ?? newId());
            if (remoteId && !f.account_id) throw ValidationError.one('remote_id', 'needs the account that holds it');
            f.remote_id = remoteId ?? null;
            const interval = intervalIssues(f.start_at, f.end_at, now, MAX_FUTURE_SECONDS);
            if (interval.length) throw new ValidationError(interval);
            rows.push(f);
          } catch (e) {
            if (!(e instanceof ValidationError)) throw e;
            issues.push(...e.issues.map((i) => ({ field: `${label}: ${i.field}`, rule: i.rule })));
          }
        }
        check(issues);
        return rows.map((f) => insertInTx(f, now));
      }).immediate();
    },

    edit(id: string, patch: EntryPatch): Entry {
      const p = parseOrThrow(entryPatchSchema, patch);
      return db.transaction(() => {
        const now = clock.now();
        const cur = liveRow(id);
        const tz = zone();
        const next: EntryFields = {
          id,
          description: p.description ?? cur.description,
          start_at: p.start ?? cur.start_at,
          end_at: p.end ?? cur.end_at,
          start_tz: p.start !== undefined && p.start !== cur.start_at ? tz : cur.start_tz,
          end_tz: p.end !== undefined && p.end !== cur.end_at ? tz : cur.end_tz,
          project_id: p.project_id !== undefined ? p.project_id : cur.project_id,
          task_id: p.task_id !== undefined ? p.task_id : cur.task_id,
          client_id: p.client_id !== undefined ? p.client_id : cur.client_id,
          tags: p.tags !== undefined ? JSON.stringify(p.tags) : cur.tags,
          billable: p.billable !== undefined ? (p.billable ? 1 : 0) : cur.billable,
          account_id: cur.account_id,
        };
        check(intervalIssues(next.start_at, next.end_at, now, MAX_FUTURE_SECONDS));
        const changed = (Object.keys(next) as (keyof EntryFields)[]).some((k) => next[k] !== cur[k]);
        if (!changed && cur.sync_error === null) return toEntry(byId.get(id)!);
        updateRow.run({ ...next, now });
        if (next.account_id) outbox.enqueue(id, 'update', now, cur.remote_id !== null);
        return toEntry(byId.get(id)!);
      }).immediate();
    },

    /** A local or never-sent entry just goes; one a server may hold stays as a tombstone until its delete is sent. */
    remove(id: string): RemoveResult {
      return db.transaction((): RemoveResult => {
        const now = clock.now();
        const cur = liveRow(id);
        if (!cur.account_id) {
          // A local entry that left an account may still owe it a delete: that row needs the entry.
          if (owedElsewhere.get(id)!.n > 0) {
            tombstone.run(now, now, id);
            return { id, outcome: 'queued' };
          }
          hardDelete.run(id);
          return { id, outcome: 'deleted' };
        }
        const r = outbox.enqueue(id, 'delete', now, cur.remote_id !== null);
        if (r === 'cancelled') {
          hardDelete.run(id);
          return { id, outcome: 'deleted' };
        }
        tombstone.run(now, now, id);
        return { id, outcome: 'queued' };
      }).immediate();
    },

    /**
     * Undo of a delete. A tombstone whose delete has not gone out comes back as it was; an entry
     * already gone is written again with its id and fields, and queued for sync again.
     */
    restore(e: Entry): Entry {
      // Undo brings back an entry Timetray made; any other id would be a new entry under a chosen name.
      if (!ID_PATTERN.test(e.id)) throw ValidationError.one('id', 'must be a Timetray id (26-character ULID)');
      return db.transaction((): Entry => {
        const now = clock.now();
        const row = rawById.get(e.id);
        if (row && row.deleted_at === null) return toEntry(byId.get(e.id)!);
        if (row) {
          untombstone.run(now, e.id);
          dropUnsentDelete.run(e.id);
          if (row.account_id) outbox.enqueue(e.id, 'update', now, row.remote_id !== null);
          return toEntry(byId.get(e.id)!);
        }
        const f = fieldsFromInput({
          description: e.description, start: e.start, end: e.end, project_id: e.project_id, task_id: e.task_id,
          client_id: e.client_id, tags: e.tags, billable: e.billable, account: e.account,
        }, e.id);
        return insertInTx(f, now);
      }).immediate();
    },

    /** Gives entries an account, moves them, or makes them local-only: all or nothing (entry-account.ts). */
    setAccount: moves.setAccount,
    resend: moves.resend,

    get(id: string): Entry {
      const r = byId.get(id);
      if (!r) throw new NotFoundError('entry', id);
      return toEntry(r);
    },

    list(q: ListQuery = {}): Entry[] {
      const z = zone();
      for (const k of ['from', 'to'] as const) {
        const v = q[k];
        if (v !== undefined && !isLocalDate(v)) throw ValidationError.one(k, 'must be a date YYYY-MM-DD');
      }
      if (q.from && q.to && q.from > q.to) throw ValidationError.one('to', 'must not be before from');
      const lo = q.from ? localDaysRange(q.from, q.from, z)[0] : Number.MIN_SAFE_INTEGER;
      const hi = q.to ? localDaysRange(q.to, q.to, z)[1] : Number.MAX_SAFE_INTEGER;
      const earliest = lo === Number.MIN_SAFE_INTEGER ? lo : lo - MAX_DURATION_SECONDS * 1000;
      return inRange.all({ hi, lo, earliest, limit: q.limit ?? -1 }).map(toEntry);
    },

    /** Entries overlapping the instant range [from, to), newest first. */
    listRange(from: number, to: number): Entry[] {
      return inRange.all({ hi: to, lo: from, earliest: from - MAX_DURATION_SECONDS * 1000, limit: -1 }).map(toEntry);
    },

    exists(id: string): boolean {
      return exists.get(id) !== undefined;
    },
  };
}

export type Entries = ReturnType<typeof createEntries>;
