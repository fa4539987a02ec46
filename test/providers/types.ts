/** What the contract suite needs of every fake provider, whatever its API looks like. */
import type { Provider } from '../../shared/entry';
import type { FakeServer } from './server';

/** A stored record in neutral terms, read straight from the fake's store (not through a connector). */
export interface Held {
  id: string;
  description: string;
  /** Epoch ms; null on date-only APIs. */
  start: number | null;
  /** The date the API files it under (date-only APIs), else null. */
  date: string | null;
  seconds: number;
  project_id: string | null;
  /** Our local id as the API keeps it (reference fields), else null. */
  ref: string | null;
  /** Kukkingu only: the billable resource the record names (a field we never own), else null. */
  billable_ref?: string | null;
}

/**
 * An edit made by another client (the web app). `seconds` is the length the user typed there; the
 * fake stores it as its API does (whole minutes on Voltasis and Kantata, the end moved on
 * Expensicat and Moneybird). `billable_ref` exists only on Kukkingu; any other fake refuses it.
 */
export interface RemoteEdit {
  description?: string;
  seconds?: number;
  project_id?: string;
  billable_ref?: string | null;
}

export interface FakeProvider extends FakeServer {
  readonly provider: Provider;
  /** What `accounts add` takes (the base URL, and the context ids this API needs by descriptor key). */
  account(): { base_url: string; context: Record<string, string> };
  held(): Held[];
  /** A record made elsewhere (the web app): pull must bring it in. */
  seedRemote(r: { description: string; start: number; seconds: number; project_id: string }): string;
  /**
   * An edit made elsewhere, stamped a second later than now (so it is newer than anything this
   * process just did). A bare string edits the description. Throws for an id the server does not hold.
   */
  editRemote(id: string, edit: string | RemoteEdit): void;
  /** A deletion made elsewhere (the web app). Throws for an id the server does not hold. */
  deleteRemote(id: string): void;
}

export const nowIso = () => new Date().toISOString();
/** The updated_at of an edit made elsewhere: a second later than now. */
export const laterIso = () => new Date(Date.now() + 1000).toISOString();

/** The edit as an object, whichever form the caller used. */
export const editOf = (e: string | RemoteEdit): RemoteEdit => (typeof e === 'string' ? { description: e } : e);

/** The stored record, or an error naming the id: a test editing a record that is not there is wrong. */
export function heldOrThrow<T>(store: Map<string, T>, id: string, provider: string): T {
  const r = store.get(id);
  if (!r) throw new Error(`${provider} fake: no record ${id} (it was never created, or was deleted)`);
  return r;
}
