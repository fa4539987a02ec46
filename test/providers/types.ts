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
}

export interface FakeProvider extends FakeServer {
  readonly provider: Provider;
  /** Options for `accounts add` (the base URL and the context ids this API needs). */
  account(): { base_url: string; org?: string; tenant?: string; administration?: string; user?: string };
  held(): Held[];
  /** A record made elsewhere (the web app): pull must bring it in. */
  seedRemote(r: { description: string; start: number; seconds: number; project_id: string }): string;
  /** An edit made elsewhere. */
  editRemote(id: string, description: string): void;
}

export const nowIso = () => new Date().toISOString();
