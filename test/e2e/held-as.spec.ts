/**
 * Issue 11 c in the window: an entry typed to the second and synced (the real CLI, a fake Moneybird
 * that floors to the minute) keeps the user's seconds on its row, and says beside it what the
 * server holds.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { localDateOf, zonedInstant } from '../../shared/time';
import { FAKE_PROVIDERS } from '../providers';
import { expect, test, ZONE, type Host } from './host';

/** The CLI without blocking this process: the fake server answering the sync lives here. */
function cliAsync(host: Host, env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli.cjs'), ...args], {
      env: { ...process.env, TZ: ZONE, TIMETRAY_DATA_DIR: host.dataDir, ...env },
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (out += d));
    const t = setTimeout(() => p.kill('SIGKILL'), 20_000);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code: code ?? -1, out });
    });
  });
}

test('09:00:37–10:31:07 synced to Moneybird: the row keeps the seconds and says Moneybird holds 09:00–10:31', async ({ app, host }) => {
  const fake = await FAKE_PROVIDERS.moneybird();
  try {
    const a = fake.account();
    expect(host.cli('accounts', 'add', 'mb', '--provider', 'moneybird', '--base-url', a.base_url, '--administration', a.administration!, '--user', a.user!, '--token-env', 'FAKE_TOKEN').code).toBe(0);
    const [y, m, d] = localDateOf(Date.now() - 86_400_000, ZONE).split('-').map(Number) as [number, number, number];
    const start = new Date(zonedInstant(y, m, d, 9, 0, ZONE) + 37_000).toISOString();
    const end = new Date(zonedInstant(y, m, d, 10, 31, ZONE) + 7_000).toISOString();
    expect(host.cli('add', 'Rounded', '--start', start, '--end', end, '--project', '101').code).toBe(0);
    const synced = await cliAsync(host, { FAKE_TOKEN: fake.token }, 'sync');
    expect(synced.code, synced.out).toBe(0);
    expect(fake.held().map((h) => h.seconds)).toEqual([91 * 60]);

    await app.reload();
    const row = app.getByTestId('entry').filter({ hasText: 'Rounded' });
    await expect(row.getByTestId('held-as')).toHaveText('Moneybird holds 09:00–10:31 (minutes, rounded down)');
    await expect(row.locator('.when')).toHaveText('09:00:37–10:31:07');
    await expect(row.getByTestId('sync-badge')).toHaveText('synced');
    const shots = join(__dirname, '..', '..', 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await app.screenshot({ path: join(shots, 'held-as.png'), fullPage: true });
  } finally {
    await fake.close();
  }
});
