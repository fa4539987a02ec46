/**
 * The way out of *needs attention* in the window: an entry whose record someone deleted on the
 * server (a real CLI sync to a fake Voltasis, then the fake's deleteRemote, then another sync)
 * shows why and its choices; Send again, by keyboard only, and the next sync leaves the server
 * holding it exactly once. Judged by what the server holds and what the CLI lists.
 */
import { FAKE_PROVIDERS } from '../providers';
import { addVoltasis, cliAsync, expect, shot, syncedOnV, test } from './host';

test('deleted on the server: the row says so and offers Keep here only, Send again, Delete; Send again by keyboard, and the server holds it once', async ({ app, host }) => {
  const fake = await FAKE_PROVIDERS.voltasis();
  try {
    const env = { FAKE_TOKEN: fake.token };
    const e = await syncedOnV(host, fake, 'Kept by me');
    const [first] = fake.held();
    fake.deleteRemote(first!.id);
    const marked = await cliAsync(host, env, 'sync');
    expect(marked.code, marked.out).toBe(1);

    const row = app.getByTestId('entry');
    const panel = row.getByTestId('attention-actions');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('attention-message')).toHaveText(/^Deleted on the server \(by someone or something else\)/);
    await expect(panel.getByRole('button')).toHaveText(['Keep here only', 'Send again', 'Delete']);
    await shot(app, 'attention-remote-deleted');

    // Keyboard only: from the row, Tab to Send again and press Enter.
    await row.focus();
    const again = panel.getByRole('button', { name: 'Send again' });
    const focused = () => expect(again).toBeFocused({ timeout: 200 }).then(() => true, () => false);
    for (let i = 0; i < 12 && !(await focused()); i++) await app.keyboard.press('Tab');
    await expect(again).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('alert').filter({ hasText: '“Kept by me” will be sent to v again at the next sync.' })).toBeVisible();
    await expect(panel).toHaveCount(0);
    await expect(row).toBeFocused();
    await expect(row.getByTestId('sync-badge')).toHaveText('pending');

    const synced = await cliAsync(host, env, 'sync');
    expect(synced.code, synced.out).toBe(0);
    expect(fake.held().map((h) => h.description)).toEqual(['Kept by me']);
    expect(JSON.parse(host.cli('list', '--json').stdout)).toMatchObject([{ id: e.id, description: 'Kept by me', sync: { state: 'synced', kind: null } }]);
    await expect(row.getByTestId('sync-badge')).toHaveText('synced');
    // Another pass neither doubles it nor marks it again.
    expect((await cliAsync(host, env, 'sync')).code).toBe(0);
    expect(fake.held()).toHaveLength(1);
  } finally {
    await fake.close();
  }
});

test('refused by the server: its words on the row; Edit opens the editor and the fix lands; Move to account… by keyboard (Esc closes it) moves the other', async ({ app, host }) => {
  const v = await FAKE_PROVIDERS.voltasis();
  const other = await FAKE_PROVIDERS.voltasis();
  try {
    const env = { V_TOKEN: v.token, OTHER_TOKEN: other.token };
    addVoltasis(host, 'v', v, 'V_TOKEN');
    addVoltasis(host, 'other', other, 'OTHER_TOKEN');
    v.inject({ method: 'POST', times: 2, fault: { kind: 'status', status: 422, body: { error: { code: 'VALIDATION_FAILED', message: 'project 101 is archived' } } } });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    host.cli('add', 'Fix me', '--start', at(200), '--duration', '30m', '--account', 'v');
    host.cli('add', 'Move me', '--start', at(100), '--duration', '30m', '--account', 'v');
    expect((await cliAsync(host, env, 'sync')).code).toBe(1);

    const fixRow = app.getByTestId('entry').filter({ hasText: 'Fix me' });
    const moveRow = app.getByTestId('entry').filter({ hasText: 'Move me' });
    const panel = moveRow.getByTestId('attention-actions');
    await expect(panel).toContainText('v refused it:');
    await expect(panel.getByTestId('attention-message')).toContainText('project 101 is archived');
    await expect(panel.getByRole('button')).toHaveText(['Edit', 'Move to account…', 'Keep here only', 'Delete']);

    // Move, keyboard only: open the picker, Esc closes it back onto its button, open again, pick, Move.
    const open = panel.getByRole('button', { name: 'Move to account…' });
    await open.focus();
    await app.keyboard.press('Enter');
    const picker = panel.getByLabel('Move to account');
    await expect(picker).toBeFocused();
    await expect(picker.locator('option')).toHaveText(['other (voltasis)']);
    await app.keyboard.press('Escape');
    await expect(picker).toHaveCount(0);
    await expect(open).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(picker).toBeFocused();
    await app.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Move', exact: true })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('alert').filter({ hasText: '1 entry now goes to other' })).toBeVisible();
    await expect(panel).toHaveCount(0);
    await expect(moveRow).toBeFocused();

    // Edit opens the row's own editor; the fix is sent.
    await fixRow.getByTestId('attention-actions').getByRole('button', { name: 'Edit' }).click();
    const editor = app.getByTestId('entry-editor');
    await editor.getByLabel('Edit description').fill('Fixed');
    await app.keyboard.press('Enter');
    await expect(editor).toHaveCount(0);
    await expect(app.getByTestId('attention-actions')).toHaveCount(0);

    // The moved entry's create waits behind the delete owed to v: allow a second pass (bounded).
    let synced = await cliAsync(host, env, 'sync');
    for (let i = 0; i < 2 && synced.code === 1; i++) synced = await cliAsync(host, env, 'sync');
    expect(synced.code, synced.out).toBe(0);
    expect(v.held().map((h) => h.description)).toEqual(['Fixed']);
    expect(other.held().map((h) => h.description)).toEqual(['Move me']);
  } finally {
    await Promise.all([v.close(), other.close()]);
  }
});
