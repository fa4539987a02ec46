/**
 * The window's names for ids, from the one app store: the store binds itself here when created,
 * so a pill deep in a row reads names without every parent passing the catalog down.
 */
import { useSyncExternalStore } from 'react';
import type { CatalogEntry } from '../../shared/catalog';
import type { Account } from '../../shared/entry';
import { nameIndex, type NameIndex, type UsedWith } from './names';

interface Source {
  getState(): { catalog: CatalogEntry[]; entries: readonly UsedWith[]; accounts: Account[] };
  subscribe(listener: () => void): () => void;
}

let source: Source | null = null;
const none = () => () => {};
const EMPTY: CatalogEntry[] = [];

/** Called by createAppStore: the last store created is the window's. */
export function bindNames(s: Source): void {
  source = s;
}

// One index for all pills: rebuilt only when the catalog or the entries change.
let last: { catalog: readonly CatalogEntry[]; entries: readonly UsedWith[]; index: NameIndex } | null = null;
function indexFor(catalog: readonly CatalogEntry[], entries: readonly UsedWith[]): NameIndex {
  if (!last || last.catalog !== catalog || last.entries !== entries) last = { catalog, entries, index: nameIndex(catalog, entries) };
  return last.index;
}

export function useNameIndex(): NameIndex {
  const catalog = useSyncExternalStore(source?.subscribe ?? none, () => source?.getState().catalog ?? EMPTY);
  const entries = useSyncExternalStore(source?.subscribe ?? none, () => source?.getState().entries ?? EMPTY);
  return indexFor(catalog, entries as readonly UsedWith[]);
}

/** The catalog itself, for the pickers. */
export function useCatalog(): CatalogEntry[] {
  return useSyncExternalStore(source?.subscribe ?? none, () => source?.getState().catalog ?? EMPTY);
}

/** The entries as far as names care (account, project, client, start): for recent-first pickers. */
export function useUsedWith(): readonly UsedWith[] {
  return useSyncExternalStore(source?.subscribe ?? none, () => source?.getState().entries ?? EMPTY_USED);
}
const EMPTY_USED: readonly UsedWith[] = [];

/** The accounts, for an editor opened deep in a row. */
export function useAccounts(): Account[] {
  return useSyncExternalStore(source?.subscribe ?? none, () => source?.getState().accounts ?? EMPTY_ACCOUNTS);
}
const EMPTY_ACCOUNTS: Account[] = [];
