/** Projects, tasks and clients the pickers offer, and what "Test connection" found. */

export type CatalogKind = 'project' | 'task' | 'client';

/** One remote project, task or client, as a connector lists it. */
export interface CatalogItem {
  kind: CatalogKind;
  id: string;
  name: string;
  /** A task's project. */
  parent_id: string | null;
}

/**
 * A picker's choice for one account. `remote`: listed by the service itself; `seen`: an id used
 * by this account's entries that no list names (services without a list endpoint, or an id
 * typed by hand), named by its id.
 */
export interface CatalogEntry extends CatalogItem {
  account: string;
  source: 'remote' | 'seen';
}

export interface ConnectionResult {
  ok: boolean;
  /** The HTTP status the service answered with, or null when it could not be reached. */
  status: number | null;
  message: string;
  ms: number;
}
