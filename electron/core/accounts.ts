/** Destination accounts. Secrets are never stored here: only an env var name or a store key. */
import type { Database } from 'better-sqlite3';
import type { Account, AccountContext, AccountRemoval, Provider } from '../../shared/entry';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { accountFormPatchSchema, accountInputSchema, parseOrThrow, type AccountFormPatch, type AccountInput } from '../../shared/schemas';
import { immediate } from './db';
import { newId } from './ids';
import { descriptorOf, providerNamed } from './sync/connectors';
import { checkContext } from './sync/connectors/context-field';

interface AccountRow {
  id: string;
  name: string;
  provider: Provider;
  base_url: string;
  context: string;
  token_env: string | null;
  secret_ref: string | null;
  is_default: 0 | 1;
}

function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    name: r.name,
    provider: r.provider,
    base_url: r.base_url,
    context: JSON.parse(r.context) as AccountContext,
    token_env: r.token_env,
    has_stored_secret: r.secret_ref !== null,
    is_default: r.is_default === 1,
  };
}

export function createAccounts(db: Database, now: () => number) {
  const byName = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE name = ?');
  const byId = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?');
  const all = db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY name');
  const defaultRow = db.prepare<[], AccountRow>('SELECT * FROM accounts WHERE is_default = 1');
  const clearDefault = db.prepare('UPDATE accounts SET is_default = 0 WHERE is_default = 1');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts');
  const insert = db.prepare(
    `INSERT INTO accounts (id, name, provider, base_url, context, token_env, is_default, created_at)
     VALUES (@id, @name, @provider, @base_url, @context, @token_env, @is_default, @created_at)`,
  );

  const update = db.prepare('UPDATE accounts SET base_url = @base_url, context = @context, token_env = @token_env WHERE id = @id');
  const setDefault = db.prepare('UPDATE accounts SET is_default = 1 WHERE id = ?');
  const setSecret = db.prepare('UPDATE accounts SET secret_ref = ? WHERE id = ?');
  // Rows owed to the account: its entries' own, and deletes left behind by entries moved away.
  const queued = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM outbox o JOIN entries e ON e.id = o.entry_id WHERE coalesce(o.account_id, e.account_id) = ?',
  );
  const dropQueued = db.prepare(
    'DELETE FROM outbox WHERE id IN (SELECT o.id FROM outbox o JOIN entries e ON e.id = o.entry_id WHERE coalesce(o.account_id, e.account_id) = ?)');
  const keptCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM entries WHERE account_id = ? AND deleted_at IS NULL');
  const detach = [
    db.prepare('UPDATE entries SET account_id = NULL, remote_id = NULL, sync_error = NULL, sync_kind = NULL WHERE account_id = ? AND deleted_at IS NULL'),
    // A tombstone still owing another account its delete stays for that row; the rest go.
    db.prepare(`DELETE FROM entries WHERE account_id = ? AND deleted_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entry_id = entries.id AND o.account_id IS NOT NULL)`),
    db.prepare('UPDATE entries SET account_id = NULL, remote_id = NULL WHERE account_id = ? AND deleted_at IS NOT NULL'),
    db.prepare('UPDATE running_timer SET account_id = NULL WHERE account_id = ?'),
    db.prepare('DELETE FROM accounts WHERE id = ?'),
  ];
  // A local tombstone kept only for a delete owed to this account has nothing left to wait for.
  const dropOrphanTombstones = db.prepare(`DELETE FROM entries WHERE account_id IS NULL AND deleted_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entry_id = entries.id)`);

  function forget(row: AccountRow): void {
    for (const st of detach) st.run(row.id);
    dropOrphanTombstones.run();
    if (row.is_default) {
      const next = all.all()[0];
      if (next) setDefault.run(next.id);
    }
  }

  function resolve(name: string | null | undefined): { id: string; name: string } | null {
    if (name === null) return null;
    const r = name === undefined ? defaultRow.get() : byName.get(name);
    if (!r && name !== undefined) throw ValidationError.one('account', `no account named ${JSON.stringify(name)} (see: timetray accounts list)`);
    return r ? { id: r.id, name: r.name } : null;
  }

  return {
    /** Adds an account; the first one, or one marked default, becomes the default. */
    add(input: AccountInput): Account {
      const a = parseOrThrow(accountInputSchema, input);
      const provider = providerNamed(a.provider);
      const context = checkContext(provider, a.context);
      return immediate(db, () => {
        if (byName.get(a.name)) throw ValidationError.one('name', `an account named ${JSON.stringify(a.name)} already exists`);
        const makeDefault = a.is_default === true || count.get()!.n === 0;
        if (makeDefault) clearDefault.run();
        const id = newId();
        insert.run({
          id, name: a.name, provider: provider.id, base_url: a.base_url, context: JSON.stringify(context),
          token_env: a.token_env ?? null, is_default: makeDefault ? 1 : 0, created_at: now(),
        });
        return toAccount(byId.get(id)!);
      });
    },
    /** Changes where and how an account syncs; the name and provider stay. `context: {key: null}` clears an id. */
    update(name: string, patch: AccountFormPatch): Account {
      const p = parseOrThrow(accountFormPatchSchema, patch);
      return immediate(db, () => {
        const row = byName.get(name);
        if (!row) throw new NotFoundError('account', name);
        const context = checkContext(descriptorOf(row.provider), p.context, JSON.parse(row.context) as AccountContext);
        update.run({
          id: row.id, base_url: p.base_url ?? row.base_url, context: JSON.stringify(context),
          token_env: p.token_env === undefined ? row.token_env : p.token_env,
        });
        if (p.is_default) {
          clearDefault.run();
          setDefault.run(row.id);
        }
        return toAccount(byId.get(row.id)!);
      });
    },
    /** Marks whether the app's secret store holds a token for the account (the store is keyed by id). */
    markSecret(id: string, stored: boolean): void {
      setSecret.run(stored ? id : null, id);
    },
    /**
     * Forgets an account. Refused while entries wait to be sent to it (nothing is dropped
     * silently); otherwise its entries stay, as local ones, and nothing remote is touched.
     */
    remove(name: string): Account {
      return immediate(db, () => {
        const row = byName.get(name);
        if (!row) throw new NotFoundError('account', name);
        const n = queued.get(row.id)!.n;
        if (n > 0) {
          throw ValidationError.one('account', `has ${n} change${n === 1 ? '' : 's'} waiting to be sent: sync them first, ` +
            `or remove it keeping its entries locally (timetray accounts remove ${row.name} --keep-local; in the window: "Remove, keep entries locally")`);
        }
        forget(row);
        return toAccount(row);
      });
    },
    /**
     * Forgets an account even with changes waiting: those are dropped (never sent), and its
     * entries stay on this computer as local ones. Says how many of each.
     */
    removeKeepingLocal(name: string): AccountRemoval {
      return immediate(db, (): AccountRemoval => {
        const row = byName.get(name);
        if (!row) throw new NotFoundError('account', name);
        const kept = keptCount.get(row.id)!.n;
        const dropped = dropQueued.run(row.id).changes;
        forget(row);
        return { account: row.name, kept_local: kept, dropped_changes: dropped };
      });
    },
    list(): Account[] {
      return all.all().map(toAccount);
    },
    byName(name: string): Account {
      const r = byName.get(name);
      if (!r) throw new NotFoundError('account', name);
      return toAccount(r);
    },
    byId(id: string): Account | null {
      const r = byId.get(id);
      return r ? toAccount(r) : null;
    },
    defaultAccount(): Account | null {
      const r = defaultRow.get();
      return r ? toAccount(r) : null;
    },
    /** undefined → the default account (or none); null → stays local; a name → that account. */
    resolveId(name: string | null | undefined): string | null {
      return resolve(name)?.id ?? null;
    },
    /** As resolveId, with the account's name: a start names it without reading its row back. */
    resolve,
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
