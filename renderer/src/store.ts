/**
 * The window's state and every action on it, over the bridge. An action resolves only after main
 * has committed the write; the list is then re-read, so what the window shows is what is stored.
 * Validation errors come back as field issues for the form that caused them.
 */
import { createStore } from 'zustand/vanilla';
import type { PomodoroStatus, Settings, SyncStatus, TimetrayBridge } from '../../shared/bridge';
import type { CatalogEntry } from '../../shared/catalog';
import type { Account, AccountMove, Entry, EntryView, HistoryItem, RunningTimer } from '../../shared/entry';
import type { IdleChoice, IdlePrompt } from '../../shared/idle';
import { ValidationError, type FieldIssue } from '../../shared/errors';
import type { EntryInput, EntryPatch, TimerInput } from '../../shared/schemas';
import { localDateOf } from '../../shared/time';
import { bindNames } from './use-names';

export interface AppState {
  ready: boolean;
  zone: string;
  timer: RunningTimer | null;
  entries: EntryView[];
  /** First local day shown. */
  from: string;
  sync: SyncStatus | null;
  settings: Settings | null;
  /** The last deleted entry, while it can still be brought back. */
  undo: Entry | null;
  /** The last discarded timer, while Undo can still start it again from its own start. */
  discarded: RunningTimer | null;
  /** A message for the status line (errors that belong to no field). */
  notice: string | null;
  view: View;
  accounts: Account[];
  /** Projects, tasks and clients of every account, as last fetched: pickers work offline. */
  catalog: CatalogEntry[];
  /** Time away with a timer running, waiting for the user's decision. */
  idle: IdlePrompt | null;
  pomodoro: PomodoroStatus | null;
  host: 'electron' | 'browser';
  secretStorage: 'encrypted' | 'memory' | 'none';
}

export type View = 'entries' | 'reports' | 'settings' | 'calendar';

export interface AppActions {
  init(): Promise<void>;
  refresh(): Promise<void>;
  showEarlier(days: number): Promise<void>;
  start(input: TimerInput): Promise<FieldIssue[] | null>;
  stop(): Promise<void>;
  discard(): Promise<void>;
  /** Runs the discarded timer again, from its first start, as if it had never stopped. */
  undoDiscard(): Promise<void>;
  create(input: EntryInput): Promise<FieldIssue[] | null>;
  edit(id: string, patch: EntryPatch): Promise<FieldIssue[] | null>;
  remove(id: string): Promise<void>;
  undoRemove(): Promise<void>;
  continueEntry(id: string): Promise<void>;
  history(id: string): Promise<HistoryItem[]>;
  /** Restores a history item as a local edit; field problems come back. */
  restoreHistory(id: string, item: number): Promise<FieldIssue[] | null>;
  /** Gives the entries an account or moves them (null: local-only); says what happened in the status line. */
  setAccount(ids: string[], account: string | null): Promise<FieldIssue[] | null>;
  /** "Send again": entries needing attention go to their account once more, as they are; says so in the status line. */
  resend(ids: string[]): Promise<FieldIssue[] | null>;
  syncNow(): Promise<void>;
  dismissNotice(): void;
  dismissUndo(): void;
  setView(v: View): void;
  /** Saves settings; field problems come back for the form. */
  saveSettings(patch: Partial<Settings>): Promise<FieldIssue[] | null>;
  loadAccounts(): Promise<void>;
  resolveIdle(choice: IdleChoice): Promise<FieldIssue[] | null>;
  startPomodoro(): Promise<void>;
  stopPomodoro(): Promise<void>;
  /** The bridge itself, for views that own their data (reports, account forms). */
  bridge: TimetrayBridge;
}

export type AppStore = ReturnType<typeof createAppStore>;

const DAY = 86_400_000;
export const DEFAULT_DAYS = 14;

export function createAppStore(bridge: TimetrayBridge, now: () => number = Date.now) {
  const store = createStore<AppState & AppActions>()((set, get) => {
    /** Runs a write; field problems are returned, anything else goes to the status line. */
    async function write(fn: () => Promise<unknown>): Promise<FieldIssue[] | null> {
      try {
        await fn();
        set({ notice: null });
        await get().refresh();
        return null;
      } catch (e) {
        if (e instanceof ValidationError) return e.issues;
        set({ notice: e instanceof Error ? e.message : String(e) });
        await get().refresh();
        return null;
      }
    }

    return {
      ready: false,
      zone: 'UTC',
      timer: null,
      entries: [],
      from: '',
      sync: null,
      settings: null,
      undo: null,
      discarded: null,
      notice: null,
      view: 'entries',
      accounts: [],
      catalog: [],
      idle: null,
      pomodoro: null,
      host: 'browser',
      secretStorage: 'none',
      bridge,

      async init() {
        const info = await bridge.app.info();
        set({ zone: info.zone, host: info.host, secretStorage: info.secret_storage, from: localDateOf(now() - (DEFAULT_DAYS - 1) * DAY, info.zone) });
        bridge.onChange((e) => {
          if (e.kind === 'data') void get().refresh();
          else if (e.kind === 'sync') {
            // A finished pass may have brought new projects and tasks for the pickers.
            if (get().sync?.running && !e.status.running) void get().loadAccounts();
            set({ sync: e.status });
          } else if (e.kind === 'settings') set({ settings: e.settings, zone: e.settings.timezone ?? get().zone });
          else if (e.kind === 'notice' || e.kind === 'reminder') set({ notice: e.message });
          else if (e.kind === 'idle') set({ idle: e.prompt });
          else if (e.kind === 'pomodoro') set({ pomodoro: e.status });
        });
        const [settings, sync, idle, pomodoro] = await Promise.all([bridge.settings.get(), bridge.sync.status(), bridge.idle.pending(), bridge.pomodoro.status()]);
        set({ settings, sync, idle, pomodoro });
        await get().loadAccounts();
        await get().refresh();
        set({ ready: true });
      },

      async refresh() {
        // Sync state and accounts too: an account the CLI added shows in the sync bar without a reload.
        const [timer, entries, sync, accounts] = await Promise.all([
          bridge.timer.status(), bridge.entries.list({ from: get().from }), bridge.sync.status(), bridge.accounts.list(),
        ]);
        set({ timer, entries, sync, accounts });
      },

      async showEarlier(days) {
        const first = Date.parse(`${get().from}T12:00:00Z`);
        set({ from: new Date(first - days * DAY).toISOString().slice(0, 10) });
        await get().refresh();
      },

      async start(input) {
        // A switch after the clock was set back stops the old timer one second long: say so.
        let notice: string | undefined;
        const problems = await write(async () => ({ notice } = await bridge.timer.start(input)));
        // A new timer runs: the discarded one can no longer come back before it.
        if (!problems) set({ discarded: null });
        if (notice) set({ notice });
        return problems;
      },
      async stop() {
        // A clock set back before the start still stops; main says what it did instead.
        let notice: string | undefined;
        await write(async () => ({ notice } = await bridge.timer.stop()));
        if (notice) set({ notice });
      },
      discard: async () => void (await write(async () => set({ discarded: await bridge.timer.discard(), undo: null }))),
      async undoDiscard() {
        const t = get().discarded;
        if (!t) return;
        set({ discarded: null });
        // Ids the timer did not have stay out: the input takes a missing id, not a null one.
        await write(() => bridge.timer.start({
          description: t.description, tags: t.tags, billable: t.billable, account: t.account, start: t.start,
          ...(t.project_id && { project_id: t.project_id }), ...(t.task_id && { task_id: t.task_id }), ...(t.client_id && { client_id: t.client_id }),
        }));
      },
      create: (input) => write(() => bridge.entries.create(input)),
      edit: (id, patch) => write(() => bridge.entries.edit(id, patch)),
      async remove(id) {
        await write(async () => set({ undo: await bridge.entries.remove(id), discarded: null }));
      },
      async undoRemove() {
        const e = get().undo;
        if (!e) return;
        set({ undo: null });
        await write(() => bridge.entries.restore(e));
      },
      continueEntry: async (id) => void (await write(() => bridge.entries.continue(id))),
      history: (id) => bridge.entries.history(id),
      restoreHistory: (id, item) => write(() => bridge.entries.restoreHistory(id, item)),
      async setAccount(ids, account) {
        let r: AccountMove | null = null;
        const problems = await write(async () => (r = await bridge.entries.setAccount(ids, account)));
        if (r) set({ notice: moveText(r, account) });
        return problems;
      },
      async resend(ids) {
        let r: Entry[] = [];
        const problems = await write(async () => (r = await bridge.entries.resend(ids)));
        if (r.length) set({ notice: resendText(r) });
        return problems;
      },
      async syncNow() {
        set({ sync: await bridge.sync.now() });
      },
      dismissNotice: () => set({ notice: null }),
      dismissUndo: () => set({ undo: null, discarded: null }),
      setView: (view) => set({ view }),
      async saveSettings(patch) {
        try {
          set({ settings: await bridge.settings.set(patch) });
          return null;
        } catch (e) {
          if (e instanceof ValidationError) return e.issues;
          set({ notice: e instanceof Error ? e.message : String(e) });
          return null;
        }
      },
      async loadAccounts() {
        const [accounts, catalog] = await Promise.all([bridge.accounts.list(), bridge.catalog.list()]);
        set({ accounts, catalog });
      },
      async resolveIdle(choice) {
        const p = get().idle;
        if (!p) return null;
        const problems = await write(() => bridge.idle.resolve(p.id, choice));
        if (!problems) set({ idle: await bridge.idle.pending() });
        return problems;
      },
      async startPomodoro() {
        set({ pomodoro: await bridge.pomodoro.start() });
        await get().refresh();
      },
      async stopPomodoro() {
        await bridge.pomodoro.stop();
        set({ pomodoro: null });
      },
    };
  });
  // Project pills anywhere in the window read their names from this store.
  bindNames(store);
  return store;
}

function moveText(r: AccountMove, account: string | null): string {
  const n = r.entries.length;
  const parts = [`${n} entr${n === 1 ? 'y' : 'ies'} ${account ? `now go${n === 1 ? 'es' : ''} to ${account}` : `now stay${n === 1 ? 's' : ''} on this computer only`}`];
  if (r.unchanged.length) parts.push(`${r.unchanged.length} already ${account ? `on ${account}` : 'local'}`);
  for (const acct of new Set(r.remote_deletes.map((d) => d.account))) {
    const k = r.remote_deletes.filter((d) => d.account === acct).length;
    parts.push(`${k} cop${k === 1 ? 'y' : 'ies'} on ${acct} will be deleted there at the next sync`);
  }
  return `${parts.join('; ')}.`;
}

function resendText(r: readonly Entry[]): string {
  const name = (e: Entry) => `“${e.description || '(no description)'}”`;
  const accounts = [...new Set(r.map((e) => e.account))].join(', ');
  return `${r.length === 1 ? name(r[0]!) : `${r.length} entries`} will be sent to ${accounts} again at the next sync.`;
}
