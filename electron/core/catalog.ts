/**
 * The pickers' lists per account: what the service listed last time (replaced whole on each
 * fetch, so what was removed upstream goes), plus the ids this account's entries use that no
 * list names — the only list there is for services without such an endpoint. Read offline.
 */
import type { Database } from 'better-sqlite3';
import type { CatalogEntry, CatalogItem, CatalogKind } from '../../shared/catalog';

interface Row {
  account: string;
  kind: CatalogKind;
  remote_id: string;
  name: string;
  parent_id: string | null;
}

export function createCatalog(db: Database) {
  const remove = db.prepare('DELETE FROM catalog WHERE account_id = ?');
  const insert = db.prepare(
    'INSERT OR REPLACE INTO catalog (account_id, kind, remote_id, name, parent_id, fetched_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const remote = db.prepare<[string | null, string | null], Row>(
    `SELECT a.name AS account, c.kind, c.remote_id, c.name, c.parent_id FROM catalog c JOIN accounts a ON a.id = c.account_id
      WHERE (? IS NULL OR a.name = ?) ORDER BY a.name, c.kind, c.name COLLATE NOCASE`,
  );
  const seen = db.prepare<[string | null, string | null], { account: string; kind: CatalogKind; id: string; parent: string | null }>(
    `SELECT a.name AS account, x.kind, x.id, max(x.parent) AS parent FROM (
        SELECT account_id, 'project' AS kind, project_id AS id, NULL AS parent FROM entries WHERE project_id IS NOT NULL AND deleted_at IS NULL
        UNION ALL SELECT account_id, 'task', task_id, project_id FROM entries WHERE task_id IS NOT NULL AND deleted_at IS NULL
        UNION ALL SELECT account_id, 'client', client_id, NULL FROM entries WHERE client_id IS NOT NULL AND deleted_at IS NULL
      ) x JOIN accounts a ON a.id = x.account_id
      WHERE (? IS NULL OR a.name = ?) GROUP BY a.name, x.kind, x.id`,
  );
  const fetched = db.prepare<[string], { at: number | null }>('SELECT max(fetched_at) AS at FROM catalog WHERE account_id = ?');

  return {
    /** Replaces the account's fetched list in one transaction. */
    replaceRemote(accountId: string, items: readonly CatalogItem[], at: number): void {
      db.transaction(() => {
        remove.run(accountId);
        for (const i of items) insert.run(accountId, i.kind, i.id, i.name, i.parent_id, at);
      }).immediate();
    },
    list(accountName?: string): CatalogEntry[] {
      const name = accountName ?? null;
      const out: CatalogEntry[] = remote.all(name, name).map((r) => ({
        account: r.account, kind: r.kind, id: r.remote_id, name: r.name, parent_id: r.parent_id, source: 'remote',
      }));
      const known = new Set(out.map((c) => `${c.account}\u0000${c.kind}\u0000${c.id}`));
      for (const s of seen.all(name, name)) {
        if (!known.has(`${s.account}\u0000${s.kind}\u0000${s.id}`)) out.push({ account: s.account, kind: s.kind, id: s.id, name: s.id, parent_id: s.parent, source: 'seen' });
      }
      return out;
    },
    fetchedAt(accountId: string): number | null {
      return fetched.get(accountId)?.at ?? null;
    },
  };
}

export type Catalog = ReturnType<typeof createCatalog>;
