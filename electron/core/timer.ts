/**
 * The running timer is a row, not memory: a crash or a reboot resumes it with its true start.
 * Its entry id is fixed at start, and stop moves the row into `entries` (plus the outbox row) in
 * one transaction, so a kill at any instant leaves either the running timer or the entry.
 */
import type { Database } from 'better-sqlite3';
import type { Entry, RunningTimer } from '../../shared/entry';
import { ValidationError } from '../../shared/errors';
import { parseOrThrow, timerInputSchema, type TimerInput } from '../../shared/schemas';
import { quickTimerInput, type CheckedTimerInput } from '../../shared/timer-input';
import { MAX_FUTURE_SECONDS } from '../../shared/limits';
import { localClockOf, localDateOf, toIso, truncateToSecond } from '../../shared/time';
import type { Accounts } from './accounts';
import type { Clock, ZoneSource } from './clock';
import type { Entries } from './entries';
import { newId } from './ids';
import type { Settings } from './settings';

interface TimerRow {
  entry_id: string;
  description: string;
  start_at: number;
  start_tz: string;
  project_id: string | null;
  task_id: string | null;
  client_id: string | null;
  tags: string;
  billable: 0 | 1;
  account_id: string | null;
  account_name: string | null;
}

export class NoTimerRunningError extends Error {
  constructor() {
    super('no timer running');
    this.name = 'NoTimerRunningError';
  }
}

export interface StopResult {
  entry: Entry;
  /** Set when the stop could not end at the clock's time: say it to the user. */
  notice: string | null;
}

export interface StartResult {
  running: RunningTimer;
  /** The timer that was running and was stopped at the same instant, if any. */
  stopped: Entry | null;
  /** A running timer under one second long is discarded rather than stored as an empty entry. */
  discarded: RunningTimer | null;
  /** Set when the stopped timer could not end at the clock's time (the clock was set back). */
  notice?: string;
}

/** What a timer needs to go on with the same work as an entry or a running timer: all but its times. */
export function sameWork(e: Entry | RunningTimer): TimerInput {
  return {
    description: e.description, project_id: e.project_id, task_id: e.task_id, client_id: e.client_id,
    tags: e.tags, billable: e.billable, account: e.account,
  };
}

export interface TimerDeps {
  db: Database;
  clock: Clock;
  zone: ZoneSource;
  entries: Entries;
  accounts: Accounts;
  settings: Settings;
}

export function createTimer(deps: TimerDeps) {
  const { db, clock, zone, entries, accounts, settings } = deps;
  const read = db.prepare<[], TimerRow>(
    `SELECT t.*, a.name AS account_name FROM running_timer t
       LEFT JOIN accounts a ON a.id = t.account_id WHERE t.slot = 1`,
  );
  // Positional, as the entry insert: binding by name looked up each field of an object per start.
  const insert = db.prepare<[string, string, number, string, string | null, string | null, string | null, string, 0 | 1, string | null]>(
    `INSERT INTO running_timer (slot, entry_id, description, start_at, start_tz, project_id, task_id,
       client_id, tags, billable, account_id)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const clear = db.prepare('DELETE FROM running_timer WHERE slot = 1');

  function toRunning(r: TimerRow, now: number): RunningTimer {
    return {
      id: r.entry_id,
      description: r.description,
      start: toIso(r.start_at),
      elapsed_seconds: Math.max(0, Math.floor((now - r.start_at) / 1000)),
      project_id: r.project_id,
      task_id: r.task_id,
      client_id: r.client_id,
      tags: JSON.parse(r.tags) as string[],
      billable: r.billable === 1,
      account: r.account_name,
    };
  }

  /** Stops `r` at `end` inside the caller's transaction. */
  function stopInTx(r: TimerRow, end: number, now: number): Entry {
    const entry = entries.insertInTx(
      {
        id: r.entry_id, description: r.description, start_at: r.start_at, end_at: end,
        start_tz: r.start_tz, end_tz: zone(), project_id: r.project_id, task_id: r.task_id,
        client_id: r.client_id, tags: r.tags, billable: r.billable, account_id: r.account_id,
      },
      now,
      r.account_name,
    );
    clear.run();
    return entry;
  }

  function resolveAt(at: number | undefined, now: number, field: string): number {
    const t = truncateToSecond(at ?? now);
    if (t > now + MAX_FUTURE_SECONDS * 1000) {
      throw ValidationError.one(field, `must not be more than ${MAX_FUTURE_SECONDS / 3600}h in the future`);
    }
    return t;
  }

  // Built once: the stop is the click users feel (bench: stop vs a bare INSERT).
  const stopTx = db.transaction((at: number | undefined): StopResult => {
    const now = clock.now();
    const r = read.get();
    if (!r) throw new NoTimerRunningError();
    // A click stops at the end of the current second, so the entry covers all the work
    // (start was floored) and a start/stop within one second still lasts 1 s.
    let end = at === undefined ? Math.ceil(now / 1000) * 1000 : resolveAt(at, now, 'at');
    let notice: string | null = null;
    if (at === undefined && end <= r.start_at) {
      // The wall clock was set back past the start: no true end is known, and refusing would
      // leave the timer running for ever. The shortest valid entry, and the user is told.
      end = r.start_at + 1000;
      if (now < r.start_at) notice = clockBackNotice(r.start_at, now);
    }
    try {
      return { entry: stopInTx(r, end, now), notice };
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      throw new ValidationError(e.issues.map((i) => (i.field === 'end' ? { ...i, field: 'at' } : i)));
    }
  });

  // Built once, as the stop's: a transaction function per call was a measurable part of the click.
  const startTx = db.transaction((v: CheckedTimerInput): StartResult => {
    const now = clock.now();
    const at = resolveAt(v.start, now, 'start');
    const account = accounts.resolve(v.account);
    const prev = read.get();
    let stopped: Entry | null = null;
    let discarded: RunningTimer | null = null;
    let notice: string | null = null;
    if (prev) {
      if (at < prev.start_at && v.start === undefined) {
        // Switching after the clock was set back: end the old timer as stop does, start the new one now.
        stopped = stopInTx(prev, prev.start_at + 1000, now);
        notice = clockBackNotice(prev.start_at, now);
      } else if (at < prev.start_at) {
        throw ValidationError.one('start', `must not be before the running timer's start (${toIso(prev.start_at)})`);
      } else if (at === prev.start_at) {
        discarded = toRunning(prev, now);
        clear.run();
      } else {
        stopped = stopInTx(prev, at, now);
      }
    }
    const row: TimerRow = {
      entry_id: newId(), description: v.description ?? '', start_at: at, start_tz: zone(),
      project_id: v.project_id ?? null, task_id: v.task_id ?? null, client_id: v.client_id ?? null,
      tags: JSON.stringify(v.tags ?? []),
      billable: (v.billable ?? settings.get('billable_default') ?? true) ? 1 : 0,
      account_id: account?.id ?? null, account_name: account?.name ?? null,
    };
    insert.run(row.entry_id, row.description, row.start_at, row.start_tz, row.project_id, row.task_id, row.client_id,
      row.tags, row.billable, row.account_id);
    // What was just written, not read back: the start is a click too (bench: start).
    return { running: toRunning(row, now), stopped, discarded, ...(notice && { notice }) };
  });

  function clockBackNotice(startAt: number, now: number): string {
    const z = zone();
    const at = (t: number) => `${localDateOf(t, z)} ${localClockOf(t, z)}`;
    return `The clock says ${at(now)}, before this timer's start (${at(startAt)}): it was set back. ` +
      'The entry was stored ending one second after its start; edit its end to the time you stopped.';
  }

  return {
    status(): RunningTimer | null {
      const r = read.get();
      return r ? toRunning(r, clock.now()) : null;
    },

    /** Starts a timer; one already running is stopped at the very instant the new one starts. */
    start(input: TimerInput = {}): StartResult {
      // zod only for what the quick check refuses: it names the field and the rule.
      return startTx.immediate(quickTimerInput(input) ?? parseOrThrow(timerInputSchema, input));
    },

    /** Stops the running timer at `at` (default now) and stores its entry, queued for sync. */
    stop(at?: number): Entry {
      return stopTx.immediate(at).entry;
    },

    /** As stop, with what the user must be told (the clock was set back before the start). */
    stopWithNotice(at?: number): StopResult {
      return stopTx.immediate(at);
    },

    /** Throws the running timer away: nothing is stored or sent. */
    discard(): RunningTimer | null {
      return db.transaction(() => {
        const r = read.get();
        if (!r) return null;
        clear.run();
        return toRunning(r, clock.now());
      }).immediate();
    },
  };
}

export type Timer = ReturnType<typeof createTimer>;
