/** Projects, tasks and clients the pickers offer, and what "Test connection" found. Types only. */

export type CatalogKind = 'project' | 'task' | 'client';

/** One remote project, task or client, as a connector lists it. Ids are strings everywhere. */
export interface CatalogItem {
  kind: CatalogKind;
  id: string;
  name: string;
  /** A task's project; null for projects and clients. */
  parent_id: string | null;
}

/**
 * Where a picker's choice comes from. `remote`: listed by the service itself (cached, so it is
 * there offline too); `seen`: an id used by this account's entries (local or pulled) that no list
 * names — services without a list endpoint, or an id typed by hand — named by its id.
 */
export type CatalogSource = 'remote' | 'seen';

/** A picker's choice for one account. */
export interface CatalogEntry extends CatalogItem {
  /** The account's name. */
  account: string;
  source: CatalogSource;
}

/**
 * Whether a service lists its projects (tasks, clients) at all: 'remote' where it documents list
 * endpoints, 'seen-only' where it documents none and the pickers offer the ids already used.
 */
export type CatalogCapability = 'remote' | 'seen-only';

/** What fetching an account's list did. A failed fetch leaves the cached list as it was. */
export interface CatalogRefresh {
  ok: boolean;
  /** Choices the account now offers (remote and seen). */
  count: number;
  /** Why the fetch failed, free of secrets; null when it worked. */
  error: string | null;
}

/** "Test connection": the connector's cheap authenticated request, in words a user can act on. */
export interface ConnectionResult {
  ok: boolean;
  /** The HTTP status the service answered with, or null when it could not be reached. */
  status: number | null;
  /** Never contains the token. */
  message: string;
  /** How long it took. */
  ms: number;
}
