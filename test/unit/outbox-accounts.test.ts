/** The outbox's account rule: rows owed to different accounts never merge, and none is dropped with another. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
let aId: string;
beforeEach(() => {
  t = testCore({ now: '2026-01-15T12:00:00Z' });
  aId = t.core.accounts.add({ name: 'a', provider: 'voltasis', base_url: 'https://a.test' }).id;
  t.core.accounts.add({ name: 'b', provider: 'voltasis', base_url: 'https://b.test' });
});
afterEach(() => t.done());

const rows = () =>
  (t.core.db.prepare('SELECT op, account_id, created_at FROM outbox ORDER BY id').all() as { op: string; account_id: string | null; created_at: number }[])
    .map((r) => ({ op: r.op, owed: r.account_id === aId ? 'a' : r.account_id === null ? 'own' : r.account_id, queued_at: r.created_at }));
const base = { description: 'first', start: '2026-01-15T09:00:00Z', end: '2026-01-15T10:00:00Z', account: 'a' };

describe('outbox rows owed to different accounts', () => {
  it('enqueue keeps rows for two accounts apart, and a cancel never takes the other account\'s row with it', () => {
    const e = t.core.entries.create({ ...base, account: null });
    t.core.db.transaction(() => {
      t.core.outbox.enqueue(e.id, 'delete', 1, true, aId);
      t.core.outbox.enqueue(e.id, 'create', 2, false);
      // The entry's own create is not sent yet: deleting cancels it, but a's delete remains.
      expect(t.core.outbox.enqueue(e.id, 'delete', 3, false)).toBe('queued');
    })();
    expect(rows().map((r) => [r.op, r.owed])).toEqual([['delete', 'a'], ['delete', 'own']]);
  });

  it('two updates for two accounts stay two rows; a second update for one merges into its row', () => {
    const e = t.core.entries.create({ ...base, account: null });
    t.core.db.transaction(() => {
      t.core.outbox.enqueue(e.id, 'update', 1, true, aId);
      expect(t.core.outbox.enqueue(e.id, 'update', 2, true)).toBe('queued');
      expect(t.core.outbox.enqueue(e.id, 'update', 3, true)).toBe('coalesced');
    })();
    expect(rows()).toEqual([{ op: 'update', owed: 'a', queued_at: 1 }, { op: 'update', owed: 'own', queued_at: 2 }]);
  });

  it('without other accounts\' rows the old rules hold: create + delete of a never-sent entry cancels', () => {
    const e = t.core.entries.create(base);
    expect(t.core.entries.remove(e.id).outcome).toBe('deleted');
    expect(rows()).toEqual([]);
  });
});
