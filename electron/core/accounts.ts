/** Destination accounts. Secrets are never stored here: only an env var name or a store key. */
import type { Database } from 'better-sqlite3';
import type { Account, AccountContext, Provider } from '../../shared/entry';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { accountInputSchema, parseOrThrow, type AccountInput } from '../../shared/schemas';
import { newId } from './ids';

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

  return {
    /** Adds an account; the first one, or one marked default, becomes the default. */
    add(input: AccountInput): Account {
      const a = parseOrThrow(accountInputSchema, input);
      return db.transaction(() => {
        if (byName.get(a.name)) throw ValidationError.one('name', `an account named ${JSON.stringify(a.name)} already exists`);
        const makeDefault = a.is_default === true || count.get()!.n === 0;
        if (makeDefault) clearDefault.run();
        const context: AccountContext = {};
        for (const k of ['org', 'tenant', 'administration', 'user'] as const) if (a[k]) context[k] = a[k];
        const id = newId();
        insert.run({
          id, name: a.name, provider: a.provider, base_url: a.base_url, context: JSON.stringify(context),
          token_env: a.token_env ?? null, is_default: makeDefault ? 1 : 0, created_at: now(),
        });
        return toAccount(byId.get(id)!);
      }).immediate();
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
      if (name === null) return null;
      if (name === undefined) return defaultRow.get()?.id ?? null;
      const r = byName.get(name);
      if (!r) throw ValidationError.one('account', `no account named ${JSON.stringify(name)} (see: timetray accounts list)`);
      return r.id;
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
