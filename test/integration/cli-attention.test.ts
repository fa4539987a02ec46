/**
 * The way out of *needs attention* through the real `timetray` binary and real fake servers:
 * `timetray queue` says why and prints the commands that fit the reason; the user runs them as
 * printed (send again, keep here only, delete, fix, move) and the servers and the list end up as
 * the user chose. Judged by exit status, stdout, stderr and what each server holds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_PROVIDERS, type FakeProvider } from '../providers';
import { cliSession } from '../helpers/cli-session';
import { tempDir } from '../helpers/temp';

interface Way { action: string; command: string; accounts?: string[] }
interface Listed { id: string; description: string; account: string | null; sync: { state: string; kind: string | null; error: string | null } }

let dir: string;
let cleanup: () => void;
let fakes: FakeProvider[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir('timetray-cli-')));
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
  cleanup();
});

const env = () => Object.fromEntries(fakes.map((f, i) => [`FAKE_TOKEN_${i}`, f.token]));
const { run, json, runAsync } = cliSession(() => dir, env);
/** Runs a command exactly as `timetray queue` printed it. */
const runPrinted = (command: string) => {
  const [bin, ...args] = command.split(' ');
  expect(bin).toBe('timetray');
  return run(...args);
};
const recent = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
async function voltasis(name: string): Promise<FakeProvider> {
  const f = await FAKE_PROVIDERS.voltasis();
  fakes.push(f);
  const a = f.account();
  expect(run('accounts', 'add', name, '--provider', 'voltasis', '--base-url', a.base_url, ...(a.context.org ? ['--org', a.context.org] : []), '--token-env', `FAKE_TOKEN_${fakes.length - 1}`).code).toBe(0);
  return f;
}
const listed = (): Listed[] => json('list');
const byId = (id: string) => listed().find((e) => e.id === id);
const waysOf = (id: string): Way[] => (json('queue').attention as (Listed & { ways_out: Way[] })[]).find((e) => e.id === id)!.ways_out;

describe('timetray queue and resend: an entry deleted on the server', () => {
  it('queue says why and offers send again, keep here only, delete; each command as printed does what it says', async () => {
    const fake = await voltasis('v');
    const again = json('add', 'Send me again', '--start', recent(300), '--duration', '30m');
    const keep = json('add', 'Keep me here', '--start', recent(200), '--duration', '30m');
    const drop = json('add', 'Drop me', '--start', recent(100), '--duration', '30m');
    expect((await runAsync('sync')).code).toBe(0);
    expect(fake.held()).toHaveLength(3);
    for (const h of fake.held()) fake.deleteRemote(h.id);
    const marked = await runAsync('sync');
    expect(marked.code, marked.stdout + marked.stderr).toBe(1);
    expect(marked.stdout).toContain('3 need attention (timetray queue)');

    const q = run('queue');
    expect(q).toMatchObject({ code: 0, stderr: '' });
    expect(q.stdout).toContain('needs attention: 3');
    expect(q.stdout).toContain('! deleted on the server');
    expect(q.stdout).toContain("why: its record was deleted on v's server by someone or something else");
    expect(q.stdout).toContain(`send again:     timetray resend ${again.id}`);
    expect(q.stdout).toContain(`keep here only: timetray edit ${keep.id} --local`);
    expect(q.stdout).toContain(`delete:         timetray delete ${drop.id}`);
    // Nothing to fix or move when the server lost it: those lines are not offered.
    expect(q.stdout).not.toMatch(/fix:|move:/);
    const attention = json('queue').attention as (Listed & { ways_out: Way[] })[];
    expect(attention.map((e) => [e.description, e.sync.kind])).toEqual([['Drop me', 'remote-deleted'], ['Keep me here', 'remote-deleted'], ['Send me again', 'remote-deleted']]);
    expect(attention[0]!.ways_out.map((w) => w.action)).toEqual(['send again', 'keep here only', 'delete']);

    const way = (id: string, action: string) => waysOf(id).find((w) => w.action === action)!.command;
    const resent = runPrinted(way(again.id, 'send again'));
    expect(resent).toMatchObject({ code: 0, stderr: '' });
    expect(resent.stdout).toMatch(new RegExp(`^queued for v: ${again.id} .*Send me again.*\\[v:pending\\]`));
    expect(runPrinted(way(keep.id, 'keep here only')).code).toBe(0);
    expect(runPrinted(way(drop.id, 'delete')).code).toBe(0);

    const synced = await runAsync('sync');
    expect(synced.code, synced.stdout + synced.stderr).toBe(0);
    expect(fake.held().map((h) => h.description)).toEqual(['Send me again']);
    expect(listed().map((e) => [e.description, e.account, e.sync.state])).toEqual([['Keep me here', null, 'local'], ['Send me again', 'v', 'synced']]);
    expect(json('queue')).toMatchObject({ queued: [], attention: [] });
    // A later pass changes nothing: held once, not resurrected, not doubled.
    expect((await runAsync('sync')).code).toBe(0);
    expect(fake.held().map((h) => h.description)).toEqual(['Send me again']);
  });

  it('resend refuses an unknown id, a local entry, or no id at all (exit 2, naming them) and changes nothing', async () => {
    const fake = await voltasis('v');
    const e = json('add', 'Gone there', '--start', recent(100), '--duration', '30m');
    const local = json('add', 'Mine', '--start', recent(300), '--duration', '30m');
    json('edit', local.id, '--local');
    expect((await runAsync('sync')).code).toBe(0);
    fake.deleteRemote(fake.held()[0]!.id);
    expect((await runAsync('sync')).code).toBe(1);

    const bad = run('resend', e.id, 'nope', local.id);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('timetray: id nope: is not an entry');
    expect(bad.stderr).toContain(`timetray: id ${local.id}: is local: give it an account`);
    expect(run('resend').code).toBe(2);
    expect(byId(e.id)!.sync).toMatchObject({ state: 'attention', kind: 'remote-deleted' });
    expect(json('queue').queued).toEqual([]);
    expect((await runAsync('sync')).code).toBe(1);
    expect(fake.held()).toEqual([]);
  });
});

describe('timetray queue: an entry the server refused', () => {
  it('says the server\'s words and offers fix, move (naming the other accounts), keep here only, delete, send again; fix and move as printed land once', async () => {
    const v = await voltasis('v');
    const other = await voltasis('other');
    v.inject({ method: 'POST', times: 2, fault: { kind: 'status', status: 422, body: { error: { code: 'VALIDATION_FAILED', message: 'project 101 is archived' } } } });
    const fix = json('add', 'Fix me', '--start', recent(300), '--duration', '30m', '--account', 'v');
    const move = json('add', 'Move me', '--start', recent(200), '--duration', '30m', '--account', 'v');
    expect((await runAsync('sync')).code).toBe(1);
    expect(v.held()).toEqual([]);

    const q = run('queue');
    expect(q.stdout).toContain('! ');
    expect(q.stdout).toContain('project 101 is archived');
    expect(q.stdout).toContain("why: v's server refused it (its words above)");
    expect(q.stdout).toContain(`fix:            timetray edit ${fix.id} …  (change what the server refused: --description, --start, --end, --project, …; the edit is sent)`);
    expect(q.stdout).toContain(`move:           timetray edit ${move.id} --account NAME  (accounts: other)`);
    expect(q.stdout).toContain(`keep here only: timetray edit ${fix.id} --local`);
    expect(q.stdout).toContain(`delete:         timetray delete ${move.id}`);
    expect(q.stdout).toContain(`send again:     timetray resend ${fix.id}  (as it is, once the cause is fixed on the server)`);
    const ways = waysOf(move.id);
    expect(ways.map((w) => w.action)).toEqual(['fix', 'move', 'keep here only', 'delete', 'send again']);
    expect(byId(fix.id)!.sync).toMatchObject({ state: 'attention', kind: 'refused', error: expect.stringContaining('project 101 is archived') });

    // Fix: the user changes what was refused; move: the printed command with the account named.
    expect(run('edit', fix.id, '--description', 'Fixed').code).toBe(0);
    const moveCmd = ways.find((w) => w.action === 'move')!.command.replace('NAME', 'other');
    expect(runPrinted(moveCmd).code).toBe(0);
    // The moved entry's create waits behind the delete owed to v (one entry's rows go in order), and
    // the accounts sync side by side: a second pass may be needed. Bounded; the user's result counts.
    let synced = await runAsync('sync');
    for (let i = 0; i < 2 && synced.code === 1; i++) synced = await runAsync('sync');
    expect(synced.code, synced.stdout + synced.stderr).toBe(0);
    expect(v.held().map((h) => h.description)).toEqual(['Fixed']);
    expect(other.held().map((h) => h.description)).toEqual(['Move me']);
    expect(json('queue')).toMatchObject({ queued: [], attention: [] });
  });
});
