/**
 * Issue 11's way-outs through the real `timetray` binary: history of a real conflict (a real sync
 * against a fake server) and restoring the value that lost; giving entries made before any account
 * an account in bulk, moving one, making one local-only; removing an account keeping its entries.
 * Judged by exit status, stdout, stderr, and what the server holds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { cliSession } from '../helpers/cli-session';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => void;
let fake: FakeProvider | null = null;
beforeEach(() => ({ dir, cleanup } = tempDir('timetray-cli-')));
afterEach(async () => {
  await fake?.close();
  fake = null;
  cleanup();
});

const env = () => (fake ? { FAKE_TOKEN: fake.token } : {});
const { run, json, runAsync } = cliSession(() => dir, env);
const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

describe('timetray history', () => {
  it('a description changed here and on the server: history says which value lost, where; --restore brings it back and sync sends it', async () => {
    fake = await FAKE_PROVIDERS.voltasis();
    const a = fake.account();
    expect(run('accounts', 'add', 'v', '--provider', 'voltasis', '--base-url', a.base_url, ...(a.context.org ? ['--org', a.context.org] : []), '--token-env', 'FAKE_TOKEN').code).toBe(0);
    const e = json('add', 'Draft', '--start', recent(90), '--duration', '30m');
    expect((await runAsync('sync')).code).toBe(0);
    const remoteId = json('list')[0].sync.remote_id as string;
    expect(remoteId).toBeTruthy();

    expect(run('edit', e.id, '--description', 'Mine').code).toBe(0);
    fake.editRemote(remoteId, 'Server text');
    await runAsync('sync');
    const items = json('history', e.id) as { id: number; lost_from: string; note: string }[];
    // The conflict's own item (the merge may also note the replaced value separately).
    const item = items.find((i) => /edited here and on the server/.test(i.note))!;
    expect(item).toBeDefined();
    const [kept, lost] = item.lost_from === 'local' ? ['Server text', 'Mine'] : ['Mine', 'Server text'];
    expect(item).toMatchObject({ id: expect.any(Number), fields: { description: lost }, note: expect.stringContaining('description') });
    expect(json('list')[0].description).toBe(kept);
    const human = run('history', e.id);
    expect(human.stdout).toContain(`#${item.id}`);
    expect(human.stdout).toContain(`lost: description "${lost}" (made ${item.lost_from === 'local' ? 'on this computer' : 'on the server'})`);

    const restored = json('history', e.id, '--restore', String(item.id));
    expect(restored).toMatchObject({ id: e.id, description: lost, sync: { state: 'pending' } });
    const synced = await runAsync('sync');
    expect(synced.code, synced.stdout + synced.stderr).toBe(0);
    expect(json('list')[0]).toMatchObject({ description: lost, sync: { state: 'synced' } });
    expect(fake.held().map((h) => h.description)).toEqual([lost]);
  });

  it('an unknown item or entry is refused with exit 2, naming the field, and nothing changes', () => {
    const e = json('add', 'Solo', '--start', recent(90), '--duration', '30m');
    expect(json('history', e.id)).toEqual([]);
    expect(run('history', e.id).stdout).toContain('no history');
    const bad = run('history', e.id, '--restore', '7');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^timetray: restore: entry .* has no history item 7/);
    expect(run('history', e.id, '--restore', 'x').stderr).toMatch(/restore: must be a history item number/);
    expect(run('history', 'nope').code).toBe(2);
    expect(json('list')).toEqual([e]);
  });
});

describe('timetray stop after the clock went back', () => {
  it('a timer whose start is ahead of the clock still stops: one second long, and a note says why', () => {
    // What a clock set back looks like from here: the running timer started after "now".
    const start = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000).toISOString();
    expect(run('start', 'ahead', '--at', start).code).toBe(0);
    const r = run('stop');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/note: The clock says .* before this timer's start .*: it was set back/);
    expect(json('status')).toBeNull();
    expect(json('list')[0]).toMatchObject({ description: 'ahead', start, duration_seconds: 1 });
    run('start', 'again', '--at', start);
    expect(json('stop')).toMatchObject({ description: 'again', duration_seconds: 1, notice: expect.stringContaining('set back') });
  });
});

describe('timetray edit --account / --local, show, accounts remove --keep-local', () => {
  it('entries made before any account get one in one command; show names what stays local', () => {
    const one = json('add', 'one', '--start', recent(300), '--duration', '30m', '--tag', 'deep');
    const two = json('add', 'two', '--start', recent(200), '--duration', '30m');
    const three = json('add', 'three', '--start', recent(100), '--duration', '30m');
    expect(run('accounts', 'add', 'mb', '--provider', 'moneybird', '--base-url', 'http://127.0.0.1:9', '--administration', '1', '--user', '2').code).toBe(0);
    const moved = json('edit', one.id, two.id, '--account', 'mb');
    expect(moved.map((e: { id: string; account: string; sync: { state: string } }) => [e.id, e.account, e.sync.state])).toEqual([[one.id, 'mb', 'pending'], [two.id, 'mb', 'pending']]);
    expect(json('queue').queued.map((q: { entry_id: string; op: string; account: string }) => [q.entry_id, q.op, q.account])).toEqual([[one.id, 'create', 'mb'], [two.id, 'create', 'mb']]);
    expect(json('list').find((e: { id: string }) => e.id === three.id).account).toBeNull();
    const shown = run('show', one.id);
    expect(shown.stdout).toContain('local only: tags stay local on Moneybird');
    expect(json('show', one.id)).toMatchObject({ id: one.id, local_only: { provider: 'moneybird', fields: ['tags'] }, history: [] });
    expect(run('list').stdout).toContain('(local only: tags)');
  });

  it('all or nothing: one unknown id or account refuses the whole command, naming each', () => {
    const one = json('add', 'one', '--start', recent(300), '--duration', '30m');
    run('accounts', 'add', 'v', '--provider', 'voltasis', '--base-url', 'http://127.0.0.1:9');
    const r = run('edit', one.id, 'no-such-entry', '--account', 'v');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('timetray: id no-such-entry: is not an entry');
    const r2 = run('edit', one.id, '--account', 'nope');
    expect(r2.stderr).toContain('timetray: account: no account named "nope"');
    expect(run('edit', one.id, '--account', 'v', '--local').stderr).toContain('give --account or --local, not both');
    expect(run('edit', one.id, one.id, '--description', 'x').stderr).toContain('ids: several entries take only --account or --local');
    expect(json('list')[0]).toMatchObject({ id: one.id, account: null, description: 'one' });
    expect(json('queue').queued).toEqual([]);
  });

  it('a moved field edit and account commit together; --local takes an entry off its account', () => {
    run('accounts', 'add', 'v', '--provider', 'voltasis', '--base-url', 'http://127.0.0.1:9');
    const e = json('add', 'x', '--start', recent(300), '--duration', '30m', '--account', 'v');
    const local = json('edit', e.id, '--local', '--description', 'private');
    expect(local).toMatchObject({ id: e.id, account: null, description: 'private', sync: { state: 'local' } });
    // Never sent: nothing is owed to v.
    expect(json('queue').queued).toEqual([]);
  });

  it('accounts remove: refused while changes wait, naming --keep-local; with it, says how many entries stay', () => {
    run('accounts', 'add', 'v', '--provider', 'voltasis', '--base-url', 'http://127.0.0.1:9');
    json('add', 'a', '--start', recent(300), '--duration', '30m');
    json('add', 'b', '--start', recent(200), '--duration', '30m');
    const refused = run('accounts', 'remove', 'v');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('has 2 changes waiting to be sent');
    expect(refused.stderr).toContain('timetray accounts remove v --keep-local');
    expect(json('accounts', 'list')).toHaveLength(1);
    const r = run('accounts', 'remove', 'v', '--keep-local');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('removed account v: 2 entries stay here as local; 2 unsent changes dropped\n');
    expect(json('accounts', 'list')).toEqual([]);
    expect(json('list').map((e: { description: string; account: string | null }) => [e.description, e.account])).toEqual([['b', null], ['a', null]]);
    expect(json('queue').queued).toEqual([]);
  });
});
