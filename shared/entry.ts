/** What every surface (CLI JSON, IPC, export) shows of one time entry. */
export type SyncState = 'local' | 'pending' | 'synced' | 'attention';
/** Why an entry needs the user: its server refused it, or someone deleted its record there. */
export type AttentionKind = 'refused' | 'remote-deleted';

export interface EntrySync {
  state: SyncState;
  remote_id: string | null;
  /** The server's own message when `state` is `attention`. */
  error: string | null;
  /**
   * Why `state` is `attention` (null otherwise), so each surface can offer the way out that fits:
   * a refusal is fixed, moved or kept here; a record deleted on the server is sent again or let go.
   * The core always sets it; optional only so entries read back from older exports still type.
   */
  kind?: AttentionKind | null;
}

export interface Entry {
  id: string;
  description: string;
  /** UTC instant, ISO 8601 with milliseconds and `Z`. */
  start: string;
  end: string;
  duration_seconds: number;
  project_id: string | null;
  task_id: string | null;
  client_id: string | null;
  tags: string[];
  billable: boolean;
  /** Destination account name, or null for an entry that stays local. */
  account: string | null;
  sync: EntrySync;
}

/** The running timer: an entry without an end. */
export interface RunningTimer {
  id: string;
  description: string;
  start: string;
  elapsed_seconds: number;
  project_id: string | null;
  task_id: string | null;
  client_id: string | null;
  tags: string[];
  billable: boolean;
  account: string | null;
}

/**
 * A provider's id ('kukkingu'). The providers are listed once, by the connector registry in core
 * (electron/core/sync/connectors/index.ts), which validates every id; the window asks it for
 * the list (providers.list).
 */
export type Provider = string;

/**
 * What the settings window knows of a provider (from the registry in core, over providers.list):
 * enough to name it, pre-fill its base URL and ask for its context ids.
 */
export interface ProviderInfo {
  id: Provider;
  name: string;
  aliases: string[];
  default_base_url: string;
  context: { key: string; label: string; help: string; required: boolean }[];
}

/** The ids an account's provider needs besides its base URL and token, by the descriptor's keys. */
export type AccountContext = Record<string, string>;

/** An account as shown anywhere outside the core: never carries a secret. */
export interface Account {
  id: string;
  name: string;
  provider: Provider;
  base_url: string;
  context: AccountContext;
  /** Name of the environment variable the CLI reads the token from, if any. */
  token_env: string | null;
  /** True when a token is stored in the app's encrypted store. The token itself never leaves it. */
  has_stored_secret: boolean;
  is_default: boolean;
}

export type OutboxOp = 'create' | 'update' | 'delete';

export interface QueueItem {
  outbox_id: number;
  entry_id: string;
  account: string;
  op: OutboxOp;
  attempts: number;
  queued_at: string;
  next_attempt_at: string | null;
  last_error: string | null;
}

export interface QueueReport {
  queued: QueueItem[];
  /** Entries a server refused for good: they stay until edited or deleted. */
  attention: Entry[];
  /** Accounts whose backlog waits for a server: its published request budget, or its Retry-After. */
  drain?: DrainEstimate[];
}

/** When an account's queued changes should be through, and why not at once. */
export interface DrainEstimate {
  account: string;
  provider: Provider;
  changes: number;
  /** Expected time to send them all from now (ms), at the budget and after any hold. */
  estimate_ms: number;
  /** The server's Retry-After on the account (ISO), or null. */
  held_until: string | null;
  /** "about 10 min to send 400 changes at Moneybird's 150 requests / 5 min". */
  text: string;
}

/**
 * Fields an entry's account cannot carry: they stay on this computer, and every surface says so
 * ("tags stay local on Moneybird"). Only fields the entry actually uses are named.
 */
export interface LocalOnly {
  provider: Provider;
  /** Our field names, plus `time_of_day` where the API keeps a date and a duration only. */
  fields: string[];
  note: string;
}

/** One value a sync merge replaced or outvoted, kept so the user can see it and bring it back. */
export interface HistoryItem {
  /** Stable id: `timetray history ID --restore N` and the window's Restore name it. */
  id: number;
  at: string;
  /** Where the value that lost was made: on this computer, or on the server. */
  lost_from: 'local' | 'server';
  /** The losing values in entry terms (start/end as ISO instants, duration in seconds). */
  fields: Record<string, unknown>;
  note: string;
}

/** One record a server holds of an entry, in the server's precision. */
export interface HeldRecord {
  /** The record's local date (date-only APIs: the day it is booked on). */
  date: string;
  /** ISO instants where the API keeps times of day; null on date-only APIs. */
  start: string | null;
  end: string | null;
  seconds: number;
}

/**
 * What the entry's server holds when it rounds what the user typed ("Moneybird holds 09:00–10:31
 * (minutes, rounded down)"). The entry itself keeps the user's seconds.
 */
export interface HeldAs {
  provider: Provider;
  records: HeldRecord[];
  /** What is held, alone: "09:00–10:31", "1 h 31 min", "30 Nov 0 h 40 min, 1 Dec 1 h 20 min". */
  summary: string;
  note: string;
}

/** What the window receives for each entry: the entry, what stays local, how much history it has. */
export interface EntryView extends Entry {
  local_only: LocalOnly | null;
  history_count: number;
  /** Null when the server holds exactly the entry's values, or it is not synced yet. */
  held_as: HeldAs | null;
}

/** The result of giving entries an account, moving them, or making them local-only. */
export interface AccountMove {
  entries: Entry[];
  /** Ids that already had that account: nothing changed for them. */
  unchanged: string[];
  /** Entries whose copy on their former account is queued for deletion there. */
  remote_deletes: { id: string; account: string }[];
}

/** Removing an account while keeping its entries on this computer. */
export interface AccountRemoval {
  account: string;
  /** Entries that stay, now local. */
  kept_local: number;
  /** Queued changes that were never sent and now will not be. */
  dropped_changes: number;
}
