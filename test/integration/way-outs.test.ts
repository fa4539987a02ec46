/**
 * Issue 11's way-outs over a real core on a temp database: a clock set back never blocks Stop;
 * entries made before any account get one (in bulk, all or nothing); an entry moves between
 * accounts or becomes local-only; an account is removed keeping its entries. Judged by what the
 * user did and what they can see (entries, queue), never by the code's own bookkeeping.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/errors';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore | undefined;
afterEach(() => {
  t?.done();
  t = undefined;
});

const queued = (tc: TestCore) => tc.core.queue.report().queued.map((q) => ({ entry: q.entry_id, op: q.op, account: q.account }));
const outbox = (tc: TestCore) =>
  tc.core.db.prepare('SELECT entry_id AS entry, op, account_id FROM outbox ORDER BY id').all() as { entry: string; op: string; account_id: string | null }[];
/** What a sync worker does when it takes a row: the server may now hold the entry. */
const attempted = (tc: TestCore, entryId: string) => tc.core.db.prepare('UPDATE outbox SET attempts = 1 WHERE entry_id = ?').run(entryId);

describe('hole k: a clock set back never blocks Stop', () => {
  it('stop after the clock went back before the start: stored one second long, and the user is told', () => {
    t = testCore({ now: '2026-01-15T10:00:00Z' });
    const { running } = t.core.timer.start({ description: 'late work' });
    t.clock.set('2026-01-15T09:20:00Z');
    const r = t.core.timer.stopWithNotice();
    expect(r.entry).toMatchObject({ id: running.id, description: 'late work', start: '2026-01-15T10:00:00.000Z', end: '2026-01-15T10:00:01.000Z' });
    expect(r.notice).toMatch(/set back/);
    expect(r.notice).toContain('10:20'); // the clock's time, in the user's zone (Amsterdam: UTC+1)
    expect(t.core.timer.status()).toBeNull();
    expect(t.core.entries.list().map((e) => e.description)).toEqual(['late work']);
  });

  it('a normal stop says nothing; a stop within the start second is one second without a notice', () => {
    t = testCore({ now: '2026-01-15T10:00:00Z' });
    t.core.timer.start({ description: 'a' });
    expect(t.core.timer.stopWithNotice().notice).toBeNull();
    t.core.timer.start({ description: 'b' });
    const r = t.core.timer.stopWithNotice();
    expect(r.notice).toBeNull();
    expect(r.entry.duration_seconds).toBe(1);
  });

  it('switching to a new timer after the clock went back ends the old one and starts the new one now', () => {
    t = testCore({ now: '2026-01-15T10:00:00Z' });
    t.core.timer.start({ description: 'old' });
    t.clock.set('2026-01-15T08:00:00Z');
    const r = t.core.timer.start({ description: 'new' });
    expect(r.stopped).toMatchObject({ description: 'old', start: '2026-01-15T10:00:00.000Z', end: '2026-01-15T10:00:01.000Z' });
    expect(r.notice).toMatch(/set back/);
    expect(r.running).toMatchObject({ description: 'new', start: '2026-01-15T08:00:00.000Z' });
  });

  it('an explicit --at before the start is still refused, naming the field', () => {
    t = testCore({ now: '2026-01-15T10:00:00Z' });
    t.core.timer.start({ description: 'x' });
    expect(() => t!.core.timer.stopWithNotice(Date.parse('2026-01-15T09:00:00Z'))).toThrow(/at: must be after start/);
    expect(t.core.timer.status()).not.toBeNull();
  });
});

describe('hole l: giving entries an account, moving them, making them local-only', () => {
  const add = (tc: TestCore, description: string, h: number) =>
    tc.core.entries.create({ description, start: `2026-01-15T0${h}:00:00Z`, end: `2026-01-15T0${h}:30:00Z` });

  it('entries made before any account get one in bulk: each queued as a create', () => {
    t = testCore();
    const a = add(t, 'one', 7);
    const b = add(t, 'two', 8);
    const c = add(t, 'stays local', 9);
    expect(queued(t)).toEqual([]);
    t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://v.test' });
    const r = t.core.entries.setAccount([a.id, b.id], 'work');
    expect(r.entries.map((e) => [e.description, e.account, e.sync.state])).toEqual([['one', 'work', 'pending'], ['two', 'work', 'pending']]);
    expect(r.remote_deletes).toEqual([]);
    expect(queued(t)).toEqual([{ entry: a.id, op: 'create', account: 'work' }, { entry: b.id, op: 'create', account: 'work' }]);
    expect(t.core.entries.get(c.id)).toMatchObject({ account: null, sync: { state: 'local' } });
  });

  it('all or nothing: an unknown account or an id that is no entry changes nothing, naming the field', () => {
    t = testCore();
    const a = add(t, 'one', 7);
    t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://v.test' });
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues;
      }
      throw new Error('not refused');
    };
    expect(err(() => t!.core.entries.setAccount([a.id], 'nope'))).toEqual([{ field: 'account', rule: expect.stringContaining('no account named "nope"') }]);
    expect(err(() => t!.core.entries.setAccount([a.id, 'missing'], 'work'))).toEqual([{ field: 'id missing', rule: expect.stringContaining('is not an entry') }]);
    t.core.entries.remove(a.id);
    const b = t.core.entries.create({ description: 'two', start: '2026-01-15T08:00:00Z', end: '2026-01-15T08:30:00Z', account: null });
    expect(err(() => t!.core.entries.setAccount([b.id, a.id], 'work'))).toEqual([{ field: `id ${a.id}`, rule: expect.stringContaining('is not an entry') }]);
    expect(t.core.entries.get(b.id).account).toBeNull();
    expect(queued(t)).toEqual([]);
  });

  it('an entry never sent moves to another account without a delete; one a server may hold owes its old account a delete', () => {
    t = testCore();
    t.core.accounts.add({ name: 'a', provider: 'voltasis', base_url: 'https://a.test' });
    const aId = t.core.accounts.byName('a').id;
    t.core.accounts.add({ name: 'b', provider: 'moneybird', base_url: 'https://b.test', context: { administration: '1', user: '2' } });
    const fresh = t.core.entries.create({ description: 'fresh', start: '2026-01-15T07:00:00Z', end: '2026-01-15T08:00:00Z', account: 'a' });
    const sent = t.core.entries.create({ description: 'sent', start: '2026-01-15T08:00:00Z', end: '2026-01-15T09:00:00Z', account: 'a' });
    attempted(t, sent.id);
    const r = t.core.entries.setAccount([fresh.id, sent.id], 'b');
    expect(r.remote_deletes).toEqual([{ id: sent.id, account: 'a' }]);
    expect(r.entries.map((e) => e.account)).toEqual(['b', 'b']);
    // The attempted create stays owed to a (its outcome may be on that server), then a's delete, then b's create.
    expect(outbox(t)).toEqual([
      { entry: sent.id, op: 'create', account_id: aId },
      { entry: fresh.id, op: 'create', account_id: null },
      { entry: sent.id, op: 'delete', account_id: aId },
      { entry: sent.id, op: 'create', account_id: null },
    ]);
    // What `timetray queue` shows: each row under the account it is owed to.
    expect(queued(t)).toEqual([
      { entry: sent.id, op: 'create', account: 'a' },
      { entry: fresh.id, op: 'create', account: 'b' },
      { entry: sent.id, op: 'delete', account: 'a' },
      { entry: sent.id, op: 'create', account: 'b' },
    ]);
    expect(t.core.queue.backlog().map((b) => [b.account, b.changes])).toEqual([['a', 2], ['b', 2]]);
    // Moving to the account it already has changes nothing.
    expect(t.core.entries.setAccount([fresh.id], 'b')).toMatchObject({ entries: [], unchanged: [fresh.id] });
  });

  it('needs attention → local-only: the error is cleared, the held copy is owed a delete, and deleting it later keeps that delete', () => {
    t = testCore();
    t.core.accounts.add({ name: 'a', provider: 'voltasis', base_url: 'https://a.test' });
    const e = t.core.entries.create({ description: 'refused', start: '2026-01-15T07:00:00Z', end: '2026-01-15T08:00:00Z' });
    attempted(t, e.id);
    t.core.db.prepare("UPDATE entries SET sync_error = 'project is closed', sync_kind = 'refused' WHERE id = ?").run(e.id);
    expect(t.core.entries.get(e.id).sync.state).toBe('attention');
    t.core.entries.setAccount([e.id], null);
    expect(t.core.entries.get(e.id)).toMatchObject({ account: null, sync: { state: 'local', error: null } });
    expect(outbox(t).map((r) => r.op)).toEqual(['create', 'delete']);
    // Deleting the now-local entry must not drop what is owed to a.
    expect(t.core.entries.remove(e.id).outcome).toBe('queued');
    expect(t.core.entries.list()).toEqual([]);
    expect(outbox(t).map((r) => r.op)).toEqual(['create', 'delete']);
  });
});

describe('hole d: removing an account, keeping its entries locally', () => {
  it('refused while changes wait, naming the option; with it, the entries stay local and it says how many', () => {
    t = testCore();
    t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://v.test' });
    const kept = ['a', 'b', 'c'].map((d, i) => t!.core.entries.create({ description: d, start: `2026-01-15T0${i + 6}:00:00Z`, end: `2026-01-15T0${i + 6}:30:00Z` }));
    expect(() => t!.core.accounts.remove('work')).toThrow(/--keep-local/);
    expect(t.core.accounts.list().map((a) => a.name)).toEqual(['work']);
    expect(queued(t)).toHaveLength(3);
    const r = t.core.accounts.removeKeepingLocal('work');
    expect(r).toEqual({ account: 'work', kept_local: 3, dropped_changes: 3 });
    expect(t.core.accounts.list()).toEqual([]);
    expect(queued(t)).toEqual([]);
    expect(t.core.entries.list().map((e) => [e.description, e.account, e.sync.state]).sort()).toEqual(
      kept.map((e) => [e.description, null, 'local']).sort());
  });

  it('a delete owed to the account by an entry moved away counts as waiting, and is dropped with --keep-local', () => {
    t = testCore();
    t.core.accounts.add({ name: 'a', provider: 'voltasis', base_url: 'https://a.test' });
    const e = t.core.entries.create({ description: 'x', start: '2026-01-15T07:00:00Z', end: '2026-01-15T08:00:00Z' });
    attempted(t, e.id);
    t.core.entries.setAccount([e.id], null);
    t.core.db.prepare("DELETE FROM outbox WHERE op = 'create'").run();
    expect(() => t!.core.accounts.remove('a')).toThrow(/1 change waiting/);
    expect(t.core.accounts.removeKeepingLocal('a')).toEqual({ account: 'a', kept_local: 0, dropped_changes: 1 });
    expect(t.core.entries.get(e.id)).toMatchObject({ description: 'x', account: null });
  });
});
