/**
 * The mini timer route (issue 14, item 6) as the user meets it in the browser host: the same page
 * on ?view=mini (the fragment still carries the host's secret). Start, stop and continuing one of
 * the last five are checked in the database with the real CLI; axe and screenshots in both themes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, shot, stored, test, ZONE, type Host } from './host';

test.use({ locale: 'en-GB', timezoneId: ZONE, viewport: { width: 340, height: 420 } });
test.describe.configure({ timeout: 120_000 });

async function openMini(app: Page, host: Host) {
  await app.goto(`${host.url}?view=mini#${host.token}`);
  await expect(app.getByRole('main', { name: 'Mini timer' })).toBeVisible();
}
const status = (host: Host) => JSON.parse(host.cli('status', '--json').stdout) as { description: string } | null;

test('start, stop, and continue one of the last five: each lands in the database', async ({ app, host }) => {
  // Six past entries, two with the same description: the list offers five distinct ones, newest first.
  const names = ['Oldest', 'Write report', 'Review', 'Standup', 'Write report', 'Plan sprint'];
  names.forEach((n, i) => host.cli('add', n, '--start', new Date(Date.now() - (8 - i) * 3_600_000).toISOString(), '--duration', '20m'));
  await openMini(app, host);
  await expect(app.getByTestId('mini-continue')).toHaveText(['Plan sprint', 'Write report', 'Standup', 'Review', 'Oldest']);

  await app.getByLabel('What are you working on?').fill('Mini start');
  await app.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(app.getByTestId('running-description')).toHaveText('Mini start');
  expect(status(host)).toMatchObject({ description: 'Mini start' });
  await expect(app.getByTestId('elapsed')).toHaveText(/^0:00:0\d$/);

  await app.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(app.getByText('No timer running')).toBeVisible();
  expect(status(host)).toBeNull();
  expect(stored(host).map((e) => e.description)).toContain('Mini start');

  await app.getByRole('button', { name: 'Continue “Standup”' }).click();
  await expect(app.getByTestId('running-description')).toHaveText('Standup');
  expect(status(host)).toMatchObject({ description: 'Standup' });
  // The stopped one is now the newest to continue.
  await expect(app.getByTestId('mini-continue').first()).toHaveText('Mini start');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the mini timer in ${theme}: axe finds nothing serious or critical`, async ({ app, host }) => {
    test.setTimeout(180_000);
    host.cli('add', 'Write report', '--start', new Date(Date.now() - 3 * 3_600_000).toISOString(), '--duration', '45m');
    host.cli('start', 'Answer mail');
    await app.emulateMedia({ colorScheme: theme });
    await openMini(app, host);
    await expect(app.getByTestId('running-description')).toHaveText('Answer mail');
    const r = await new AxeBuilder({ page: app }).analyze();
    const bad = r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    await shot(app, `mini-${theme}-340`);
    expect(bad).toEqual([]);
  });
}
