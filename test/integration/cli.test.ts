/**
 * The `timetray` binary end to end (../shared/spec/cli.md): each test runs dist/cli.cjs as a child
 * process on its own data folder and judges it only by exit status, stdout and stderr.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('timetray-cli-')));
afterEach(() => cleanup());

const run = (...args: string[]) => cli(dir, args);
const json = (...args: string[]) => {
  const r = run(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
/** Everything a user could see of the database: entries, timer, queue and accounts. */
const state = () => ({
  entries: json('list'),
  timer: withoutElapsed(json('status')),
  queue: json('queue'),
  accounts: json('accounts', 'list'),
});

const withoutElapsed = (t: Record<string, unknown> | null) => t && { ...t, elapsed_seconds: undefined };

const ENTRY_KEYS = [
  'account', 'billable', 'client_id', 'description', 'duration_seconds', 'end', 'id',
  'project_id', 'start', 'sync', 'tags', 'task_id',
];

describe('timetray start / stop / status', () => {
  it('start then stop prints the stored entry, and list shows it', () => {
    const s = run('start', 'first', 'task', '--tag', 'api', '--at', '2026-01-15T09:00:00Z');
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/first task/);
    expect(json('status')).toMatchObject({ description: 'first task', start: '2026-01-15T09:00:00.000Z' });

    const e = json('stop', '--at', '2026-01-15T10:30:00Z');
    expect(Object.keys(e).sort()).toEqual(ENTRY_KEYS);
    expect(e).toMatchObject({
      description: 'first task', start: '2026-01-15T09:00:00.000Z', end: '2026-01-15T10:30:00.000Z',
      duration_seconds: 5400, tags: ['api'], project_id: null, account: null,
      sync: { state: 'local', remote_id: null, error: null },
    });
    expect(e.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(json('status')).toBeNull();
    expect(run('status').stdout.trim()).toBe('no timer running');
    expect(json('list')).toEqual([e]);
  });

  it('starting while a timer runs stops the old one at the same instant', () => {
    run('start', 'one', '--at', '2026-01-15T09:00:00Z');
    const r = json('start', 'two', '--at', '2026-01-15T10:00:00Z');
    expect(r.stopped).toMatchObject({ description: 'one', end: '2026-01-15T10:00:00.000Z' });
    expect(r.running).toMatchObject({ description: 'two', start: '2026-01-15T10:00:00.000Z' });
  });

  it('stop without a running timer fails with exit 1 and changes nothing', () => {
    const r = run('stop');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no timer/i);
    expect(json('list')).toEqual([]);
  });

  it('HH:MM means today in the local zone', () => {
    const e = json('add', 'morning', '--start', '08:00', '--duration', '1:30');
    expect(e.duration_seconds).toBe(5400);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })
      .format(new Date(e.start));
    expect(local).toBe('08:00');
  });
});

describe('bad input exits 2, names the field and the rule, and changes nothing', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['end before start', ['add', 'x', '--start', '2026-01-15T10:00:00Z', '--end', '2026-01-15T09:00:00Z'], /end: .*after.*start/i],
    ['zero duration', ['add', 'x', '--start', '2026-01-15T10:00:00Z', '--duration', '0m'], /duration/],
    ['bad duration', ['add', 'x', '--start', '2026-01-15T10:00:00Z', '--duration', 'ten'], /duration: /],
    ['bad time', ['add', 'x', '--start', 'yesterday', '--duration', '1h'], /start: /],
    ['too long description', ['add', 'x'.repeat(1025), '--start', '2026-01-15T10:00:00Z', '--duration', '1h'], /description: .*1024/],
    ['long tag', ['add', 'x', '--start', '2026-01-15T10:00:00Z', '--duration', '1h', '--tag', 't'.repeat(65)], /tags.*: .*64/],
    ['unknown account', ['add', 'x', '--start', '2026-01-15T10:00:00Z', '--duration', '1h', '--account', 'nope'], /account: /],
    ['unknown provider', ['accounts', 'add', 'w', '--provider', 'harvest', '--base-url', 'http://x'], /provider/],
    ['missing context id', ['accounts', 'add', 'w', '--provider', 'moneybird', '--base-url', 'http://127.0.0.1:1'], /--administration: is required for Moneybird/],
    ['a context id the provider does not use', ['accounts', 'add', 'w', '--provider', 'kantata', '--base-url', 'http://127.0.0.1:1', '--tenant', 't'], /--tenant: is not an id Kantata uses/],
    ['a context id breaking its rule', ['accounts', 'add', 'w', '--provider', 'moneybird', '--base-url', 'http://127.0.0.1:1', '--administration', 'abc', '--user', '1'], /--administration: must be digits only/],
    ['bad base url', ['accounts', 'add', 'w', '--provider', 'voltasis', '--base-url', 'not a url'], /base_url: /],
    ['edit unknown id', ['edit', '01JAAAAAAAAAAAAAAAAAAAAAAA', '--description', 'y'], /01JAAAAAAAAAAAAAAAAAAAAAAA/],
    ['unknown command', ['frobnicate'], /unknown command/],
    ['bad export format', ['export', '--format', 'xml'], /format/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    run('add', 'kept', '--start', '2026-01-14T09:00:00Z', '--duration', '1h');
    run('start', 'running', '--at', '2026-01-15T09:00:00Z');
    const before = state();
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(state()).toEqual(before);
  });

  it('an invalid edit leaves the entry as it was', () => {
    const e = json('add', 'kept', '--start', '2026-01-14T09:00:00Z', '--duration', '1h');
    const r = run('edit', e.id, '--end', '2026-01-14T08:00:00Z');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/end: /);
    expect(json('list')).toEqual([e]);
  });
});

describe('edit, delete, accounts, queue', () => {
  it('an entry for an account is queued once however often it is edited, and goes when deleted unsent', () => {
    const a = json('accounts', 'add', 'work', '--provider', 'voltasis', '--base-url', 'http://127.0.0.1:9', '--org', 'org_1', '--token-env', 'VOLTASIS_TOKEN', '--default');
    expect(a).toMatchObject({ name: 'work', provider: 'voltasis', is_default: true, token_env: 'VOLTASIS_TOKEN' });
    expect(Object.keys(json('accounts', 'list')[0]).sort()).toEqual(
      ['base_url', 'context', 'has_stored_secret', 'id', 'is_default', 'name', 'provider', 'token_env'],
    );

    const e = json('add', 'api', '--start', '2026-01-15T09:00:00Z', '--end', '2026-01-15T11:00:00Z', '--project', 'p1');
    expect(e).toMatchObject({ account: 'work', sync: { state: 'pending' } });
    const edited = json('edit', e.id, '--description', 'api work', '--tag', 'a', '--tag', 'b', '--no-billable');
    expect(edited).toMatchObject({ description: 'api work', tags: ['a', 'b'], billable: false, project_id: 'p1' });
    json('edit', e.id, '--project', '');
    const q = json('queue');
    expect(q.queued).toHaveLength(1);
    expect(q.queued[0]).toMatchObject({ entry_id: e.id, op: 'create', attempts: 0, last_error: null });

    const d = run('delete', e.id);
    expect(d.code).toBe(0);
    expect(json('list')).toEqual([]);
    expect(json('queue').queued).toEqual([]);
  });

  it('an entry with no account at all stays local and queues nothing', () => {
    const e = json('add', 'private', '--start', '2026-01-15T09:00:00Z', '--duration', '15m');
    expect(e.sync.state).toBe('local');
    expect(json('queue').queued).toEqual([]);
  });

  it('list --from/--to select local days', () => {
    // 23:30 local on the 14th is 22:30Z: it belongs to the 14th in Amsterdam, not the 15th.
    json('add', 'late', '--start', '2026-01-14T23:30:00+01:00', '--duration', '20m');
    json('add', 'next', '--start', '2026-01-15T09:00:00+01:00', '--duration', '20m');
    expect(json('list', '--from', '2026-01-14', '--to', '2026-01-14').map((e: { description: string }) => e.description)).toEqual(['late']);
    expect(json('list', '--from', '2026-01-15').map((e: { description: string }) => e.description)).toEqual(['next']);
    expect(json('list').map((e: { description: string }) => e.description)).toEqual(['next', 'late']);
    expect(run('list', '--from', '2026-13-01').code).toBe(2);
  });
});

describe('export and import', () => {
  it('CSV and JSON round-trip into a fresh database, and a second import skips what is there', () => {
    json('add', 'with, comma "and quotes"', '--start', '2026-01-15T09:00:00Z', '--duration', '1h', '--tag', 'x', '--tag', 'y');
    json('add', 'naïve café — 日本', '--start', '2026-01-16T09:00:00Z', '--duration', '30m', '--no-billable');
    const original = json('list');
    for (const format of ['csv', 'json']) {
      const ex = run('export', '--format', format);
      expect(ex.code).toBe(0);
      const file = join(dir, `out.${format}`);
      writeFileSync(file, ex.stdout);
      const other = tempDir('timetray-cli-import-');
      try {
        const imp = cli(other.dir, ['import', file, '--json']);
        expect(imp.stderr).toBe('');
        expect(JSON.parse(imp.stdout)).toMatchObject({ imported: original.length, skipped: 0 });
        const listed = JSON.parse(cli(other.dir, ['list', '--json']).stdout);
        expect(listed).toEqual(original);
        const again = JSON.parse(cli(other.dir, ['import', file, '--json']).stdout);
        expect(again).toMatchObject({ imported: 0, skipped: original.length });
      } finally {
        other.cleanup();
      }
    }
  });

  it('an import with one bad row imports nothing and names the line', () => {
    const file = join(dir, 'in.csv');
    const ex = run('export', '--format', 'csv').stdout.split('\n')[0];
    writeFileSync(file, [
      ex,
      '01KA0000000000000000000001,ok,2026-01-15T09:00:00.000Z,2026-01-15T10:00:00.000Z,3600,,,,,true,,local,',
      '01KA0000000000000000000002,bad,2026-01-15T11:00:00.000Z,2026-01-15T10:00:00.000Z,-3600,,,,,true,,local,',
    ].join('\n'));
    const r = run('import', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 3/);
    expect(json('list')).toEqual([]);
  });
});

describe('the CLI and another process on one database', () => {
  it('twenty CLI processes adding at once all land, each with its outbox row', async () => {
    json('accounts', 'add', 'work', '--provider', 'voltasis', '--base-url', 'http://127.0.0.1:9', '--org', 'o', '--default');
    const runs = Array.from({ length: 20 }, (_, i) =>
      new Promise<number>((resolve) => {
        const p = spawn(process.execPath, [CLI, 'add', `parallel ${i}`, '--start', `2026-01-15T${String(i).padStart(2, '0')}:00:00Z`, '--duration', '10m'], {
          env: { ...process.env, TIMETRAY_DATA_DIR: dir, TZ: 'Europe/Amsterdam' },
          stdio: 'ignore',
        });
        p.on('exit', (code) => resolve(code ?? -1));
      }),
    );
    expect(await Promise.all(runs)).toEqual(Array(20).fill(0));
    const list = json('list');
    expect(list).toHaveLength(20);
    expect(new Set(list.map((e: { description: string }) => e.description)).size).toBe(20);
    expect(json('queue').queued).toHaveLength(20);
  });
});
