/**
 * What the regression tests of issue 11's holes share: for d, e and f the user's intent with the
 * account each entry belongs to (an entry can move between servers or become local-only), and a
 * judge of every server's store AND the local list against that intent, never against our
 * database; for all, the create path, settling and bounded waiting.
 */
import { expect } from 'vitest';
import { descriptorOf } from '../../electron/core/sync/connectors';
import type { Entry, Provider } from '../../shared/entry';
import type { FakeProvider } from '../providers';
import { expectedRecords, Intent, type AddOver, type World } from '../helpers/sync';

/** Create paths of all five APIs (Moneybird's .json included). */
export const POST_PATH = /time[-_]entries(\.json)?$/;
/** How each API updates a record, as its descriptor declares. */
export const updateMethod = (provider: Provider): 'PUT' | 'PATCH' => descriptorOf(provider).capabilities.updateVerb;
export const DAY = 86_400_000;

/** An entry as the user last left it, with the account they gave it (null: local-only). */
export interface Kept {
  id: string;
  description: string;
  start: string;
  end: string;
  project_id: string | null;
  account: string | null;
}

export class AccountIntent extends Intent<Kept> {
  made(e: Pick<Entry, 'id' | 'description' | 'start' | 'end' | 'project_id'>, account: string | null): void {
    this.live.set(e.id, { id: e.id, description: e.description, start: e.start, end: e.end, project_id: e.project_id, account });
  }
}

/**
 * The user adds entry `i` (as `w.add`) on the world's account 'acct': the intent keeps the fields
 * typed, never what `create` answered, so a create that rewrites a field here and there alike is caught.
 */
export function userAddsOnAcct(w: World, intent: AccountIntent, i: number, over?: AddOver): Entry {
  const typed = w.typed(i, over);
  const e = w.core.entries.create(typed);
  intent.made({ id: e.id, ...typed }, 'acct');
  return e;
}

/** A server and the account name it is configured under. */
export interface Place {
  account: string;
  provider: Provider;
  server: FakeProvider;
}

/** Most holes start here: the user makes one entry (`over` as World.add's) on the world's account 'acct'. */
export function oneEntryOnAcct(w: World, over?: AddOver): { here: Place[]; intent: AccountIntent; e: Entry } {
  const here: Place[] = [{ account: 'acct', provider: w.provider, server: w.server }];
  const intent = new AccountIntent();
  const e = userAddsOnAcct(w, intent, 1, over);
  return { here, intent, e };
}

/**
 * Each server holds exactly the records of the live entries the user gave its account (in its
 * precision) and nothing else; the local list is exactly the live entries with their last fields,
 * on their account, synced (or local when they have none). Every divergence is listed.
 */
export function expectIntent(w: World, intent: AccountIntent, places: readonly Place[]): void {
  const key = (h: { description: string; start: number | null; date: string | null; seconds: number; project_id: string | null }) =>
    JSON.stringify({ description: h.description, start: h.start, date: h.date, seconds: h.seconds, project_id: h.project_id });
  const problems: string[] = [];
  for (const p of places) {
    const extra = p.server.held().map((h) => ({ id: h.id, key: key(h) }));
    for (const e of intent.live.values()) {
      if (e.account !== p.account) continue;
      for (const r of expectedRecords(p.provider, e)) {
        const i = extra.findIndex((h) => h.key === key(r));
        if (i < 0) problems.push(`${p.account} lacks a record of live entry ${e.id}: ${key(r)}`);
        else extra.splice(i, 1);
      }
    }
    problems.push(...extra.map((h) => `${p.account} holds a record the user does not have there: ${h.id} ${h.key}`));
  }
  const local = w.core.entries.list({});
  const byId = new Map(local.map((e) => [e.id, e]));
  const fields = (e: Pick<Kept, 'description' | 'start' | 'end' | 'project_id'>) =>
    JSON.stringify({ description: e.description, start: e.start, end: e.end, project_id: e.project_id });
  for (const e of intent.live.values()) {
    const l = byId.get(e.id);
    if (!l) {
      problems.push(`local list lacks live entry ${e.id} (${e.description})`);
      continue;
    }
    if (fields(l) !== fields(e)) problems.push(`local entry ${e.id} is ${fields(l)}, the user left it ${fields(e)}`);
    if (l.account !== e.account) problems.push(`local entry ${e.id} is on ${l.account}, the user put it on ${e.account}`);
    const state = e.account ? 'synced' : 'local';
    if (l.sync.state !== state) problems.push(`local entry ${e.id} is ${l.sync.state} (${l.sync.error}), expected ${state}`);
  }
  for (const l of local) {
    if (intent.live.has(l.id)) continue;
    problems.push(intent.deleted.has(l.id)
      ? `local list shows deleted entry ${l.id} (${l.description}) again, ${l.sync.state}`
      : `local list shows an entry the user never made: ${l.id} (${l.description}) ${l.sync.state}`);
  }
  expect(problems, `${problems.length} divergences from what the user did`).toEqual([]);
}

/** Passes (clock an hour on each) until quiet, then more: anything that would come back has had its chance. */
export async function settle(w: World): Promise<void> {
  await w.drain();
  for (let i = 0; i < 3; i++) await w.sync();
}

/** Polls (bounded) until `cond` holds; the wait is a synchronisation point, never an assertion. */
export async function until(cond: () => boolean, what: string, ms = 2000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 5))) if (cond()) return;
  throw new Error(`waited ${ms} ms for ${what}`);
}

/** Requests of one method the server answered (or swallowed) so far. */
export const count = (server: FakeProvider, method: string): number => server.log.filter((l) => l.method === method).length;
