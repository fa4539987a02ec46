/** Every entry write and its outbox row commit together; changes not yet sent coalesce. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
beforeEach(() => {
  t = testCore({ now: '2026-01-15T12:00:00Z' });
  t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'https://x.test' });
});
afterEach(() => t.done());

const base = { description: 'first', start: '2026-01-15T09:00:00Z', end: '2026-01-15T10:00:00Z' };
// A row names the entry and what is owed; the fields a push sends are the entry's own when it leaves.
const rows = () => t.core.db.prepare('SELECT entry_id, op FROM outbox ORDER BY id').all() as { entry_id: string; op: string }[];
/** What a sync worker does when it takes a row: it is no longer safe to merge into. */
const markAttempted = (entryId: string) => t.core.db.prepare('UPDATE outbox SET attempts = 1 WHERE entry_id = ?').run(entryId);
const markSynced = (entryId: string, remote: string) => {
  t.core.db.prepare('DELETE FROM outbox WHERE entry_id = ?').run(entryId);
  t.core.db.prepare('UPDATE entries SET remote_id = ? WHERE id = ?').run(remote, entryId);
};

describe('outbox', () => {
  it('create + edit → one create, and the entry it will send holds the newest fields', () => {
    const e = t.core.entries.create(base);
    t.core.entries.edit(e.id, { description: 'second' });
    t.core.entries.edit(e.id, { tags: ['x'] });
    expect(rows()).toEqual([{ entry_id: e.id, op: 'create' }]);
    expect(t.core.entries.get(e.id)).toMatchObject({ description: 'second', tags: ['x'] });
  });

  it('create + delete of a never-synced entry → nothing at all', () => {
    const e = t.core.entries.create(base);
    expect(t.core.entries.remove(e.id)).toEqual({ id: e.id, outcome: 'deleted' });
    expect(rows()).toEqual([]);
    expect(t.core.db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 0 });
  });

  it('a create already attempted is left alone: the edit queues behind it', () => {
    const e = t.core.entries.create(base);
    markAttempted(e.id);
    t.core.entries.edit(e.id, { description: 'second' });
    expect(rows().map((r) => r.op)).toEqual(['create', 'update']);
  });

  it('a delete after an attempted create is sent (the server may hold it)', () => {
    const e = t.core.entries.create(base);
    markAttempted(e.id);
    expect(t.core.entries.remove(e.id).outcome).toBe('queued');
    expect(rows().map((r) => r.op)).toEqual(['create', 'delete']);
    expect(() => t.core.entries.get(e.id)).toThrow(/no entry/);
  });

  it('synced entry: edits coalesce into one update; update + delete → delete', () => {
    const e = t.core.entries.create(base);
    markSynced(e.id, 'te_1');
    expect(t.core.entries.get(e.id).sync).toEqual({ state: 'synced', remote_id: 'te_1', error: null, kind: null });
    t.core.entries.edit(e.id, { description: 'a' });
    t.core.entries.edit(e.id, { description: 'b' });
    expect(rows()).toEqual([{ entry_id: e.id, op: 'update' }]);
    expect(t.core.entries.get(e.id).description).toBe('b');
    expect(t.core.entries.get(e.id).sync.state).toBe('pending');
    expect(t.core.entries.remove(e.id).outcome).toBe('queued');
    expect(rows().map((r) => r.op)).toEqual(['delete']);
    // The tombstone keeps the remote id the delete needs, but the entry is gone from every view.
    expect(t.core.db.prepare('SELECT remote_id, deleted_at IS NOT NULL AS gone FROM entries WHERE id = ?').get(e.id)).toEqual({ remote_id: 'te_1', gone: 1 });
    expect(t.core.entries.list()).toEqual([]);
  });

  it('an edit that changes nothing queues nothing', () => {
    const e = t.core.entries.create(base);
    markSynced(e.id, 'te_1');
    t.core.entries.edit(e.id, { description: 'first' });
    expect(rows()).toEqual([]);
  });

  it('an entry needing attention is cleared by an edit and queued again', () => {
    const e = t.core.entries.create(base);
    markAttempted(e.id);
    t.core.db.prepare("UPDATE entries SET sync_error = 'project is archived' WHERE id = ?").run(e.id);
    expect(t.core.entries.get(e.id).sync).toMatchObject({ state: 'attention', error: 'project is archived' });
    expect(t.core.queue.report().attention.map((x) => x.id)).toEqual([e.id]);
    const edited = t.core.entries.edit(e.id, { project_id: 'p2' });
    expect(edited.sync).toMatchObject({ state: 'pending', error: null });
  });

  it('local entries (no account) never touch the outbox', () => {
    const local = t.core.entries.create({ ...base, account: null });
    expect(local.sync.state).toBe('local');
    t.core.entries.edit(local.id, { description: 'x' });
    t.core.entries.remove(local.id);
    expect(rows()).toEqual([]);
  });

  it('refuses to enqueue outside a transaction', () => {
    expect(() => t.core.outbox.enqueue('x', 'create', 0, false)).toThrow(/inside the entry write transaction/);
  });

  it('a failed write leaves neither the entry nor its outbox row', () => {
    // Sabotage the outbox insert: the entry insert before it in the same transaction must roll back.
    t.core.db.exec("CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    expect(() => t.core.entries.create(base)).toThrow(/disk on fire/);
    expect(t.core.db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 0 });
    t.core.timer.start({ description: 'x' });
    t.clock.advance(60_000);
    expect(() => t.core.timer.stop()).toThrow(/disk on fire/);
    expect(t.core.timer.status()).not.toBeNull();
    expect(t.core.db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 0 });
  });
});
