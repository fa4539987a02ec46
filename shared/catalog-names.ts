/**
 * Names for the ids entries carry: projects, tasks and clients per account, from the cached
 * catalog; a project's client from the catalog when a service links them, else from the entries
 * that used both (the latest wins); an id no list names stays its id. Pure: the renderer's pills
 * and pickers and the core's reports read names the same way.
 */
import type { CatalogEntry, CatalogKind } from './catalog';

export interface NameIndex {
  /** The name of `id` of `kind` on `account` (null: local entries), or null when no list names it. */
  name(kind: CatalogKind, account: string | null, id: string | null | undefined): string | null;
  /** The client a project belongs to, as far as is known (catalog first, then the entries). */
  clientOf(account: string | null, project: string | null | undefined): string | null;
}

/** What the entries say about projects: which client each was used with. */
export interface UsedWith {
  account: string | null;
  project_id: string | null;
  client_id: string | null;
  start: string;
}

const key = (account: string | null, kind: string, id: string) => `${account ?? ''}\u0000${kind}\u0000${id}`;

export function nameIndex(catalog: readonly CatalogEntry[], entries: readonly UsedWith[] = []): NameIndex {
  const names = new Map<string, string>();
  const clients = new Map<string, string>();
  for (const c of catalog) {
    // 'seen' rows are named by their id: no better than the fallback, and a remote name wins.
    if (c.source === 'remote' || !names.has(key(c.account, c.kind, c.id))) names.set(key(c.account, c.kind, c.id), c.name);
    if (c.kind === 'project' && c.parent_id) clients.set(key(c.account, 'project', c.id), c.parent_id);
  }
  // The latest entry decides when a project was used with several clients.
  const fromEntries = new Map<string, { client: string; start: string }>();
  for (const e of entries) {
    if (!e.project_id || !e.client_id) continue;
    const k = key(e.account, 'project', e.project_id);
    const had = fromEntries.get(k);
    if (!had || e.start > had.start) fromEntries.set(k, { client: e.client_id, start: e.start });
  }
  return {
    name(kind, account, id) {
      if (!id) return null;
      return names.get(key(account, kind, id)) ?? null;
    },
    clientOf(account, project) {
      if (!project) return null;
      const k = key(account, 'project', project);
      return clients.get(k) ?? fromEntries.get(k)?.client ?? null;
    },
  };
}

/** The name to show: the catalog's, or the id itself when no list names it. */
export function labelOf(ix: NameIndex, kind: CatalogKind, account: string | null, id: string): string {
  return ix.name(kind, account, id) ?? id;
}
