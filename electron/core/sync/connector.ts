/**
 * One interface for every remote API. A connector is a pure mapping plus a few HTTP calls; the
 * engine (push.ts, pull.ts) owns ordering, retries, reconciliation and the database.
 *
 * A local entry maps to one or more remote *pieces*. APIs with start and end times take the whole
 * entry as one piece (key ''); date-only APIs (Kantata, Kukkingu) take one piece per local day
 * (key 'YYYY-MM-DD'), all mapped back to the one local entry.
 */
import type { z } from 'zod';
import type { CatalogCapability, CatalogItem } from '../../../shared/catalog';
import type { AccountContext, Provider } from '../../../shared/entry';
import type { SyncError } from './errors';
import type { Http } from './http';
import type { RateLimit } from './pacer';

/** What a connector needs of a local entry. Instants are epoch ms; `zone` is the entry's IANA zone. */
export interface LocalEntry {
  id: string;
  description: string;
  start: number;
  end: number;
  zone: string;
  project_id: string | null;
  task_id: string | null;
  client_id: string | null;
  tags: string[];
  billable: boolean;
}

/** One remote record to write: its key within the entry and the API's own body. */
export interface PieceBody {
  key: string;
  body: Record<string, unknown>;
  /** The piece's own length (date-only pieces of a split entry); else the entry's. */
  seconds: number;
  /**
   * The fields the server echoes back, in the form `RemoteRecord.comparable` takes: equal exactly
   * when the server holds what we sent. Snapshots store this, never the raw body.
   */
  compare: Record<string, unknown>;
}

/** A piece the engine has created before (or found again by lookup). */
export interface PieceRef {
  key: string;
  remoteId: string;
  /** The record as a lookup found it (what the server holds), where known. */
  held?: RemoteRecord;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SyncError };

/** A remote record read back by list/lookup, in our terms. */
export interface RemoteRecord {
  remoteId: string;
  /** '' for whole-entry APIs; the local date for date-only ones. */
  key: string;
  /** The API's reference back to our local id, where it keeps one. */
  localId: string | null;
  description: string;
  /** Date-only APIs know no time of day: start is local midnight of `date`. */
  start: number;
  end: number;
  date: string;
  project_id: string | null;
  task_id: string | null;
  client_id: string | null;
  tags: string[] | null;
  billable: boolean | null;
  /** The fields in the form `pieces()` produces, to compare with what we last sent. */
  comparable: Record<string, unknown>;
  updatedAt: number | null;
  /**
   * The record's own fields as the server sent them (inside its envelope). A connector whose update
   * replaces the whole record reads the fields we do not own from here, so a PUT does not erase them.
   */
  raw?: Record<string, unknown>;
}

export interface Capabilities {
  /** Largest number of creates in one request (1: no bulk). */
  bulkCreate: number;
  /** false: the API stores a date and a duration only; entries are split per local day. */
  timeOfDay: boolean;
  tags: boolean;
  /**
   * How the server keeps the length it is sent: 'seconds' as sent; 'minutes' in whole minutes,
   * nearest, never 0 (a time-of-day API keeps the times but counts the minutes); 'minutes-floor'
   * start and end rounded down to the minute. The held-as note and the contract suite's judge read it.
   */
  precision: 'seconds' | 'minutes' | 'minutes-floor';
  /** The API stores our local id and can be searched by it (else lookup matches a fingerprint). */
  lookupByReference: boolean;
  updateVerb: 'PUT' | 'PATCH';
  pagination: 'page' | 'cursor' | 'none';
  /** Fields the API cannot carry: they stay local, and the UI says so. */
  localOnlyFields: readonly string[];
  /**
   * Where the pickers' projects, tasks and clients come from: the API's own list endpoints
   * ('remote': the connector has `catalog()`), or, where it documents none, only the ids the
   * account's entries already use ('seen-only').
   */
  catalog: CatalogCapability;
  /** The service's published request budget: every request to the account is paced inside it (pacer.ts). */
  rateLimit?: RateLimit;
}

export interface AccountConfig {
  baseUrl: string;
  context: AccountContext;
  token: string;
}

export interface Connector {
  readonly provider: Provider;
  readonly capabilities: Capabilities;
  /**
   * The remote records `entry` should be, as API bodies. Pure. An Outcome error (class
   * 'refused') means the entry cannot be sent as it is (e.g. under Moneybird's one minute).
   */
  pieces(entry: LocalEntry): Outcome<PieceBody[]>;
  /** Creates pieces, in bulk where the API allows; one result per input, in order. */
  create(items: readonly { entryId: string; piece: PieceBody }[]): Promise<Outcome<string>[]>;
  /**
   * Writes `piece` over the record. Where the API's update replaces the whole record (Kukkingu's
   * PUT), every field the record holds is sent: ours from `piece`, the ones we do not own from
   * `held.raw` (the record as last read, by get() or list()); without `held` those are lost on the
   * server. APIs that update partially ignore `held`.
   */
  update(remoteId: string, piece: PieceBody, entry: LocalEntry, held?: RemoteRecord): Promise<Outcome<void>>;
  /**
   * The record the server will hold once it has `piece`, read as list() would read it back. Pure.
   * It is the merge base after a push, so a server that rounds (minutes, per-day records) never
   * looks like it edited what the user typed. With `held` (what update() was given), the fields
   * update() carried over from it are in the echo too.
   */
  echo(piece: PieceBody, zone: string, held?: RemoteRecord): RemoteRecord;
  /**
   * One record by id, read exactly as list() reads records (for date-only APIs its key is its
   * date). `null` when the server answers 404 or 410: it no longer has the record. A record that
   * exists but is not a finished entry (a running timer) is an error, never `null`.
   */
  get(remoteId: string, zone: string): Promise<Outcome<RemoteRecord | null>>;
  /** Deleting a record the server no longer has counts as done. */
  remove(remoteId: string): Promise<Outcome<void>>;
  /**
   * Finds remote records an earlier create with an unknown outcome may have left: by the API's
   * reference field where it has one, else by listing the day and matching start, duration and
   * description. `taken` are remote ids already mapped to other local entries.
   */
  lookup(entry: LocalEntry, pieces: readonly PieceBody[], taken: ReadonlySet<string>): Promise<Outcome<PieceRef[]>>;
  /** Remote records whose dates fall in [from, to] (local dates), across all pages. */
  list(from: string, to: string, zone: string): Promise<Outcome<RemoteRecord[]>>;
  /** A cheap authenticated request: is the account reachable and the token good? */
  probe(): Promise<Outcome<void>>;
  /**
   * Projects, tasks and clients from the API's own list endpoints, across all pages; present
   * exactly when `capabilities.catalog` is 'remote'. All or nothing: a failed page fails the lot,
   * so a partial list never replaces the cached one.
   */
  catalog?(): Promise<Outcome<CatalogItem[]>>;
}

export interface ConnectorFactory {
  (account: AccountConfig, http: Http): Connector;
}

/** One id an account of a provider needs besides its base URL and token (Kukkingu's tenant). */
export interface ContextField {
  /**
   * Its key in the account's context (stored as JSON on the account: renaming one needs a
   * migration). Two providers that need the same id share the key, and with it the CLI flag.
   */
  key: string;
  /** `accounts add`'s option for it, in commander's form: '--tenant <id>'. */
  flag: string;
  /** The form's label and the CLI's help: what it is, where to find it. */
  label: string;
  help: string;
  required: boolean;
  /** The value's rule (trimmed text); its message follows the field's name in a refusal. */
  schema: z.ZodType<string, string>;
}

/** Everything the rest of the program knows of a provider: see connectors/index.ts. */
export interface ProviderDescriptor {
  /** Stored on the account and typed after --provider: never renamed (accounts keep it). */
  id: Provider;
  /** For people: "Kukkingu holds 1 h 31 min", "context.tenant: required for Kukkingu". */
  name: string;
  /** Other names accepted on input for this provider ('orgapi'). */
  aliases?: readonly string[];
  /** What the settings form pre-fills as the base URL (everything before the API's paths). */
  defaultBaseUrl: string;
  context: readonly ContextField[];
  capabilities: Capabilities;
  connect: ConnectorFactory;
}
