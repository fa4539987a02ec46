/**
 * The one object the renderer talks to main through (`window.timetray`), and its wire format.
 * Electron's preload and the browser host both build it from the same method table, so the
 * renderer cannot tell them apart. The receiving side checks every call's arguments
 * (bridge-schemas.ts) before the core sees them. No zod here: the preload bundle stays small.
 */
import type { CatalogEntry, CatalogRefresh, ConnectionResult } from './catalog';

export type { CatalogRefresh } from './catalog';
import type { Account, AccountMove, AccountRemoval, Entry, EntryView, HistoryItem, ProviderInfo, RunningTimer } from './entry';
import type { IdleChoice, IdlePrompt } from './idle';
import type { Report, ReportQuery } from './report';
import type { AccountForm, AccountFormPatch, ConnectionTarget, EntryInput, EntryPatch, TimerInput } from './schemas';
import { ValidationError, type FieldIssue } from './errors';

export interface StartResult {
  running: RunningTimer;
  stopped: Entry | null;
  discarded: RunningTimer | null;
  /** Set when the stopped timer could not end at the clock's time (the clock was set back). */
  notice?: string;
}

/** The stored entry; `notice` says what the user must know (the clock was set back before the start). */
export type StoppedEntry = Entry & { notice?: string };

export interface Settings {
  tray_tick: 'second' | 'minute';
  shortcut_toggle: string;
  shortcut_open: string;
  launch_at_login: boolean;
  /** Notify when a timer has run this long; 0 turns it off. */
  long_timer_minutes: number;
  billable_default: boolean;
  timezone: string | null;
  /** Minutes of idleness (with a timer running) before Timetray asks about the time away; 0 = never. */
  idle_threshold_minutes: number;
  remind_no_timer: boolean;
  /** ISO weekdays (1 = Monday) and local clock times, in the settings' time zone. */
  working_hours: WorkingHours;
  remind_every_minutes: number;
  pomodoro_work_minutes: number;
  pomodoro_break_minutes: number;
  /** The window's colours; 'system' follows the OS (the shell can hand it to nativeTheme.themeSource). */
  theme: 'system' | 'light' | 'dark';
}

export interface WorkingHours {
  days: number[];
  start: string;
  end: string;
}

export interface AccountSyncStatus {
  account: string;
  provider: string;
  state: 'ok' | 'offline' | 'paused' | 'error' | 'held' | 'skipped' | 'idle';
  pending: number;
  attention: number;
  last_success_at: string | null;
  last_error: string | null;
  /** state 'held': the server's Retry-After; nothing is sent before this instant, "Sync now" included. */
  held_until?: string | null;
  /** What is left and when it goes: "held until 14:05:30…", "about 10 min to send 400 changes at…". */
  note?: string | null;
}

export interface SyncStatus {
  online: boolean;
  running: boolean;
  /** False when this process runs without sync (the host's --no-sync): nothing is sent, Sync now does nothing. */
  enabled?: boolean;
  accounts: AccountSyncStatus[];
}

export interface AppInfo {
  zone: string;
  version: string;
  host: 'electron' | 'browser';
  /** Whether typed-in tokens are kept encrypted on disk (Electron's safeStorage) or only in memory. */
  secret_storage: 'encrypted' | 'memory' | 'none';
}

export interface PomodoroStatus {
  phase: 'work' | 'break';
  ends_at: string;
  round: number;
}

export interface IdleResolution {
  stopped: Entry | null;
  split: Entry | null;
  running: RunningTimer | null;
}

/** What changed: the renderer re-reads what it shows. `data` covers writes by any process (the CLI too). */
export type ChangeEvent =
  | { kind: 'data' }
  | { kind: 'sync'; status: SyncStatus }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'notice'; message: string }
  /** A reminder or pomodoro turn: the shell also shows it as a system notification. */
  | { kind: 'reminder'; message: string }
  /** The user came back after being away with a timer running: ask what to do with the time. */
  | { kind: 'idle'; prompt: IdlePrompt | null }
  | { kind: 'pomodoro'; status: PomodoroStatus | null };

export interface ListArgs {
  from?: string;
  to?: string;
  limit?: number;
}

export interface TimetrayBridge {
  timer: {
    status(): Promise<RunningTimer | null>;
    start(input: TimerInput): Promise<StartResult>;
    stop(): Promise<StoppedEntry>;
    discard(): Promise<RunningTimer | null>;
  };
  entries: {
    /**
     * Each with the fields that stay local on its account, how many history items it has, and
     * (held_as) what its server holds where that rounds what was typed.
     */
    list(q: ListArgs): Promise<EntryView[]>;
    create(input: EntryInput): Promise<Entry>;
    edit(id: string, patch: EntryPatch): Promise<Entry>;
    /** Returns the entry as it was, for undo. */
    remove(id: string): Promise<Entry>;
    /** Undo of a delete: the entry comes back with its id and fields, queued for sync again. */
    restore(entry: Entry): Promise<Entry>;
    /** Starts a timer with the entry's description, project, task, tags and account. */
    continue(id: string): Promise<StartResult>;
    /** What sync merges replaced on the entry: each value that lost, where and when. */
    history(id: string): Promise<HistoryItem[]>;
    /** Brings history item `item`'s values back as a local edit, queued for sync. */
    restoreHistory(id: string, item: number): Promise<Entry>;
    /** Gives entries an account or moves them (null: local-only); all or nothing. */
    setAccount(ids: string[], account: string | null): Promise<AccountMove>;
    /** "Send again": entries needing attention are queued for their account once more, as they are; all or nothing. */
    resend(ids: string[]): Promise<Entry[]>;
  };
  providers: {
    /** The services an account can sync to, from the connector registry: names, fields, default base URLs. */
    list(): Promise<ProviderInfo[]>;
  };
  accounts: {
    list(): Promise<Account[]>;
    /** A typed-in token goes to the secret store; it never comes back over the bridge. */
    add(form: AccountForm): Promise<Account>;
    update(name: string, patch: AccountFormPatch): Promise<Account>;
    /** Refused while changes wait, unless `keep_local`: then those are dropped and its entries stay local. */
    remove(name: string, options?: { keep_local?: boolean }): Promise<AccountRemoval | null>;
    /** Calls the API with the form's values (or a saved account's) and says what happened. */
    test(target: ConnectionTarget): Promise<ConnectionResult>;
  };
  catalog: {
    /** Projects, tasks and clients per account, from the cached list: works offline. */
    list(account?: string): Promise<CatalogEntry[]>;
    refresh(account: string): Promise<CatalogRefresh>;
  };
  reports: {
    get(q: ReportQuery): Promise<Report>;
    csv(q: ReportQuery): Promise<string>;
  };
  idle: {
    pending(): Promise<IdlePrompt | null>;
    resolve(promptId: string, choice: IdleChoice): Promise<IdleResolution>;
  };
  pomodoro: {
    status(): Promise<PomodoroStatus | null>;
    start(): Promise<PomodoroStatus | null>;
    stop(): Promise<null>;
  };
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
  | 'entries.history' | 'entries.restoreHistory' | 'entries.setAccount' | 'entries.resend'
  | 'providers.list' | 'accounts.list' | 'accounts.add' | 'accounts.update' | 'accounts.remove' | 'accounts.test'
  | 'catalog.list' | 'catalog.refresh' | 'reports.get' | 'reports.csv' | 'idle.pending' | 'idle.resolve'
  | 'pomodoro.status' | 'pomodoro.start' | 'pomodoro.stop'
  | 'settings.get' | 'settings.set' | 'sync.status' | 'sync.now' | 'app.info';

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
      restore: c('entries.restore'), continue: c('entries.continue'), history: c('entries.history'),
      restoreHistory: c('entries.restoreHistory'), setAccount: c('entries.setAccount'), resend: c('entries.resend'),
    },
    providers: { list: c('providers.list') },
    accounts: { list: c('accounts.list'), add: c('accounts.add'), update: c('accounts.update'), remove: c('accounts.remove'), test: c('accounts.test') },
    catalog: { list: c('catalog.list'), refresh: c('catalog.refresh') },
    reports: { get: c('reports.get'), csv: c('reports.csv') },
    idle: { pending: c('idle.pending'), resolve: c('idle.resolve') },
    pomodoro: { status: c('pomodoro.status'), start: c('pomodoro.start'), stop: c('pomodoro.stop') },
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
