/**
 * The calendar as a user meets it (issue 14, item 7): a drag on the week's empty grid adds an
 * entry for the span dragged, a block dragged moves, its bottom edge dragged resizes, arrows move
 * it, Undo puts a move back, a refused drag says why and changes nothing, and an entry from 22:00
 * to 01:00 shows on both days. The oracle is what the user did — the wall-clock times they
 * dragged, in their zone — checked against the database through the bridge.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { BridgeMethod, Envelope } from '../../shared/bridge';
import { expect, shot, test, ZONE, type Host } from './host';

test.use({ locale: 'en-GB', timezoneId: ZONE, viewport: { width: 1200, height: 800 } });
test.describe.configure({ timeout: 90_000 });
// Axe over the whole window is slow when the two cores are shared: its tests get longer (below).

const PX_PER_MIN = 0.8;

async function call(page: Page, host: Host, method: BridgeMethod, ...args: unknown[]): Promise<unknown> {
  const r = await page.request.post(`${host.url}api/call`, { data: { method, args }, headers: { 'x-timetray-token': host.token } });
  const envelope = (await r.json()) as Envelope;
  expect(envelope).toMatchObject({ ok: true });
  return (envelope as { value: unknown }).value;
}

type Stored = { id: string; description: string; start: string; end: string };
/** Every entry in the database, through the bridge. */
const inDb = async (page: Page, host: Host) => (await call(page, host, 'entries.list', {})) as Stored[];

/** An instant as the user in Amsterdam reads it: "2026-11-30 09:05". Intl, not our code, is the oracle. */
const wall = (iso: string) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(Date.parse(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now());
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The zone's offset ("+01:00", "+02:00") at that wall time, from Intl: right in any season. */
function offsetAt(date: string, time: string): string {
  // The offset an hour either side can differ only on a DST day; read it at the instant itself.
  const guess = Date.parse(`${date}T${time}:00Z`);
  const off = (ms: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' }).formatToParts(ms).find((x) => x.type === 'timeZoneName')!.value;
    return name === 'GMT' ? '+00:00' : name.slice(3);
  };
  const first = off(guess);
  return off(Date.parse(`${date}T${time}:00${first}`));
}
/** "2026-11-30", "22:00" → the instant the user in ZONE means, with the zone's own offset. */
const at = (date: string, time: string) => `${date}T${time}:00${offsetAt(date, time)}`;

/** The dates of the week on screen, Monday first, as the calendar labels its columns. */
const shownWeek = async (app: Page) => app.getByTestId('cal-day').evaluateAll((els) => els.map((el) => el.getAttribute('data-date')!));

/** The day of the shown week to work on: yesterday, or today when the week starts today; never later than today. */
async function dragDay(app: Page): Promise<string> {
  const week = await shownWeek(app);
  const t = today();
  expect(week).toContain(t);
  const day = week.includes(shift(t, -1)) ? shift(t, -1) : t;
  // The next day is in the shown week too (an entry crossing midnight shows on both).
  expect(week).toContain(shift(day, 1));
  return day;
}

async function openCalendar(app: Page) {
  await app.getByRole('button', { name: 'Calendar', exact: true }).click();
  await expect(app.getByTestId('cal-day')).toHaveCount(7);
  // 08:00 at the top of the timeline, so 09:00–12:00 is on screen.
  await app.locator('.cal-scroll').evaluate((el) => (el.scrollTop = 8 * 60 * 0.8));
}

/** The viewport point of local minute `minute` (from midnight) in the column of `date`. */
async function point(app: Page, date: string, minute: number, xFrac = 0.5) {
  const box = (await app.locator(`[data-testid="cal-day"][data-date="${date}"]`).boundingBox())!;
  return { x: box.x + box.width * xFrac, y: box.y + minute * PX_PER_MIN };
}

async function drag(app: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await app.mouse.move(from.x, from.y);
  await app.mouse.down();
  await app.mouse.move(to.x, to.y, { steps: 8 });
  await app.mouse.up();
}

test('drag to create on the week, move, resize, keyboard, undo a move; a refused drag changes nothing', async ({ app, host }) => {
  await openCalendar(app);
  const day = await dragDay(app);

  // 09:03 → 10:28 snaps to 09:05–10:30.
  await drag(app, await point(app, day, 9 * 60 + 3, 0.3), await point(app, day, 10 * 60 + 28, 0.3));
  const draft = app.getByRole('dialog', { name: 'New entry' });
  await expect(draft.getByTestId('cal-draft-when')).toContainText(`${day}, 09:05–10:30`);
  await draft.getByLabel('New entry description').fill('Dragged in');
  await draft.getByLabel('New entry description').press('Enter');
  await expect(draft).toBeHidden();
  await expect.poll(async () => (await inDb(app, host)).map((e) => [e.description, wall(e.start), wall(e.end)]))
    .toEqual([['Dragged in', `${day} 09:05`, `${day} 10:30`]]);
  const block = app.getByTestId('cal-block').filter({ hasText: 'Dragged in' });
  await expect(block).toHaveCount(1);
  await shot(app, 'calendar-drag-created');

  // Move: grab the middle and drop one hour and two minutes lower → 10:05–11:30 (length kept, snapped).
  const b = (await block.boundingBox())!;
  await drag(app, { x: b.x + b.width / 2, y: b.y + 20 }, { x: b.x + b.width / 2, y: b.y + 20 + 62 * PX_PER_MIN });
  await expect.poll(async () => (await inDb(app, host)).map((e) => [wall(e.start), wall(e.end)])).toEqual([[`${day} 10:05`, `${day} 11:30`]]);
  await expect(app.getByTestId('cal-undo-toast')).toContainText('Moved “Dragged in”');

  // Undo puts it back where it was dragged from.
  await app.getByTestId('cal-undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await inDb(app, host)).map((e) => [wall(e.start), wall(e.end)])).toEqual([[`${day} 09:05`, `${day} 10:30`]]);

  // Resize: the bottom edge half an hour lower → ends 11:00, starts where it did.
  const r = (await block.boundingBox())!;
  const edge = { x: r.x + r.width / 2, y: r.y + r.height - 2 };
  await drag(app, edge, { x: edge.x, y: edge.y + 30 * PX_PER_MIN });
  await expect.poll(async () => (await inDb(app, host)).map((e) => [wall(e.start), wall(e.end)])).toEqual([[`${day} 09:05`, `${day} 11:00`]]);

  // Keyboard: the block is focusable; ↓ moves by 15 minutes, Shift+↓ moves the end. Pressed as fast
  // as a user taps, each step builds on the one before, not on what the list last read.
  await block.focus();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Shift+ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect.poll(async () => (await inDb(app, host)).map((e) => [wall(e.start), wall(e.end)])).toEqual([[`${day} 09:35`, `${day} 11:45`]]);
  await expect(block).toHaveAttribute('aria-label', /09:35–11:45/);
  await block.focus();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('Shift+ArrowUp');
  await expect.poll(async () => (await inDb(app, host)).map((e) => [wall(e.start), wall(e.end)])).toEqual([[`${day} 09:20`, `${day} 11:15`]]);

  // Next week is more than a day ahead: the same rule as the form refuses it, in words, and nothing is stored.
  await app.getByRole('button', { name: 'Next week' }).click();
  await app.locator('.cal-scroll').evaluate((el) => (el.scrollTop = 8 * 60 * 0.8));
  const later = shift(day, 7);
  await drag(app, await point(app, later, 9 * 60), await point(app, later, 10 * 60));
  await draft.getByLabel('New entry description').fill('Too early to tell');
  await draft.getByRole('button', { name: 'Add entry' }).click();
  await expect(draft.getByRole('alert')).toHaveText('Start can be at most a day from now');
  expect((await inDb(app, host)).map((e) => e.description)).toEqual(['Dragged in']);
});

test('an entry from 22:00 to 01:00 shows on both days, cut at midnight and said to continue', async ({ app, host }) => {
  const t = today();
  const y = shift(t, -1);
  expect(host.cli('add', 'Night shift', '--start', at(y, '22:00'), '--end', at(t, '01:00')).code).toBe(0);
  await openCalendar(app);
  await app.getByRole('button', { name: 'Day', exact: true }).click();
  const blocks = app.getByTestId('cal-block').filter({ hasText: 'Night shift' });
  await expect(blocks).toHaveCount(1);
  await expect(blocks).toHaveAttribute('aria-label', /continues from the day before/);
  await expect(blocks).toContainText('from the day before');
  // One hour of grid today (00:00–01:00).
  expect(Math.round((await blocks.boundingBox())!.height)).toBe(Math.round(60 * PX_PER_MIN));
  await app.getByRole('button', { name: 'Previous day' }).click();
  await expect(blocks).toHaveAttribute('aria-label', /continues the next day/);
  await expect(blocks).toContainText('continues next day');
  expect(Math.round((await blocks.boundingBox())!.height)).toBe(Math.round(120 * PX_PER_MIN));
});

test('Amsterdam’s last Sunday of October has 25 hours of grid, March’s 23', async ({ app }) => {
  await openCalendar(app);
  await app.getByRole('button', { name: 'Day', exact: true }).click();
  const toDate = async (target: string) => {
    await app.getByLabel('Go to date').fill(target);
    await expect(app.getByTestId('cal-day')).toHaveAttribute('data-date', target);
  };
  await toDate('2026-10-25');
  await expect(app.getByTestId('cal-day')).toHaveAttribute('data-hours', '25');
  expect(Math.round((await app.getByTestId('cal-day').boundingBox())!.height)).toBe(25 * 48);
  await expect(app.getByTestId('cal-head')).toHaveAccessibleName(/25-hour day/);
  // The hour 02:00 is lived twice, and its lines say so.
  await expect(app.locator('.cal-own-hours span, .cal-gutter span').filter({ hasText: '02:00' })).toHaveCount(2);
  await toDate('2026-03-29');
  await expect(app.getByTestId('cal-day')).toHaveAttribute('data-hours', '23');
  expect(Math.round((await app.getByTestId('cal-day').boundingBox())!.height)).toBe(23 * 48);
  await expect(app.locator('.cal-gutter span').filter({ hasText: '02:00' })).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`calendar week and day in ${theme}: axe finds nothing serious or critical`, async ({ app, host }) => {
    test.setTimeout(240_000);
    await openCalendar(app);
    const day = await dragDay(app);
    // Project ids without a service's names: the pills show the ids, each in its own colour.
    for (const args of [
      ['Design review', '--start', at(day, '09:00'), '--end', at(day, '10:30'), '--project', 'website'],
      ['Overlapping call', '--start', at(day, '10:00'), '--end', at(day, '11:00'), '--project', 'support'],
      ['Late deploy', '--start', at(day, '23:00'), '--end', at(shift(day, 1), '00:30'), '--project', 'ops'],
    ]) expect(host.cli('add', ...args).code).toBe(0);
    expect(host.cli('start', 'Running now').code).toBe(0);
    await app.emulateMedia({ colorScheme: theme });
    await expect(app.getByTestId('cal-block')).toHaveCount(5);
    const found: string[] = [];
    for (const mode of ['Week', 'Day'] as const) {
      await app.getByRole('button', { name: mode, exact: true }).click();
      if (mode === 'Day') await app.getByTestId('cal-head').first().isVisible();
      const r = await new AxeBuilder({ page: app }).analyze();
      for (const v of r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        found.push(`${mode}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
      await shot(app, `calendar-${mode.toLowerCase()}-${theme}-1200`);
    }
    expect(found).toEqual([]);
  });
}
