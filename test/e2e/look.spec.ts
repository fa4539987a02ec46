/**
 * The window checked like a product (issue 14, items 1, 4, 10): the entry row on one grid, both
 * themes, the 420 px layout measured box by box, where the keyboard lands after each action, the
 * skip link, Discard's Undo, the sync bar, axe-core on every view in light and dark, and
 * screenshots of each view at 1200×800 and 420×600 in test-results/screenshots/.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, shot, test, type Host } from './host';

const VIEWS = ['entries', 'reports', 'settings'] as const;
const SIZES = [{ width: 1200, height: 800 }, { width: 420, height: 600 }] as const;
const LONG = 'Design review with the client about the new onboarding flow, the pricing page and the FAQ';

/** A day of work as a user would have it: a long description, projects, tags, unbillable time, yesterday, a running timer. */
function seed(host: Host) {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  for (const args of [
    [LONG, '--start', '09:00', '--end', '10:30', '--project', 'acme', '--tag', 'design', '--tag', 'review', '--tag', 'client'],
    ['Invoice prep', '--start', '11:00', '--duration', '40m', '--no-billable'],
    ['Late deploy', '--start', `${yesterday}T21:30:00+01:00`, '--duration', '2h', '--project', 'globex-infrastructure'],
  ]) expect(host.cli('add', ...args).code).toBe(0);
  expect(host.cli('start', 'API integration', '--project', 'acme', '--tag', 'backend').code).toBe(0);
}

const box = async (l: Locator) => (await l.boundingBox())!;
/**
 * Waits until the list's rows stop moving. The list is virtualized: rows are placed by an estimate,
 * then measured and moved, so a box read before that is where the row was, not where it is.
 */
const listSettled = (page: Page) => page.evaluate(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const where = () => JSON.stringify([...document.querySelectorAll('[data-testid=entry] *, [data-testid=entry]')].map((el) => {
    const r = el.getBoundingClientRect();
    return [r.x, r.y, r.width, r.height];
  }));
  let last = '';
  for (let i = 0; i < 60; i++) {
    await frame();
    const now = where();
    if (now === last) return;
    last = now;
  }
  throw new Error('the list kept moving for 60 frames');
});
const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a?.tagName.toLowerCase(), testid: a?.getAttribute('data-testid'), label: a?.getAttribute('aria-label'), id: a?.id };
});

/** Every view a user can be in: the three tabs, and the calendar's week and day. */
const ALL_VIEWS = [...VIEWS, 'calendar-week', 'calendar-day'] as const;

async function openAnyView(page: Page, view: (typeof ALL_VIEWS)[number]) {
  if (view !== 'calendar-week' && view !== 'calendar-day') return openView(page, view);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Calendar' }).click();
  const mode = view === 'calendar-week' ? 'Week' : 'Day';
  await page.getByRole('button', { name: mode, exact: true }).click();
  await expect(page.getByTestId('cal-day')).toHaveCount(mode === 'Week' ? 7 : 1, { timeout: 20_000 });
  // Its blocks are drawn: yesterday's and today's entries, and the running timer, in the week.
  if (mode === 'Week') await expect(page.getByTestId('cal-block').first()).toBeVisible();
}

async function openView(page: Page, view: (typeof VIEWS)[number]) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view[0]!.toUpperCase() + view.slice(1) }).click();
  // Reports and Settings load on first open: on a busy machine that takes a while.
  const timeout = 20_000;
  if (view === 'entries') await expect(page.getByTestId('entry').first()).toBeVisible({ timeout });
  if (view === 'reports') await expect(page.getByTestId('report-total')).toBeVisible({ timeout });
  if (view === 'settings') await expect(page.getByRole('radiogroup', { name: 'Theme' })).toBeVisible({ timeout });
}

// Two cores shared by several suites: give each test room.
test.describe.configure({ timeout: 60_000 });

test.describe('the entry row', () => {
  test.use({ viewport: { width: 1200, height: 800 } });

  test('columns line up across rows and days; the day total sits over the durations', async ({ app, host }) => {
    seed(host);
    const rows = app.getByTestId('entry');
    await expect(rows).toHaveCount(3);
    const rights = await Promise.all([0, 1, 2].map(async (i) => Math.round((await box(rows.nth(i).locator('.e-dur'))).x + (await box(rows.nth(i).locator('.e-dur'))).width)));
    const totals = app.getByTestId('day-total');
    await expect(totals).toHaveCount(2);
    for (const i of [0, 1]) {
      const b = await box(totals.nth(i));
      rights.push(Math.round(b.x + b.width));
    }
    expect(new Set(rights).size).toBe(1);
    // The date and the total are two things, not "…20262h10m" run together.
    const header = app.getByTestId('day').first();
    const [date, total] = [await box(header.locator('.day-date')), await box(totals.first())];
    expect(total.x).toBeGreaterThan(date.x + date.width);
    for (const col of ['.e-when', '.e-project', '.e-sync']) {
      const xs = await Promise.all([0, 1, 2].map(async (i) => Math.round((await box(rows.nth(i).locator(col))).x)));
      expect(new Set(xs).size, col).toBe(1);
    }
    // A long description is cut with an ellipsis; its full text is a hover away.
    const desc = rows.filter({ hasText: 'Design review' }).getByTestId('entry-description');
    await expect(desc).toHaveAttribute('title', LONG);
    expect(await desc.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // Project as a pill, tags as chips with the rest counted, billable as a mark, sync as an icon with words.
    const design = rows.filter({ hasText: 'Design review' });
    await expect(design.getByTestId('project-pill')).toBeVisible();
    await expect(design.locator('.tag')).toHaveText(['#design', '#review', '+1 more tags']);
    // …all inside the tags column: "+1" was cut off by it at this width.
    const strip = await box(design.locator('.e-tags'));
    for (const tag of await design.locator('.tag').all()) {
      const b = await box(tag);
      expect(b.x + b.width, (await tag.textContent()) ?? '').toBeLessThanOrEqual(strip.x + strip.width + 0.5);
    }
    expect(await design.locator('.more-tags').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await expect(design.locator('.e-bill')).toHaveAttribute('title', 'Billable');
    await expect(rows.filter({ hasText: 'Invoice prep' }).locator('.e-bill')).toHaveAttribute('title', 'Not billable');
    await expect(design.getByTestId('sync-badge')).toHaveText('local');
    await expect(design.getByTestId('sync-badge')).toHaveAttribute('title', 'Local: kept on this computer only');
  });

  // EntryList places plain rows and day headings by its own figures (DAY_PX, ROW_PX) and
  // entries.css gives them their heights: if the two drift apart, rows overlap or gaps open.
  for (const width of [1200, 420]) test(`rows sit edge to edge and nothing in them is cut (${width} px)`, async ({ app, host }) => {
    seed(host);
    await app.setViewportSize({ width, height: 800 });
    await expect(app.getByTestId('entry')).toHaveCount(3);
    await listSettled(app);
    const rows = await app.evaluate(() => [...document.querySelectorAll<HTMLElement>('#entries .row')].map((r) => {
      const b = r.getBoundingClientRect();
      const inner = r.firstElementChild!.getBoundingClientRect();
      return { kind: r.dataset.kind, top: b.top, bottom: b.bottom, innerBottom: inner.bottom };
    }).sort((x, y) => x.top - y.top));
    expect(rows.map((r) => r.kind)).toEqual(width > 719 ? ['day', 'entry', 'entry', 'day', 'entry'] : ['day', 'folded', 'folded', 'day', 'folded']);
    for (const [i, r] of rows.entries()) {
      if (i > 0) expect(r.top, `row ${i} starts where row ${i - 1} ends`).toBeCloseTo(rows[i - 1]!.bottom, 0);
      expect(r.innerBottom, `row ${i}'s content fits its box`).toBeLessThanOrEqual(r.bottom + 0.5);
    }
  });

  test('actions show on the row under the pointer or holding the focus, never on every row', async ({ app, host }) => {
    seed(host);
    const rows = app.getByTestId('entry');
    await expect(rows).toHaveCount(3);
    const shown = async () => {
      const out: number[] = [];
      for (let i = 0; i < 3; i++) if ((await rows.nth(i).locator('.e-actions').evaluate((el) => getComputedStyle(el).opacity)) === '1') out.push(i);
      return out;
    };
    await app.mouse.move(600, 5);
    await expect(app.getByRole('button', { name: /^(Edit|Delete|Continue) / })).toHaveCount(9);
    expect(await shown()).toEqual([]);
    await rows.nth(1).hover();
    expect(await shown()).toEqual([1]);
    await rows.nth(1).getByRole('button', { name: `Edit ${LONG}` }).click();
    await expect(app.getByTestId('entry-editor')).toBeVisible();
    await app.keyboard.press('Escape');
    // By keyboard: the row takes the focus, its actions appear and Tab reaches them.
    await app.mouse.move(600, 5);
    await rows.nth(2).focus();
    expect(await shown()).toEqual([2]);
    for (let i = 0; i < 3; i++) await app.keyboard.press('Tab');
    expect((await focused(app)).label).toBe('Continue Late deploy');
  });
});

// 12-hour times ("9:30 PM–11:30 PM") are the widest; the default locale differs between machines, so both are named.
for (const [width, locale] of [[420, 'en-US'], [360, 'en-US'], [360, 'en-GB']] as const) test.describe(locale, () => {
  test.use({ locale });
  test(`at ${width}×600 nothing is cut off: descriptions, pills, badges and actions fit; the timer bar stays compact`, async ({ app, host }) => {
    await app.setViewportSize({ width, height: 600 });
    seed(host);
    const rows = app.getByTestId('entry');
    await expect(rows).toHaveCount(3);
    // The timer the seed started shows too: at this width it takes a line of its own and moves the list down.
    await expect(app.getByRole('region', { name: 'Timer' })).toContainText('API integration');
    await listSettled(app);
    expect(await app.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    for (let i = 0; i < 3; i++) {
      const row = await box(rows.nth(i));
      expect(row.x).toBeGreaterThanOrEqual(0);
      expect(row.x + row.width).toBeLessThanOrEqual(width);
      const desc = await box(rows.nth(i).getByTestId('entry-description'));
      expect(desc.width).toBeGreaterThan(width === 420 ? 150 : 110);
      for (const part of ['.e-dur', '.e-sync', '.e-when', '[data-testid=project-pill]', '.tag']) {
        for (const el of await rows.nth(i).locator(part).all()) {
          const b = await box(el);
          expect(b.x, part).toBeGreaterThanOrEqual(row.x);
          expect(b.x + b.width, part).toBeLessThanOrEqual(row.x + row.width + 0.5);
          expect(b.y + b.height, part).toBeLessThanOrEqual(row.y + row.height + 0.5);
        }
      }
      // Badges are whole: their text is not cut (no "s" for "synced").
      for (const el of await rows.nth(i).locator('.e-dur, .e-when, .tag, [data-testid=project-pill], [data-testid=project-pill] *').all()) {
        expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), (await el.textContent()) ?? '').toBe(true);
      }
      // …and not hidden by what holds them (a tag cut off at the end of its row's tag strip).
      for (const el of await rows.nth(i).locator('.tag').all()) {
        const strip = await box(rows.nth(i).locator('.e-tags'));
        const b = await box(el);
        expect(b.x + b.width, (await el.textContent()) ?? '').toBeLessThanOrEqual(strip.x + strip.width + 0.5);
      }
    }
    // The running timer's project reads whole; its description gives way first.
    for (const el of await app.getByRole('region', { name: 'Timer' }).locator('[data-testid=project-pill], [data-testid=project-pill] *').all()) {
      expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), `timer: ${(await el.textContent()) ?? ''}`).toBe(true);
    }
    // The timer bar is a strip, not a third of the window.
    expect((await box(app.getByRole('region', { name: 'Timer' }))).height).toBeLessThan(150);
    // "Show 30 earlier days" has its own place: it touches neither the rows nor the sync bar.
    const more = await box(app.getByRole('button', { name: 'Show 30 earlier days' }));
    const sync = await box(app.getByRole('contentinfo', { name: 'Sync' }));
    const lastRow = await box(rows.last());
    expect(more.y).toBeGreaterThanOrEqual(lastRow.y + lastRow.height);
    expect(more.y + more.height).toBeLessThanOrEqual(sync.y);
    // Actions: on focus, all inside the window.
    await rows.first().focus();
    for (const b of await rows.first().locator('.e-actions button').all()) {
      await expect(b).toBeVisible();
      const r = await box(b);
      expect(r.x + r.width).toBeLessThanOrEqual(width);
    }
    await shot(app, `entries-hover-light-${width}-${locale}`);
  });
});

test('at 420 wide the folded timer options still show that a project is picked', async ({ app, host }) => {
  await app.setViewportSize({ width: 420, height: 600 });
  host.cli('add', 'Earlier', '--start', '08:00', '--duration', '30m', '--project', 'acme');
  await expect(app.getByTestId('entry')).toHaveCount(1);
  const bar = app.getByRole('region', { name: 'Timer' });
  const fold = bar.getByRole('button', { name: /^Project, tags and billable/ });
  const project = bar.getByRole('combobox', { name: 'Project' });
  await expect(project).toBeHidden();
  await expect(fold).toHaveAccessibleName('Project, tags and billable');
  await expect(bar.getByTestId('options-count')).toHaveCount(0);
  await fold.click();
  await project.fill('acme');
  await project.press('Tab');
  await fold.click();
  await expect(project).toBeHidden();
  // Folded, the button says a project waits for the next start: a count in the project's colour, and in words.
  const count = bar.getByTestId('options-count');
  await expect(count).toBeVisible();
  await expect(count).toHaveText('1');
  await expect(fold).toHaveAccessibleName('Project, tags and billable (set: project acme)');
  const [c, f] = [await box(count), await box(fold)];
  expect(c.x + c.width).toBeLessThanOrEqual(420);
  expect(c.x).toBeGreaterThan(f.x);
  expect(c.y).toBeLessThan(f.y + f.height);
  await shot(app, 'timer-folded-project-light-420');
  // And it is what the next start takes.
  await app.getByLabel('What are you working on?').fill('Folded start');
  await app.getByLabel('What are you working on?').press('Enter');
  await expect(app.getByTestId('running-description')).toHaveText('Folded start');
  expect(JSON.parse(host.cli('status', '--json').stdout)).toMatchObject({ description: 'Folded start', project_id: 'acme' });
});

test('the keyboard lands somewhere after Stop, Save and Delete, never on <body>', async ({ app, host }) => {
  host.cli('add', 'First', '--start', '08:00', '--duration', '30m');
  host.cli('add', 'Second', '--start', '09:00', '--duration', '30m');
  host.cli('start', 'Running');
  await expect(app.getByTestId('running-description')).toHaveText('Running');
  await app.getByRole('button', { name: 'Stop' }).click();
  await expect(app.getByText('No timer running')).toBeVisible();
  expect((await focused(app)).label).toBe('What are you working on?');

  const second = app.getByTestId('entry').filter({ hasText: 'Second' });
  await second.focus();
  await app.keyboard.press('Enter');
  await app.getByLabel('Edit description').fill('Second, renamed');
  await app.getByLabel('Edit description').press('Enter');
  await expect(app.getByTestId('entry').filter({ hasText: 'Second, renamed' })).toBeVisible();
  await expect.poll(async () => (await focused(app)).testid).toBe('entry');
  expect(await app.evaluate(() => document.activeElement?.textContent)).toContain('Second, renamed');

  // Delete with the mouse: the keyboard goes to the row that took its place.
  const row = app.getByTestId('entry').filter({ hasText: 'Second, renamed' });
  await row.hover();
  await row.getByRole('button', { name: 'Delete Second, renamed' }).click();
  await expect(app.getByTestId('entry')).toHaveCount(2);
  await expect.poll(async () => (await focused(app)).testid).toBe('entry');
  // The last one by key: the list itself holds the focus.
  for (const name of ['Running', 'First']) {
    await app.getByTestId('entry').filter({ hasText: name }).focus();
    await app.keyboard.press('Delete');
    await expect(app.getByTestId('entry').filter({ hasText: name })).toHaveCount(0);
  }
  await expect.poll(async () => (await focused(app)).id).toBe('entries');
});

test('a skip link is the first Tab stop and takes the keyboard to the entries', async ({ app, host }) => {
  host.cli('add', 'Only entry', '--start', '08:00', '--duration', '30m');
  await expect(app.getByTestId('entry')).toHaveCount(1);
  // First in the Tab order: right before the field that has the focus when the window opens.
  await expect(app.getByLabel('What are you working on?')).toBeFocused();
  await app.keyboard.press('Shift+Tab');
  const skip = app.getByRole('link', { name: 'Skip to entries' });
  expect(await app.evaluate(() => document.querySelector('a[href], button, input, select, [tabindex]:not([tabindex="-1"])')?.textContent)).toBe('Skip to entries');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect.poll(async () => (await focused(app)).id).toBe('entries');
  await app.keyboard.press('Tab');
  expect((await focused(app)).testid).toBe('entry');
});

test('the timer reads h:mm:ss; Discard can be undone, and the timer runs on from its first start', async ({ app, host }) => {
  const start = new Date(Date.now() - 65 * 60_000).toISOString();
  host.cli('start', 'Long focus', '--at', start, '--project', 'acme');
  await expect(app.getByTestId('running-description')).toHaveText('Long focus');
  const before = JSON.parse(host.cli('status', '--json').stdout);
  await expect(app.getByTestId('elapsed')).toHaveText(/^1:0[45]:\d\d$/);
  await expect(app.getByRole('region', { name: 'Timer' }).getByTestId('project-pill')).toBeVisible();
  await app.getByRole('button', { name: 'Discard' }).click();
  await expect(app.getByText('No timer running')).toBeVisible();
  expect(JSON.parse(host.cli('status', '--json').stdout)).toBeNull();
  await expect(app.getByTestId('undo-toast')).toContainText('Discarded the timer “Long focus”');
  expect((await focused(app)).label).toBe('What are you working on?');
  await app.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByTestId('running-description')).toHaveText('Long focus');
  const back = JSON.parse(host.cli('status', '--json').stdout);
  expect(back).toMatchObject({ description: 'Long focus', project_id: 'acme' });
  expect(back.start).toBe(before.start);
});

test('the theme follows the system until Settings picks one, and the pick is kept', async ({ app, host }) => {
  const bg = () => app.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await bg()).toBe('rgb(28, 28, 30)');
  await app.emulateMedia({ colorScheme: 'light' });
  expect(await bg()).toBe('rgb(251, 251, 250)');

  await openView(app, 'settings');
  await app.getByRole('radio', { name: 'Dark' }).check();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).toBe('rgb(28, 28, 30)');
  // What main stored, read over the bridge as the window reads it.
  const stored = async () => (await (await app.request.post(`${host.url}api/call`, { data: { method: 'settings.get', args: [] }, headers: { 'x-timetray-token': host.token } })).json()).value.theme;
  await expect.poll(stored).toBe('dark');
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).toBe('rgb(28, 28, 30)');
});

test('the sync bar lists an account the CLI adds while the window is open, and says sync is off here', async ({ app, host }) => {
  await expect(app.getByRole('contentinfo', { name: 'Sync' })).toContainText('No accounts');
  expect(host.cli('accounts', 'add', 'work', '--provider', 'voltasis', '--base-url', 'http://127.0.0.1:9', '--token-env', 'NOPE').code).toBe(0);
  const line = app.getByTestId('account-status');
  await expect(line).toHaveCount(1, { timeout: 3000 });
  await expect(line).toContainText('work');
  await expect(line.getByTestId('last-synced')).toHaveText('not synced yet');
  host.cli('add', 'Queued', '--start', '08:00', '--duration', '30m');
  await expect(line.getByTestId('queued')).toHaveText('1 change to send');
  await expect(app.getByTestId('sync-activity')).toHaveText('Sync is off');
  const now = app.getByRole('button', { name: 'Sync now' });
  await expect(now).toBeDisabled();
  await expect(now).toHaveAttribute('title', /Sync is off/);
  await expect(app.getByRole('contentinfo', { name: 'Sync' })).not.toContainText('shown pending');
});

for (const theme of ['light', 'dark'] as const) {
  test(`every view in ${theme}: axe finds nothing serious or critical; screenshots at both sizes`, async ({ app, host }) => {
    test.setTimeout(240_000);
    seed(host);
    await app.emulateMedia({ colorScheme: theme });
    await expect(app.getByTestId('entry')).toHaveCount(3);
    const found: string[] = [];
    for (const size of SIZES) {
      await app.setViewportSize(size);
      for (const view of ALL_VIEWS) {
        await openAnyView(app, view);
        await app.mouse.move(size.width - 5, size.height - 5);
        const r = await new AxeBuilder({ page: app }).analyze();
        for (const v of r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          found.push(`${view} ${size.width}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
        await shot(app, `${view}-${theme}-${size.width}`);
      }
    }
    expect(found).toEqual([]);
  });
}
