/**
 * The one object the renderer talks to main through (`window.timetray`), and its wire format.
 * Electron's preload and the browser host both build it from the same method table, so the
 * renderer cannot tell them apart. The receiving side checks every call's arguments
 * (bridge-schemas.ts) before the core sees them. No zod here: the preload bundle stays small.
 */
import type { Account, Entry, RunningTimer } from './entry';
import type { EntryInput, EntryPatch, TimerInput } from './schemas';
import { ValidationError, type FieldIssue } from './errors';

export interface StartResult {
  running: RunningTimer;
  stopped: Entry | null;
  discarded: RunningTimer | null;
}

export interface Settings {
  tray_tick: 'second' | 'minute';
  shortcut_toggle: string;
  shortcut_open: string;
  launch_at_login: boolean;
  /** Notify when a timer has run this long; 0 turns it off. */
  long_timer_minutes: number;
  billable_default: boolean;
  timezone: string | null;
}

export interface AccountSyncStatus {
  account: string;
  provider: string;
  state: 'ok' | 'offline' | 'paused' | 'error' | 'idle';
  pending: number;
  attention: number;
  last_success_at: string | null;
  last_error: string | null;
}

export interface SyncStatus {
  online: boolean;
  running: boolean;
  accounts: AccountSyncStatus[];
}

export interface AppInfo {
  zone: string;
  version: string;
  host: 'electron' | 'browser';
}

/** What changed: the renderer re-reads what it shows. `data` covers writes by any process (the CLI too). */
export type ChangeEvent =
  | { kind: 'data' }
  | { kind: 'sync'; status: SyncStatus }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'notice'; message: string };

export interface ListArgs {
  from?: string;
  to?: string;
  limit?: number;
}

export interface TimetrayBridge {
  timer: {
    status(): Promise<RunningTimer | null>;
    start(input: TimerInput): Promise<StartResult>;
    stop(): Promise<Entry>;
    discard(): Promise<RunningTimer | null>;
  };
  entries: {
    list(q: ListArgs): Promise<Entry[]>;
    create(input: EntryInput): Promise<Entry>;
    edit(id: string, patch: EntryPatch): Promise<Entry>;
    /** Returns the entry as it was, for undo. */
    remove(id: string): Promise<Entry>;
    /** Undo of a delete: the entry comes back with its id and fields, queued for sync again. */
    restore(entry: Entry): Promise<Entry>;
    /** Starts a timer with the entry's description, project, task, tags and account. */
    continue(id: string): Promise<StartResult>;
  };
  accounts: { list(): Promise<Account[]> };
  settings: {
    get(): Promise<Settings>;
    set(patch: Partial<Settings>): Promise<Settings>;
  };
  sync: {
    status(): Promise<SyncStatus>;
    now(): Promise<SyncStatus>;
  };
  app: { info(): Promise<AppInfo> };
  onChange(listener: (e: ChangeEvent) => void): () => void;
}

/** Errors cross the wire as data, so a ValidationError keeps its fields on the other side. */
export type WireError = { name: string; message: string; issues?: FieldIssue[] };
export type Envelope = { ok: true; value: unknown } | { ok: false; error: WireError };

export function toWireError(e: unknown): WireError {
  if (e instanceof ValidationError) return { name: 'ValidationError', message: e.message, issues: e.issues };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** The receiving side's error, rebuilt: a ValidationError stays one, with its issues. */
export function fromWireError(w: WireError): Error {
  if (w.issues) return new ValidationError(w.issues);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

/** Builds the bridge object from a transport: `call` sends one method, `subscribe` delivers events. */
export type BridgeMethod =
  | 'timer.status' | 'timer.start' | 'timer.stop' | 'timer.discard'
  | 'entries.list' | 'entries.create' | 'entries.edit' | 'entries.remove' | 'entries.restore' | 'entries.continue'
  | 'accounts.list' | 'settings.get' | 'settings.set' | 'sync.status' | 'sync.now' | 'app.info';

export function createBridge(call: (method: BridgeMethod, args: unknown[]) => Promise<Envelope>, subscribe: TimetrayBridge['onChange']): TimetrayBridge {
  const c = <T>(method: BridgeMethod) => async (...args: unknown[]): Promise<T> => {
    const r = await call(method, args);
    if (!r.ok) throw fromWireError(r.error);
    return r.value as T;
  };
  return {
    timer: { status: c('timer.status'), start: c('timer.start'), stop: c('timer.stop'), discard: c('timer.discard') },
    entries: {
      list: c('entries.list'), create: c('entries.create'), edit: c('entries.edit'), remove: c('entries.remove'),
      restore: c('entries.restore'), continue: c('entries.continue'),
    },
    accounts: { list: c('accounts.list') },
    settings: { get: c('settings.get'), set: c('settings.set') },
    sync: { status: c('sync.status'), now: c('sync.now') },
    app: { info: c('app.info') },
    onChange: subscribe,
  };
}

declare global {
  interface Window {
    timetray?: TimetrayBridge;
  }
}
