/**
 * Issue 11 c in the window: an entry typed to the second and synced (the real CLI, a fake Moneybird
 * that floors to the minute) keeps the user's seconds on its row, and says beside it what the
 * server holds.
 */
import { localDateOf, zonedInstant } from '../../shared/time';
import { FAKE_PROVIDERS } from '../providers';
import { cliAsync, expect, shot, test, ZONE } from './host';

// The row writes times as the system locale does; a 24-hour locale here, as the server's note is.
test.use({ locale: 'en-GB' });

test('09:00:37–10:31:07 synced to Moneybird: the row keeps the seconds and says Moneybird holds 09:00–10:31', async ({ app, host }) => {
  const fake = await FAKE_PROVIDERS.moneybird();
  try {
    const a = fake.account();
    expect(host.cli('accounts', 'add', 'mb', '--provider', 'moneybird', '--base-url', a.base_url, '--administration', a.context.administration!, '--user', a.context.user!, '--token-env', 'FAKE_TOKEN').code).toBe(0);
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
    await shot(app, 'held-as');
  } finally {
    await fake.close();
  }
});
