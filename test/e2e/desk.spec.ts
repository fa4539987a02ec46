/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Issue 6 through the browser host in Chromium: the idle question (from simulated power/idle
 * signals), the reports view against the stored entries, settings validation, and the pickers
 * working offline from an account's cached project list.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { FAKE_PROVIDERS } from '../providers';
import { expect, stored, test, ZONE, type Host } from './host';
import type { BridgeMethod, Envelope } from '../../shared/bridge';
import type { BridgeAnswer } from '../helpers/bridge-call';

const SHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

async function shot(page: Page, name: string, info: { attach(n: string, o: { path: string; contentType: string }): Promise<void> }) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** What powerMonitor would report: the host takes them only with --test-hooks, and only with the host's secret. */
async function idleSignals(page: Page, host: Host, signals: object[]) {
  const r = await page.request.post(`${host.url}api/test/idle`, { data: signals, headers: { 'x-timetray-token': host.token } });
  expect(r.status()).toBe(200);
  return r.json() as Promise<unknown[]>;
}

/** A bridge call as the window makes it: what main holds, not what the screen shows. */
async function call<M extends BridgeMethod>(page: Page, host: Host, method: M, ...args: unknown[]): Promise<BridgeAnswer<M>> {
  const r = await page.request.post(`${host.url}api/call`, { data: { method, args }, headers: { 'x-timetray-token': host.token } });
  const envelope = (await r.json()) as Envelope;
  expect(envelope.ok).toBe(true);
  return (envelope as { value: BridgeAnswer<M> }).value;
}

const MIN = 60_000;

test('coming back after 20 idle minutes asks what to do; split keeps the time as its own entry', async ({ app, host }, info) => {
  const started = Date.now() - 45 * MIN;
  host.cli('start', 'Deep work', '--at', new Date(started).toISOString(), '--project', 'acme', '--tag', 'focus');
  await expect(app.getByTestId('running-description')).toHaveText('Deep work');
  const now = Date.now();
  // Idle for 20 minutes, then input again (the threshold is 5 minutes by default).
  const prompts = await idleSignals(app, host, [
    { kind: 'sample', wall: now - 5_000, mono: 100_000, idleSeconds: 1200 },
    { kind: 'sample', wall: now, mono: 105_000, idleSeconds: 0 },
  ]);
  expect(prompts).toHaveLength(1);
  const dialog = app.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toContainText('You were idle for 20m');
  await expect(dialog).toContainText('“Deep work”');
  await shot(app, 'idle-prompt', info);

  await dialog.getByRole('button', { name: /Split it/ }).click();
  await dialog.getByRole('button', { name: 'Save as its own entry' }).click();
  await expect(dialog.getByRole('alert')).toContainText('must describe the time away');
  expect(stored(host)).toHaveLength(0);

  await dialog.getByLabel('Away time description').fill('Coffee with the client');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const entries = stored(host).sort((a, b) => a.start.localeCompare(b.start));
  expect(entries.map((e) => e.description)).toEqual(['Deep work', 'Coffee with the client']);
  const [work, away] = entries as [typeof entries[0] & { duration_seconds: number; project_id: string }, typeof entries[0] & { duration_seconds: number; project_id: string }];
  expect(Math.abs(Date.parse(work.end) - (now - 1205_000))).toBeLessThan(2_000);
  expect(away.start).toBe(work.end);
  expect(Math.abs(away.duration_seconds - 1205)).toBeLessThanOrEqual(2);
  expect(away.project_id).toBe('acme');
  const running = JSON.parse(host.cli('status', '--json').stdout);
  expect(running.description).toBe('Deep work');
  expect(Math.abs(Date.parse(running.start) - now)).toBeLessThan(2_000);
});

test('discard ends the entry when idleness began; a resume without a suspend event is noticed too', async ({ app, host }) => {
  host.cli('start', 'Report writing', '--at', new Date(Date.now() - 90 * MIN).toISOString());
  await expect(app.getByTestId('running-description')).toHaveText('Report writing');
  const now = Date.now();
  // Two samples 30 minutes apart on the wall clock but 5 s apart on the monotonic one: the machine slept.
  await idleSignals(app, host, [
    { kind: 'sample', wall: now - 30 * MIN, mono: 500_000, idleSeconds: 2 },
    { kind: 'sample', wall: now, mono: 505_000, idleSeconds: 0 },
  ]);
  const dialog = app.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toContainText('for 30m');
  await dialog.getByRole('button', { name: /^Discard it \(stop/ }).click();
  await expect(dialog).toBeHidden();
  const [e] = stored(host);
  expect(e!.description).toBe('Report writing');
  expect(Math.abs(Date.parse(e!.end) - (now - 30 * MIN - 2_000))).toBeLessThan(3_000);
  expect(JSON.parse(host.cli('status', '--json').stdout)).toBeNull();
  await expect(app.getByText('No timer running')).toBeVisible();
});

test('reports: totals by day, project, tag and billable match the entries; CSV has the same numbers', async ({ app, host }, info) => {
  // Monday of last week, in the host's zone, as the report counts it (all of it in the past).
  const today = new Date(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now()) + 'T12:00:00Z');
  const monday = new Date(today.getTime() - (((today.getUTCDay() + 6) % 7) + 7) * 86_400_000).toISOString().slice(0, 10);
  const offset = new Intl.DateTimeFormat('en', { timeZone: ZONE, timeZoneName: 'longOffset' }).formatToParts(Date.parse(`${monday}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')!.value.replace('GMT', '') || '+00:00';
  const day = (n: number) => new Date(Date.parse(`${monday}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const add = (d: string, start: string, dur: string, ...flags: string[]) =>
    expect(host.cli('add', `work ${d} ${start}`, '--start', `${d}T${start}:00${offset}`, '--duration', dur, ...flags).code).toBe(0);
  add(day(0), '09:00', '2h', '--project', 'acme', '--tag', 'design');
  add(day(0), '13:00', '30m', '--project', 'globex', '--no-billable');
  add(day(1), '10:00', '1h15m', '--project', 'acme', '--tag', 'design', '--tag', 'backend');
  add(day(2), '23:00', '2h', '--project', 'globex'); // crosses midnight: 1 h on day 2, 1 h on day 3

  await app.getByRole('button', { name: 'Reports' }).click();
  await app.getByLabel('Range').selectOption('last-week');
  const table = app.getByRole('table', { name: 'Report table' });
  await expect(app.getByTestId('report-total')).toHaveText('5.75');
  await expect(app.getByTestId('report-summary')).toContainText('5h45m');
  await expect(app.getByTestId('report-billable')).toHaveText('5h15m');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  // Columns: acme, globex (by seconds), billable, total.
  await expect(table.locator('thead th')).toHaveText(['Period', 'acme', 'globex', 'Billable', 'Total']);
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(rows.slice(0, 4)).toEqual([['2.00', '0.50', '2.00', '2.50'], ['1.25', '0.00', '1.25', '1.25'], ['0.00', '1.00', '1.00', '1.00'], ['0.00', '1.00', '1.00', '1.00']]);
  await expect(app.getByTestId('report-chart')).toHaveAttribute('aria-label', /7 days, 5\.75 hours/);
  await shot(app, 'reports-view', info);

  await app.getByLabel('Split by').selectOption('tag');
  await expect(table.locator('thead th')).toHaveText(['Period', 'design', '(no tag)', 'backend', 'Billable', 'Total']);
  await expect(table.locator('tfoot td')).toHaveText(['3.25', '2.50', '1.25', '5.25', '5.75']);

  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = parse(await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8')), { columns: true }) as Record<string, string>[];
  expect(csv.length).toBeGreaterThan(0);
  expect(JSON.stringify(csv)).toContain('design');
  // The same total in the file as on the screen.
  const totalRow = csv.find((r) => Object.values(r).some((v) => /^total$/i.test(v)));
  expect(totalRow && Object.values(totalRow)).toContain('5.75');
});

test('settings: each bad value is refused beside its field and nothing is saved; a good save sticks', async ({ app, host }) => {
  await app.keyboard.press('Alt+3');
  await expect(app.getByTestId('zone')).toHaveText(ZONE);
  await app.getByLabel('Open window shortcut').fill('Alt+CmdOrCtrl+T');
  await expect(app.locator('[data-field="shortcut_open"]')).toContainText('already the shortcut to start/stop timer');
  await expect(app.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  await app.getByLabel('Open window shortcut').fill('CommandOrControl+Alt+K');

  await app.getByLabel('Idle threshold').fill('-3');
  await app.getByLabel('Working hours from').fill('18:00');
  await app.getByLabel('Working hours to').fill('09:00');
  await app.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.locator('[data-field="idle_threshold_minutes"]')).toContainText('must be 0 (off) or more');
  await expect(app.locator('[data-field="working_hours.end"]')).toContainText('start must be before end');
  expect(await call(app, host, 'settings.get')).toMatchObject({ idle_threshold_minutes: 5, shortcut_open: 'CommandOrControl+Alt+O' });

  await app.getByLabel('Idle threshold').fill('10');
  await app.getByLabel('Working hours to').fill('19:00');
  await app.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(await call(app, host, 'settings.get')).toMatchObject({
    idle_threshold_minutes: 10, shortcut_open: 'CommandOrControl+Alt+K', working_hours: { start: '18:00', end: '19:00' },
  });
});

test('accounts: a missing context id is refused; test connection reports a bad token; projects pick offline', async ({ app, host }) => {
  const fake = await FAKE_PROVIDERS.kantata();
  try {
    await app.keyboard.press('Alt+3');
    const form = app.getByRole('form', { name: 'Add an account' });
    // Choosing a service fills in its usual base URL (from the connector registry, over providers.list).
    await expect(form.getByLabel('Account Base URL')).toHaveValue('https://api.voltasis.com');
    await form.getByLabel('Account service').selectOption('kukkingu');
    await expect(form.getByLabel('Account Base URL')).toHaveValue('https://api.contracting.kukkingu.software');
    await form.getByLabel('Account Name').fill('client-k');
    await form.getByLabel('Account Base URL').fill('http://127.0.0.1:9/');
    await form.getByRole('button', { name: 'Save account' }).click();
    await expect(form.locator('[data-field="context.tenant"]')).toContainText('is required for Kukkingu');
    await expect(app.getByTestId('account-row')).toHaveCount(0);

    await form.getByLabel('Account service').selectOption('kantata');
    await form.getByLabel('Account Name').fill('acme-kantata');
    await form.getByLabel('Account Base URL').fill(fake.account().base_url);
    await form.getByLabel('Account API token').fill('wrong-token');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByTestId('connection-new')).toContainText('401');
    await expect(form.getByTestId('connection-new')).not.toContainText('wrong-token');
    await form.getByLabel('Account API token').fill(fake.token);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByTestId('connection-new')).toContainText('Connected');
    await form.getByRole('button', { name: 'Save account' }).click();
    const row = app.getByTestId('account-row');
    await expect(row).toContainText('token stored');
    // The token never comes back to the window.
    expect(JSON.stringify(await call(app, host, 'accounts.list'))).not.toContain(fake.token);
    await row.getByRole('button', { name: 'Refresh projects' }).click();
    await expect(row).toContainText(/[1-9]\d* projects? known/);
  } finally {
    await fake.close();
  }
  // Offline now: the picker still offers the cached projects, by name.
  await app.keyboard.press('Alt+1');
  // The combobox lists the cached projects by name; the first one, picked by keyboard, is sent by id.
  const project = app.getByRole('combobox', { name: 'Project', exact: true });
  await project.click();
  await project.press('ArrowDown');
  const first = app.getByRole('listbox', { name: 'Project choices' }).getByRole('option').first();
  await expect(first).toBeVisible();
  const [name, id] = await first.evaluate((o) => [o.querySelector('span')!.textContent!, o.querySelector('.combo-id')?.textContent?.trim() ?? o.querySelector('span')!.textContent!]);
  expect(name).not.toBe(id);
  await project.press('Enter');
  await expect(project).toHaveValue(name!);
  await app.getByLabel('What are you working on?').fill('Picked offline');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('running-description')).toHaveText('Picked offline');
  const running = JSON.parse(host.cli('status', '--json').stdout);
  expect(running).toMatchObject({ project_id: id, account: 'acme-kantata' });
});
