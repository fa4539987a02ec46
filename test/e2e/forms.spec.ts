/**
 * Names and forms as a user meets them (issue 14, items 2-3): projects picked by name from a
 * combobox with the keyboard, the Task picker waiting for a project, an overnight entry, a
 * duration typed instead of an end, messages in words beside the field without moving the
 * form, and the inline editor changing date, billable and account. The oracle is the database,
 * read by the real CLI, and what the screen says.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FAKE_PROVIDERS } from '../providers';
import { expect, shot, stored, test, ZONE, type Host } from './host';
import type { BridgeMethod, Envelope } from '../../shared/bridge';

// A 12-hour locale: times typed as 22:00 must come back as the list shows them (10:00 PM).
test.use({ locale: 'en-US', timezoneId: ZONE });
// Two cores shared by many: a fake server, a reload and a dozen steps can take longer than the default.
test.describe.configure({ timeout: 120_000 });

async function call(page: Page, host: Host, method: BridgeMethod, ...args: unknown[]): Promise<unknown> {
  const r = await page.request.post(`${host.url}api/call`, { data: { method, args }, headers: { 'x-timetray-token': host.token } });
  const envelope = (await r.json()) as Envelope;
  expect(envelope).toMatchObject({ ok: true });
  return (envelope as { value: unknown }).value;
}

const localDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(ms);
const yesterday = () => localDate(Date.now() - 86_400_000);
type Stored = { id: string; description: string; start: string; end: string; project_id: string | null; task_id: string | null; billable: boolean; account: string | null };
const entries = (host: Host) => stored(host) as unknown as Stored[];

/** An account on a fake Kantata whose projects (Acme website, Globex audit, Initech support) are cached for the pickers. */
async function withKantata(app: Page, host: Host) {
  const fake = await FAKE_PROVIDERS.kantata();
  await call(app, host, 'accounts.add', { name: 'acme-kantata', provider: 'kantata', base_url: fake.account().base_url, token: fake.token, is_default: true });
  expect(await call(app, host, 'catalog.refresh', 'acme-kantata')).toMatchObject({ ok: true });
  await fake.close();
  await app.reload();
  await expect(app.getByLabel('What are you working on?')).toBeVisible();
}

test('pick a project by typing its name and the keyboard; the Task picker waits for it; names on the row; recent first', async ({ app, host }) => {
  await withKantata(app, host);
  const project = app.getByRole('combobox', { name: 'Project', exact: true });
  const task = app.getByRole('combobox', { name: 'Task', exact: true });
  // Visible before any project, but disabled, and it says why.
  await expect(task).toBeVisible();
  await expect(task).toBeDisabled();
  await expect(app.locator('.timer').getByText('Choose a project first')).toBeVisible();

  const projects = app.getByRole('listbox', { name: 'Project choices' });
  await project.fill('acme');
  await expect(projects.getByRole('option', { name: /Acme website/ })).toBeVisible();
  await expect(projects.getByRole('option')).toHaveCount(1);
  // Still visible while the project is being typed.
  await expect(task).toBeVisible();
  await project.press('ArrowDown');
  await project.press('Enter');
  await expect(project).toHaveValue('Acme website');
  await expect(task).toBeEnabled();
  await task.fill('bui');
  await expect(app.getByRole('listbox', { name: 'Task choices' }).getByRole('option')).toHaveText([/Build/]);
  await task.press('ArrowDown');
  await task.press('Enter');
  await expect(task).toHaveValue('Build');

  await app.getByLabel('What are you working on?').fill('Homepage');
  await app.getByLabel('What are you working on?').press('Enter');
  await expect(app.getByTestId('running-description')).toHaveText('Homepage');
  expect(JSON.parse(host.cli('status', '--json').stdout)).toMatchObject({ project_id: '7001', task_id: '8002', account: 'acme-kantata' });
  await expect(app.locator('.timer').getByTestId('project-pill')).toContainText('Acme website');
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(app.getByTestId('entry')).toHaveCount(1);
  await expect(app.getByTestId('entry').getByTestId('project-pill')).toContainText('Acme website');
  await expect(app.getByTestId('entry').getByTestId('project-pill')).toContainText('Build');

  // Recently used comes first, under its own heading; the rest are grouped below.
  await project.fill('');
  await project.press('ArrowDown');
  const menu = projects;
  await expect(menu.getByRole('group').first()).toHaveAccessibleName('Recent');
  await expect(menu.getByRole('group').first().getByRole('option')).toHaveText([/Acme website/]);
  await expect(menu.getByRole('option')).toHaveCount(4);
  // No project here has a client: the rest are simply the projects.
  await expect(menu.getByRole('group').nth(1)).toHaveAccessibleName('Projects');
  await shot(app, 'forms-project-combobox');
  // The open menu's roles (listbox, groups, options) and the form's labels hold up to axe.
  const axe = await new AxeBuilder({ page: app }).include('.timer').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await project.press('Escape');
});

test('an overnight entry: 22:00–01:00 is saved ending the next day, shown as 3 hours', async ({ app, host }) => {
  await app.getByText('Add an entry by hand').click();
  const form = app.getByRole('form', { name: 'Add an entry' });
  await form.getByLabel('Entry description').fill('Release night');
  await form.getByLabel('Date', { exact: true }).fill(yesterday());
  await form.getByLabel('Start time').fill('22:00');
  await form.getByLabel('End time').fill('01:00');
  await expect(form.getByText('ends next day, 3h')).toBeVisible();
  await expect(form.getByLabel('Duration')).toHaveValue('3h');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(app.getByTestId('entry')).toHaveCount(1);
  // The keyboard is back in the description, ready for the next entry.
  await expect(form.getByLabel('Entry description')).toBeFocused();
  const [e] = entries(host);
  expect(Date.parse(e!.end) - Date.parse(e!.start)).toBe(3 * 3600_000);
  expect(localDate(Date.parse(e!.start))).toBe(yesterday());
  expect(localDate(Date.parse(e!.end))).toBe(localDate(Date.parse(e!.start) + 86_400_000));
  const row = app.getByTestId('entry');
  await expect(row).toContainText('3h00m');
  // The list writes times as the inputs do, in the locale's 12-hour form.
  await expect(row).toContainText(/10:00\s?PM–1:00\s?AM/);
});

test('a duration typed instead of the end sets the end; bad input gets words beside the field and the form does not move', async ({ app, host }) => {
  await app.getByText('Add an entry by hand').click();
  const form = app.getByRole('form', { name: 'Add an entry' });
  await form.getByLabel('Entry description').fill('Review');
  await form.getByLabel('Date', { exact: true }).fill(yesterday());
  const add = form.getByRole('button', { name: 'Add entry' });
  const before = await add.boundingBox();
  const endBox = await form.getByLabel('End time').boundingBox();

  await form.getByLabel('Start time').fill('10:00');
  await form.getByLabel('End time').fill('10:00');
  await add.click();
  const endMessage = form.getByRole('alert').filter({ hasText: 'End must be after start' });
  await expect(endMessage).toBeVisible();
  await expect(form.getByLabel('End time')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('End time')).toHaveAccessibleDescription('End must be after start');
  expect(await add.boundingBox()).toEqual(before);
  expect(await form.getByLabel('End time').boundingBox()).toEqual(endBox);
  expect(entries(host)).toEqual([]);

  await form.getByLabel('Duration').fill('1.5');
  await add.click();
  await expect(form.getByText('Type a duration like 1h30, 1:30, 90m or 1.5h')).toBeVisible();
  expect(await add.boundingBox()).toEqual(before);
  expect(entries(host)).toEqual([]);

  await form.getByLabel('Start time').fill('9:00');
  await form.getByLabel('Duration').fill('1h30');
  await expect(form.getByLabel('End time')).toHaveValue(/^10:30\s?AM$/);
  await form.getByLabel('Duration').fill('90m');
  await expect(form.getByLabel('End time')).toHaveValue(/^10:30\s?AM$/);
  await add.click();
  await expect(app.getByTestId('entry')).toHaveCount(1);
  await expect(form.getByRole('alert')).toHaveCount(0);
  const [e] = entries(host);
  expect(Date.parse(e!.end) - Date.parse(e!.start)).toBe(90 * 60_000);
  await expect(app.getByTestId('entry')).toContainText(/9:00\s?AM–10:30\s?AM/);
});

test('the inline editor is labelled and changes the date, billable and account; the keyboard comes back to the row', async ({ app, host }) => {
  const day = yesterday();
  // Made before any account exists: it stays on this computer.
  host.cli('add', 'Draft', '--start', `${day}T09:00:00+01:00`, '--end', `${day}T10:00:00+01:00`);
  await withKantata(app, host);
  await expect(app.getByTestId('entry')).toHaveCount(1);
  const before = entries(host)[0]!;
  expect(before).toMatchObject({ billable: true, account: null });

  await app.getByTestId('entry').focus();
  await app.keyboard.press('Enter');
  const editor = app.getByTestId('entry-editor');
  await expect(editor.getByText('Description', { exact: true })).toBeVisible();
  await expect(editor.getByLabel('Edit Date')).toHaveValue(day);
  await expect(editor.getByLabel('Edit Start time')).toHaveValue(/^9:00\s?AM$/);
  const earlier = localDate(Date.parse(`${day}T12:00:00Z`) - 86_400_000);
  await editor.getByLabel('Edit Date').fill(earlier);
  await editor.getByLabel('Edit billable').uncheck();
  await editor.getByLabel('Edit Account').selectOption('acme-kantata');
  await editor.getByRole('combobox', { name: 'Edit Project' }).fill('Initech');
  await editor.getByRole('combobox', { name: 'Edit Project' }).press('ArrowDown');
  await editor.getByRole('combobox', { name: 'Edit Project' }).press('Enter');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);

  const after = entries(host)[0]!;
  expect(after).toMatchObject({ id: before.id, billable: false, account: 'acme-kantata', project_id: '7003' });
  expect(localDate(Date.parse(after.start))).toBe(earlier);
  expect(Date.parse(after.end) - Date.parse(after.start)).toBe(3600_000);
  await expect.poll(() => app.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entryId)).toBe(before.id);
  await expect(app.getByTestId('entry').getByTestId('project-pill')).toContainText('Initech support');

  // Cancel with Esc changes nothing and also comes back to the row.
  await app.keyboard.press('Enter');
  await app.getByLabel('Edit description').fill('not kept');
  await app.getByLabel('Edit description').press('Escape');
  await expect(editor).toHaveCount(0);
  expect(entries(host)[0]).toEqual(after);
  await expect.poll(() => app.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entryId)).toBe(before.id);
});

test('Delete in the editor removes the entry and leaves the keyboard on the next row, not on the page', async ({ app, host }) => {
  const day = yesterday();
  host.cli('add', 'First', '--start', `${day}T09:00:00+01:00`, '--end', `${day}T10:00:00+01:00`);
  host.cli('add', 'Second', '--start', `${day}T11:00:00+01:00`, '--end', `${day}T12:00:00+01:00`);
  await expect(app.getByTestId('entry')).toHaveCount(2);
  const doomed = app.getByTestId('entry').filter({ hasText: 'Second' });
  const keep = entries(host).find((e) => e.description === 'First')!;
  await doomed.focus();
  await app.keyboard.press('Enter');
  await app.getByTestId('entry-editor').getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByTestId('entry')).toHaveCount(1);
  expect(entries(host).map((e) => e.description)).toEqual(['First']);
  await expect.poll(() => app.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entryId)).toBe(keep.id);
});
