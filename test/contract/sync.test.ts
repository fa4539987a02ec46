/**
 * One contract, five providers: the same scenarios run against every fake server, and each ends
 * with the server's store AND the local list judged against what the user did (helpers/sync.ts),
 * never against our database; each entry must also name the records made for it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { descriptorOf, PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { type Provider } from '../../shared/entry';
import { localDateOf, zonedInstant } from '../../shared/time';
import { expectMatchesIntent, UserIntent, userAdds, world, ZONE, type World } from '../helpers/sync';
import type { Fault } from '../providers/server';

const POST_PATH = /time[-_]entries(\.json)?$/;
const expectAsTheUserLeftIt = (w: World, intent: UserIntent) => expectMatchesIntent(w, intent, { remoteIds: true });

describe.each(PROVIDER_IDS)('%s', (provider: Provider) => {
  let w: World;
  afterEach(async () => w?.done());

  it('entries logged offline reach the server once it is back, each exactly once', async () => {
    w = await world(provider);
    await w.server.close();
    const intent = new UserIntent();
    for (let i = 0; i < 5; i++) userAdds(w, intent, i);
    const offline = await w.sync();
    expect(offline.accounts[0]).toMatchObject({ state: 'offline', pushed: 0, pending: 5 });
    expect(offline.accounts[0]!.error).toMatch(/network error|no answer/);
    expect(w.core.entries.list({}).every((e) => e.sync.state === 'pending')).toBe(true);

    await w.restart();
    await w.drain();
    expectAsTheUserLeftIt(w, intent);
    // A second pass sends nothing more.
    const before = w.server.log.filter((l) => l.method !== 'GET').length;
    await w.sync();
    expect(w.server.log.filter((l) => l.method !== 'GET').length).toBe(before);
  });

  const faults: [string, Fault][] = [
    ['a 500', { kind: 'status', status: 500 }],
    ['a 503', { kind: 'status', status: 503 }],
    ['a reset after the server stored the entry', { kind: 'reset' }],
    ['a timeout after the server stored the entry', { kind: 'timeout' }],
    ['latency', { kind: 'latency', ms: 300 }],
  ];
  it.each(faults)('survives %s on create with no loss and no duplicate', async (_name, fault) => {
    w = await world(provider, { timeoutMs: 800 });
    const intent = new UserIntent();
    for (let i = 0; i < 3; i++) userAdds(w, intent, i);
    w.server.inject({ method: 'POST', path: POST_PATH, fault, times: 2 });
    await w.drain();
    expectAsTheUserLeftIt(w, intent);
  });

  // Retry-After 600 s against a backoff of 1 s: a pass at any time in between that ignored it would POST again.
  const retryAfter: [string, (now: number) => string][] = [
    ['delta seconds', () => '600'],
    ['an epoch in seconds', (now) => String(Math.floor(now / 1000) + 600)],
  ];
  it.each(retryAfter)('a 429 with Retry-After as %s: no POST before that time, one after, held once', async (_name, value) => {
    w = await world(provider);
    const intent = new UserIntent();
    const e = userAdds(w, intent, 1);
    const t0 = w.clock.now();
    const posts = () => w.server.log.filter((l) => l.method === 'POST').length;
    w.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'status', status: 429, retryAfter: value(t0) } });
    await w.pass();
    expect(posts()).toBe(1);
    expect(w.server.held()).toEqual([]);
    for (const after of [2_000, 60_000, 599_000]) {
      w.clock.set(t0 + after);
      await w.pass();
      expect(posts(), `a pass ${after / 1000} s after the 429`).toBe(1);
    }
    expect(w.core.entries.get(e.id)!.sync.state).toBe('pending');
    w.clock.set(t0 + 601_000);
    await w.pass();
    expect(posts()).toBe(2);
    expect(w.server.log.filter((l) => l.status === 429)).toHaveLength(1);
    expectAsTheUserLeftIt(w, intent);
  });

  it('a reset after an update and after a delete still converges', async () => {
    w = await world(provider, { timeoutMs: 800 });
    const intent = new UserIntent();
    const a = userAdds(w, intent, 1);
    const b = userAdds(w, intent, 2);
    await w.drain();
    const renamed = { description: 'task 1 renamed', end: new Date(Date.parse(a.end) + 600_000).toISOString() };
    w.core.entries.edit(a.id, renamed);
    intent.edited(a.id, renamed);
    w.core.entries.remove(b.id);
    intent.removed(b.id);
    w.server.inject({ method: descriptorOf(provider).capabilities.updateVerb, fault: { kind: 'reset' } });
    w.server.inject({ method: 'DELETE', fault: { kind: 'reset' } });
    await w.drain();
    expectAsTheUserLeftIt(w, intent);
    expect(w.server.held().map((h) => h.description)).not.toContain('task 2');
    expect(w.core.entries.exists(b.id)).toBe(false);
  });

  if (descriptorOf(provider).capabilities.bulkCreate > 1) {
    it('a bulk create the server only half stores is completed, not duplicated', async () => {
      w = await world(provider);
      const intent = new UserIntent();
      for (let i = 0; i < 12; i++) userAdds(w, intent, i);
      w.server.inject({ method: 'POST', fault: { kind: 'custom', name: 'bulk-partial' } });
      await w.drain();
      expectAsTheUserLeftIt(w, intent);
      expect(w.server.log.filter((l) => l.method === 'POST').length).toBeLessThanOrEqual(3);
    });
  }

  it('a refusal (422) marks the entry for attention with the server\'s words, and an edit sends it again', async () => {
    w = await world(provider);
    const intent = new UserIntent();
    const e = userAdds(w, intent, 1);
    w.server.inject({ method: 'POST', path: POST_PATH, fault: { kind: 'status', status: 422, body: { error: 'Project is closed for booking', errors: [{ type: 'validation', message: 'Project is closed for booking' }], message: 'Project is closed for booking' } } });
    const r = await w.sync();
    expect(r.accounts[0]).toMatchObject({ attention: 1, pushed: 0 });
    // Others keep flowing past it.
    userAdds(w, intent, 2);
    expect((await w.sync()).accounts[0]).toMatchObject({ attention: 1, pushed: 1 });
    const got = w.core.entries.get(e.id)!;
    expect(got.sync.state).toBe('attention');
    expect(got.sync.error).toMatch(/Project is closed for booking/);
    expect(w.core.queue.report().attention.map((x) => x.id)).toEqual([e.id]);
    // It stays, untouched by later passes…
    await w.sync();
    expect(w.core.entries.get(e.id)!.sync.state).toBe('attention');
    // …until the user edits it.
    w.core.entries.edit(e.id, { description: 'task 1 (fixed)' });
    intent.edited(e.id, { description: 'task 1 (fixed)' });
    await w.drain();
    expectAsTheUserLeftIt(w, intent);
  });

  it('a 401 pauses the account and keeps everything queued until the token works again', async () => {
    w = await world(provider);
    const intent = new UserIntent();
    userAdds(w, intent, 1);
    const good = w.server.token;
    w.server.token = 'rotated-elsewhere-0000';
    const r = await w.sync();
    expect(r.accounts[0]).toMatchObject({ state: 'paused', pending: 1 });
    expect(r.accounts[0]!.error).not.toContain(good);
    expect(w.core.entries.list({})[0]!.sync.state).toBe('pending');
    w.server.token = good;
    await w.drain();
    expectAsTheUserLeftIt(w, intent);
  });

  it('edits and deletes propagate; a never-synced delete sends nothing', async () => {
    w = await world(provider);
    const intent = new UserIntent();
    const a = userAdds(w, intent, 1);
    const b = userAdds(w, intent, 2);
    const c = userAdds(w, intent, 3);
    await w.drain();
    const moved = { description: 'task 1 edited', start: new Date(Date.parse(a.start) - 3_600_000).toISOString() };
    w.core.entries.edit(a.id, moved);
    intent.edited(a.id, moved);
    w.core.entries.edit(b.id, { project_id: '202' });
    intent.edited(b.id, { project_id: '202' });
    w.core.entries.remove(c.id);
    intent.removed(c.id);
    const local = userAdds(w, intent, 4);
    w.core.entries.remove(local.id);
    intent.removed(local.id);
    const posts = w.server.log.filter((l) => l.method === 'POST').length;
    await w.drain();
    expectAsTheUserLeftIt(w, intent);
    expect(w.server.held().some((h) => h.description === 'task 3')).toBe(false);
    // Moved an hour earlier, task 1 starts the day before when it began just after midnight: a
    // date-only server then holds that day's part as a record of its own, and only that is new.
    const newDay = !descriptorOf(provider).capabilities.timeOfDay && localDateOf(Date.parse(moved.start), ZONE) !== localDateOf(Date.parse(a.start), ZONE);
    expect(w.server.log.filter((l) => l.method === 'POST').length).toBe(posts + (newDay ? 1 : 0));
  });

  it('pull brings remote-only entries in as synced, follows remote edits, and never duplicates', async () => {
    w = await world(provider);
    const intent = new UserIntent();
    const mine = userAdds(w, intent, 1);
    await w.drain();
    const start = Date.parse(mine.start) + 86_400_000;
    const rid = w.server.seedRemote({ description: 'made in the web app', start, seconds: 5400, project_id: '303' });
    // On a date-only API the user gave the web app a date, not a time: the one the record holds now.
    const typedDate = w.server.held().find((h) => h.id === rid)!.date;
    await w.sync();
    await w.sync();
    const pulled = w.core.entries.list({}).filter((e) => e.description === 'made in the web app');
    expect(pulled).toHaveLength(1);
    expect(pulled[0]).toMatchObject({ account: 'acct', duration_seconds: 5400, project_id: '303', sync: { state: 'synced', remote_id: rid } });
    expect(w.core.queue.report().queued).toEqual([]);
    // What the user made in the web app, as the list must show it: a record with no time of day is
    // placed at 09:00 local on its date.
    const [y, m, d] = (typedDate ?? '').split('-').map(Number) as [number, number, number];
    const shown = typedDate === null ? start : zonedInstant(y, m, d, 9, 0, ZONE);
    intent.made({ id: pulled[0]!.id, description: 'made in the web app', start: new Date(shown).toISOString(), end: new Date(shown + 5_400_000).toISOString(), project_id: '303' });

    w.server.editRemote(rid, 'renamed in the web app');
    intent.edited(pulled[0]!.id, { description: 'renamed in the web app' });
    await w.sync();
    expect(w.core.entries.get(pulled[0]!.id)!.description).toBe('renamed in the web app');
    // Ours and the web app's, each once: following the remote edit sent nothing back.
    const ours = w.core.entries.get(mine.id)!.sync.remote_id!.split(',');
    expect(w.server.held().map((h) => h.id).sort()).toEqual([rid, ...ours].sort());
    expect(w.server.held().find((h) => h.id === rid)?.description).toBe('renamed in the web app');
    expectAsTheUserLeftIt(w, intent);
  });

  it('an edit made here and on the server: the newer wins and the other is kept in history', async () => {
    w = await world(provider);
    const intent = new UserIntent();
    const e = userAdds(w, intent, 1);
    await w.drain();
    const rid = w.core.entries.get(e.id)!.sync.remote_id!.split(',')[0]!;
    // Our edit a minute ago; the server's (editRemote stamps now + 1 s) is later.
    w.clock.set(Date.now() - 60_000);
    w.core.entries.edit(e.id, { description: 'local edit' });
    w.server.editRemote(rid, 'server edit');
    await w.sync();
    await w.drain();
    expect(w.core.entries.get(e.id)!.description).toBe('server edit');
    const history = w.core.history.list(e.id);
    expect(history.map((h) => h.fields.description)).toContain('local edit');
    expect(w.server.held().map((h) => h.description)).toEqual(expect.arrayContaining(['server edit']));
    // The user's last word was the one made on the server: both sides now hold it.
    intent.edited(e.id, { description: 'server edit' });
    expectAsTheUserLeftIt(w, intent);
  });
});
