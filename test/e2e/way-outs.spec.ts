/**
 * Issue 11's way-outs in the window: an entry's history after a real conflict (two real sync
 * passes against a fake server) with Restore by keyboard; entries made before any account given
 * one in bulk; what stays local shown on the entry; removing the account keeping its entries.
 */
import { FAKE_PROVIDERS } from '../providers';
import { cliAsync, expect, shot, syncedOnV, test } from './host';

test('a conflict shows in the entry\'s history; Restore (keyboard only) brings the lost value back, queued for sync', async ({ app, host }) => {
  const fake = await FAKE_PROVIDERS.voltasis();
  try {
    const env = { FAKE_TOKEN: fake.token };
    const e = await syncedOnV(host, fake, 'Draft');
    const remoteId = JSON.parse(host.cli('list', '--json').stdout)[0].sync.remote_id as string;
    // Changed here, then on the server by another client: the newer edit wins, the other is history.
    expect(host.cli('edit', e.id, '--description', 'Mine').code).toBe(0);
    fake.editRemote(remoteId, 'Server text');
    await cliAsync(host, env, 'sync');
    const history = JSON.parse(host.cli('history', e.id, '--json').stdout) as { id: number; lost_from: string; fields: { description: string }; note: string }[];
    const conflict = history.find((h) => /edited here and on the server/.test(h.note))!;
    expect(conflict).toBeDefined();
    const lost = conflict.fields.description;
    const kept = lost === 'Mine' ? 'Server text' : 'Mine';

    const row = app.getByTestId('entry');
    await expect(row.getByTestId('entry-description')).toHaveText(kept);
    // The sync icon opens the history; its name says how many values lost.
    await expect(row.getByRole('button', { name: /History of/ })).toHaveAccessibleName(new RegExp(`History of ${kept} \\(${history.length}\\)$`));
    await row.focus();
    await app.keyboard.press('h');
    const panel = app.getByTestId('history-panel');
    await expect(panel).toBeVisible();
    const item = panel.getByTestId('history-item').filter({ hasText: 'edited here and on the server' });
    await expect(item).toContainText(`“${lost}”`);
    await expect(item).toContainText(conflict.lost_from === 'local' ? 'Made on this computer' : 'Made on the server');
    await shot(app, 'history-panel');
    // Focus starts on the first Restore; Tab to the conflict's own and press Enter.
    const restore = item.getByRole('button', { name: /^Restore/ });
    for (let i = 0; i < 6 && !(await expect(restore).toBeFocused({ timeout: 200 }).then(() => true, () => false)); i++) {
      await app.keyboard.press('Tab');
    }
    await expect(restore).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(panel.getByRole('status')).toContainText('Restored description; the change is queued for sync.');
    await app.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(row).toBeFocused();
    await expect(row.getByTestId('entry-description')).toHaveText(lost);
    await expect(row.getByTestId('sync-badge')).toHaveText('pending');
    expect(JSON.parse(host.cli('list', '--json').stdout)[0]).toMatchObject({ id: e.id, description: lost, sync: { state: 'pending' } });
  } finally {
    await fake.close();
  }
});

test('entries made before any account: select two, Assign to account…, what stays local is shown; remove the account keeping them', async ({ app, host }) => {
  host.cli('add', 'Tagged', '--start', '08:00', '--duration', '30m', '--tag', 'deep');
  host.cli('add', 'Plain', '--start', '09:00', '--duration', '30m');
  host.cli('add', 'Private', '--start', '10:00', '--duration', '30m');
  expect(host.cli('accounts', 'add', 'mb', '--provider', 'moneybird', '--base-url', 'http://127.0.0.1:9', '--administration', '1', '--user', '2').code).toBe(0);
  await app.reload();
  await expect(app.getByTestId('entry')).toHaveCount(3);
  await app.getByLabel('Select Tagged').check();
  const plain = app.getByTestId('entry').filter({ hasText: 'Plain' });
  await plain.focus();
  await app.keyboard.press(' ');
  const bar = app.getByTestId('assign-bar');
  await expect(bar).toContainText('2 selected');
  await shot(app, 'assign-to-account');
  await bar.getByLabel('Assign to account').selectOption('mb');
  await bar.getByRole('button', { name: 'Assign' }).click();
  await expect(app.getByRole('alert').filter({ hasText: '2 entries now go to mb.' })).toBeVisible();
  await expect(bar).toHaveCount(0);
  const byName = () => Object.fromEntries((JSON.parse(host.cli('list', '--json').stdout) as { description: string; account: string | null; sync: { state: string } }[])
    .map((e) => [e.description, `${e.account}:${e.sync.state}`]));
  expect(byName()).toEqual({ Tagged: 'mb:pending', Plain: 'mb:pending', Private: 'null:local' });
  await expect(app.getByTestId('entry').filter({ hasText: 'Tagged' }).getByTestId('local-only')).toHaveText('tags stay local on Moneybird');
  await expect(plain.getByTestId('local-only')).toHaveCount(0);

  await app.keyboard.press('Alt+3');
  const acct = app.getByTestId('account-row');
  await acct.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(acct).toContainText('has 2 changes waiting to be sent');
  expect(JSON.parse(host.cli('accounts', 'list', '--json').stdout)).toHaveLength(1);
  await acct.getByRole('button', { name: 'Remove, keep entries locally' }).click();
  await expect(app.getByTestId('account-removed')).toHaveText('Removed mb: 2 entries stay on this computer; 2 unsent changes dropped.');
  expect(byName()).toEqual({ Tagged: 'null:local', Plain: 'null:local', Private: 'null:local' });
  expect(JSON.parse(host.cli('queue', '--json').stdout).queued).toEqual([]);
});
