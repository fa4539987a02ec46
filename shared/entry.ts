/** What every surface (CLI JSON, IPC, export) shows of one time entry. */
export type SyncState = 'local' | 'pending' | 'synced' | 'attention';

export interface EntrySync {
  state: SyncState;
  remote_id: string | null;
  /** The server's own message when `state` is `attention`. */
  error: string | null;
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

export const PROVIDERS = ['voltasis', 'kantata', 'kukkingu', 'expensicat', 'moneybird'] as const;
export type Provider = (typeof PROVIDERS)[number];
/** Names accepted on input that mean a canonical provider. */
export const PROVIDER_ALIASES: Readonly<Record<string, Provider>> = { orgapi: 'expensicat' };

export interface AccountContext {
  org?: string;
  tenant?: string;
  administration?: string;
  user?: string;
}

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
}
