/**
 * buildReport over hand-made entries (pure: no database, no clock) and the report query's rules.
 * Local days are the user's zone's; weeks are ISO (Monday first); the sums are exact seconds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { Entry } from '../../shared/entry';
import type { Report, ReportQuery } from '../../shared/report';
import { reportQuerySchema } from '../../shared/report-schema';
import { buildReport, reportCsv } from '../../electron/core/reports';

const H = 3600;
const BERLIN = 'Europe/Berlin';
const IN_UTC = { in: tz('UTC') };

let n = 0;
/** An entry from `start` to `end` (ISO with offset); billable, no project, no tags unless told. */
function entry(start: string, end: string, over: Partial<Entry> = {}): Entry {
  return {
    id: `e${++n}`, description: 'work', start: new Date(start).toISOString(), end: new Date(end).toISOString(),
    duration_seconds: Math.floor((Date.parse(end) - Date.parse(start)) / 1000), project_id: null, task_id: null,
    client_id: null, tags: [], billable: true, account: null, sync: { state: 'local', remote_id: null, error: null },
    ...over,
  };
}
const query = (over: Partial<ReportQuery> = {}): ReportQuery => ({ from: '2026-11-16', to: '2026-11-22', group: 'day', by: 'none', ...over });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const seconds = (r: Report) => r.periods.map((p) => [p.period, p.seconds]);

/** The invariants every report keeps, whatever its entries. */
function expectConsistent(r: Report): void {
  expect(sum(r.periods.map((p) => p.seconds))).toBe(r.total_seconds);
  expect(sum(r.periods.map((p) => p.billable_seconds))).toBe(r.billable_seconds);
  for (const p of r.periods) {
    expect(Number.isInteger(p.seconds)).toBe(true);
    expect(p.billable_seconds).toBeLessThanOrEqual(p.seconds);
    expect(Date.parse(p.start)).toBeLessThan(Date.parse(p.end));
    if (r.query.by !== 'tag') expect(sum(Object.values(p.by))).toBe(p.seconds);
  }
  for (const k of r.keys) expect(sum(r.periods.map((p) => p.by[k.key] ?? 0))).toBe(k.seconds);
  if (r.query.by !== 'tag') {
    expect(sum(r.keys.map((k) => k.seconds))).toBe(r.total_seconds);
    expect(sum(r.keys.map((k) => k.billable_seconds))).toBe(r.billable_seconds);
  }
  const desc = r.keys.map((k) => k.seconds);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  // Periods are contiguous and in order.
  for (let i = 1; i < r.periods.length; i++) expect(r.periods[i]!.start).toBe(r.periods[i - 1]!.end);
}

describe('buildReport: periods', () => {
  it('by day: every day of the range in order, empty ones too, with its local bounds as UTC instants', () => {
    const r = buildReport([entry('2026-11-18T09:00:00+01:00', '2026-11-18T10:30:00+01:00')], query(), BERLIN);
    expect(seconds(r)).toEqual([
      ['2026-11-16', 0], ['2026-11-17', 0], ['2026-11-18', 1.5 * H], ['2026-11-19', 0],
      ['2026-11-20', 0], ['2026-11-21', 0], ['2026-11-22', 0],
    ]);
    expect(r.periods[2]).toEqual({
      period: '2026-11-18', label: 'Wed 18 Nov', start: '2026-11-17T23:00:00.000Z', end: '2026-11-18T23:00:00.000Z',
      seconds: 1.5 * H, billable_seconds: 1.5 * H, entries: 1, by: { total: 1.5 * H }, by_billable: { total: 1.5 * H },
    });
    expect(r.periods[0]!.entries).toBe(0);
    expect(r.periods[0]!.by).toEqual({});
    expect(r).toMatchObject({ zone: BERLIN, query: query(), total_seconds: 1.5 * H, billable_seconds: 1.5 * H, entries: 1 });
    expectConsistent(r);
  });

  it('a report with no entries still lists every period, all zero', () => {
    const r = buildReport([], query({ from: '2026-02-01', to: '2026-04-30', group: 'month' }), BERLIN);
    expect(r.periods.map((p) => [p.period, p.label, p.seconds, p.entries])).toEqual([
      ['2026-02', 'February 2026', 0, 0], ['2026-03', 'March 2026', 0, 0], ['2026-04', 'April 2026', 0, 0],
    ]);
    expect(r).toMatchObject({ keys: [], total_seconds: 0, billable_seconds: 0, entries: 0 });
    const days = buildReport([], query({ from: '2028-02-01', to: '2028-03-01' }), 'UTC');
    expect(days.periods).toHaveLength(30); // 2028 is a leap year
  });

  it('by week: ISO weeks from Monday; a Sunday-to-Monday entry is split between the two weeks', () => {
    const sundayNight = entry('2026-11-22T22:30:00+01:00', '2026-11-23T01:00:00+01:00');
    const r = buildReport([sundayNight], query({ from: '2026-11-16', to: '2026-11-29', group: 'week' }), BERLIN);
    expect(r.periods.map((p) => [p.period, p.label, p.start, p.end, p.seconds, p.entries])).toEqual([
      ['2026-W47', 'Week 47', '2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z', 1.5 * H, 1],
      ['2026-W48', 'Week 48', '2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z', 1 * H, 1],
    ]);
    expect(r.entries).toBe(1);
    expectConsistent(r);
  });

  it('a week or month cut by the range starts and ends where the range does', () => {
    const weeks = buildReport([], query({ from: '2026-11-18', to: '2026-11-24', group: 'week' }), 'UTC');
    expect(weeks.periods.map((p) => [p.period, p.start, p.end])).toEqual([
      ['2026-W47', '2026-11-18T00:00:00.000Z', '2026-11-23T00:00:00.000Z'],
      ['2026-W48', '2026-11-23T00:00:00.000Z', '2026-11-25T00:00:00.000Z'],
    ]);
    const months = buildReport([], query({ from: '2026-10-15', to: '2026-11-10', group: 'month' }), BERLIN);
    expect(months.periods.map((p) => [p.period, p.start, p.end])).toEqual([
      ['2026-10', '2026-10-14T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
      ['2026-11', '2026-10-31T23:00:00.000Z', '2026-11-10T23:00:00.000Z'],
    ]);
  });

  it('ISO week years: the days around New Year belong to the week that holds their Thursday', () => {
    const r = buildReport([], query({ from: '2026-12-27', to: '2027-01-04', group: 'week' }), 'UTC');
    expect(r.periods.map((p) => [p.period, p.start.slice(0, 10), p.end.slice(0, 10)])).toEqual([
      ['2026-W52', '2026-12-27', '2026-12-28'],
      ['2026-W53', '2026-12-28', '2027-01-04'],
      ['2027-W01', '2027-01-04', '2027-01-05'],
    ]);
    const y2025 = buildReport([], query({ from: '2024-12-29', to: '2024-12-30', group: 'week' }), 'UTC');
    expect(y2025.periods.map((p) => p.period)).toEqual(['2024-W52', '2025-W01']);
  });

  it('week keys agree with date-fns ISO weeks over a dozen years, and every week after the first starts on a Monday', () => {
    for (let year = 2020; year <= 2032; year++) {
      const r = buildReport([], query({ from: `${year}-01-01`, to: `${year}-12-31`, group: 'week' }), 'UTC');
      for (const [i, p] of r.periods.entries()) {
        const first = new Date(p.start);
        const last = new Date(Date.parse(p.end) - 1);
        for (const d of [first, last]) {
          expect(p.period).toBe(`${getISOWeekYear(d, IN_UTC)}-W${String(getISOWeek(d, IN_UTC)).padStart(2, '0')}`);
        }
        if (i > 0) expect(first.getUTCDay()).toBe(1);
      }
    }
  });

  describe('weeks do not depend on the zone of the process running the core', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it.each(['Pacific/Auckland', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])('process TZ=%s', (tz) => {
      process.env.TZ = tz;
      const r = buildReport([], query({ from: '2026-11-22', to: '2026-11-23', group: 'week' }), 'Pacific/Auckland');
      expect(r.periods.map((p) => p.period)).toEqual(['2026-W47', '2026-W48']);
      const d = buildReport([], query({ from: '2026-11-22', to: '2026-11-22', group: 'day' }), 'UTC');
      expect(d.periods[0]!.label).toBe('Sun 22 Nov');
    });
  });

  it('by month: an entry over the last midnight of a month counts in each month', () => {
    const r = buildReport(
      [entry('2026-10-31T23:15:00+01:00', '2026-11-01T00:45:00+01:00', { billable: false })],
      query({ from: '2026-10-01', to: '2026-11-30', group: 'month' }), BERLIN,
    );
    expect(r.periods.map((p) => [p.period, p.label, p.seconds, p.billable_seconds, p.entries])).toEqual([
      ['2026-10', 'October 2026', 45 * 60, 0, 1], ['2026-11', 'November 2026', 45 * 60, 0, 1],
    ]);
    expect(r).toMatchObject({ total_seconds: 1.5 * H, billable_seconds: 0, entries: 1 });
    expectConsistent(r);
  });
});

describe('buildReport: local midnight, DST and the range', () => {
  it('an entry over local midnight counts on each day for the part it spent there', () => {
    const r = buildReport([entry('2026-11-17T21:00:00Z', '2026-11-18T02:00:00Z')], query(), BERLIN);
    // 22:00 → 03:00 in Berlin (+01:00): 2 h on the 17th, 3 h on the 18th.
    expect(seconds(r).slice(1, 3)).toEqual([['2026-11-17', 2 * H], ['2026-11-18', 3 * H]]);
    expect(r.periods[1]!.entries + r.periods[2]!.entries).toBe(2);
    expect(r.entries).toBe(1);
    // The same instants in UTC fall on other days: the zone decides.
    const utc = buildReport([entry('2026-11-17T21:00:00Z', '2026-11-18T02:00:00Z')], query(), 'UTC');
    expect(seconds(utc).slice(1, 3)).toEqual([['2026-11-17', 3 * H], ['2026-11-18', 2 * H]]);
  });

  it('Europe/Berlin 2026-03-29 is 23 hours long; an entry over the jump counts its real length', () => {
    const q = query({ from: '2026-03-28', to: '2026-03-30' });
    const day = buildReport([entry('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')], q, BERLIN);
    expect(seconds(day)).toEqual([['2026-03-28', 0], ['2026-03-29', 23 * H], ['2026-03-30', 0]]);
    expect(day.periods[1]).toMatchObject({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    // 01:30 CET → 03:30 CEST is one hour of real time.
    const jump = buildReport([entry('2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00')], q, BERLIN);
    expect(jump.total_seconds).toBe(1 * H);
    // 22:00 on the 28th to 02:00 on the 30th: 2 h + the 23-hour day + 2 h.
    const across = buildReport([entry('2026-03-28T22:00:00+01:00', '2026-03-30T02:00:00+02:00')], q, BERLIN);
    expect(seconds(across)).toEqual([['2026-03-28', 2 * H], ['2026-03-29', 23 * H], ['2026-03-30', 2 * H]]);
    expectConsistent(across);
  });

  it('Europe/Berlin 2026-10-25 is 25 hours long; the repeated hour counts twice because it happened twice', () => {
    const q = query({ from: '2026-10-24', to: '2026-10-26' });
    const day = buildReport([entry('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')], q, BERLIN);
    expect(seconds(day)).toEqual([['2026-10-24', 0], ['2026-10-25', 25 * H], ['2026-10-26', 0]]);
    expect(day.periods[1]).toMatchObject({ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' });
    const overMidnight = buildReport([entry('2026-10-24T23:00:00+02:00', '2026-10-25T03:00:00+01:00')], q, BERLIN);
    expect(seconds(overMidnight).slice(0, 2)).toEqual([['2026-10-24', 1 * H], ['2026-10-25', 4 * H]]);
    // And the week holding it is 7 days + 1 hour long.
    const week = buildReport([], query({ from: '2026-10-19', to: '2026-10-25', group: 'week' }), BERLIN);
    const p = week.periods[0]!;
    expect([p.period, (Date.parse(p.end) - Date.parse(p.start)) / 1000]).toEqual(['2026-W43', 7 * 24 * H + H]);
  });

  it('a range that cuts an entry counts only the part inside it; entries outside or touching it count nothing', () => {
    const q = query({ from: '2026-11-17', to: '2026-11-18' }); // [16 Nov 23:00Z, 18 Nov 23:00Z)
    const r = buildReport([
      entry('2026-11-16T22:00:00+01:00', '2026-11-17T01:00:00+01:00', { id: 'head' }), // 1 h inside
      entry('2026-11-18T23:30:00+01:00', '2026-11-19T02:00:00+01:00', { id: 'tail' }), // 30 m inside
      entry('2026-11-16T20:00:00+01:00', '2026-11-17T00:00:00+01:00', { id: 'before' }), // ends at the range's start
      entry('2026-11-19T00:00:00+01:00', '2026-11-19T01:00:00+01:00', { id: 'after' }), // starts at its end
      entry('2026-11-10T09:00:00+01:00', '2026-11-10T10:00:00+01:00', { id: 'far' }),
    ], q, BERLIN);
    expect(seconds(r)).toEqual([['2026-11-17', 1 * H], ['2026-11-18', 0.5 * H]]);
    expect(r).toMatchObject({ total_seconds: 1.5 * H, entries: 2 });
    expect(r.periods.map((p) => p.entries)).toEqual([1, 1]);
  });

  it('an entry longer than the whole range counts the range exactly', () => {
    const r = buildReport([entry('2026-11-16T12:00:00+01:00', '2026-11-19T12:00:00+01:00')], query({ from: '2026-11-17', to: '2026-11-18' }), BERLIN);
    expect(seconds(r)).toEqual([['2026-11-17', 24 * H], ['2026-11-18', 24 * H]]);
  });

  it('sums are exact: whole seconds per piece, periods add up to the total in every grouping and zone', () => {
    // A deterministic scatter of entries with odd lengths over two DST changes and a month end.
    let seed = 42;
    const rnd = (k: number) => (seed = (seed * 48271) % 2147483647) % k;
    const lo = Date.parse('2026-03-20T00:00:00Z');
    const entries = Array.from({ length: 250 }, (_, i) => {
      const start = lo + rnd(230 * 24) * H * 1000 + rnd(3600) * 1000 + rnd(1000); // sub-second noise too
      const end = start + (1 + rnd(30 * H)) * 1000 + rnd(1000);
      return entry(new Date(start).toISOString(), new Date(end).toISOString(), {
        project_id: ['a', 'b', null][i % 3]!, tags: [['x'], ['x', 'y'], []][i % 3]!, billable: i % 4 !== 0,
      });
    });
    // Lord Howe moves its clock by half an hour; Kolkata is +05:30 all year.
    for (const zone of [BERLIN, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const base = { from: '2026-03-25', to: '2026-10-31' };
      // Independently: each entry truncated to whole seconds and clipped to the range.
      const day = buildReport(entries, { ...base, group: 'day', by: 'none' }, zone);
      const [rangeLo, rangeHi] = [Date.parse(day.periods[0]!.start), Date.parse(day.periods.at(-1)!.end)];
      const clipped = entries.map((e) => {
        const s = Math.max(Math.floor(Date.parse(e.start) / 1000), rangeLo / 1000);
        const t = Math.min(Math.floor(Date.parse(e.end) / 1000), rangeHi / 1000);
        return { e, s: Math.max(0, t - s) };
      });
      const expected = sum(clipped.map((c) => c.s));
      for (const group of ['day', 'week', 'month'] as const) {
        for (const by of ['none', 'project', 'tag', 'billable'] as const) {
          const r = buildReport(entries, { ...base, group, by }, zone);
          expect(r.total_seconds).toBe(expected);
          expect(r.billable_seconds).toBe(sum(clipped.filter((c) => c.e.billable).map((c) => c.s)));
          expect(r.entries).toBe(clipped.filter((c) => c.s > 0).length);
          expectConsistent(r);
        }
      }
    }
  });
});

describe('buildReport: split by', () => {
  const entries = [
    entry('2026-11-16T09:00:00Z', '2026-11-16T12:00:00Z', { project_id: 'acme', tags: ['design'] }),
    entry('2026-11-16T13:00:00Z', '2026-11-16T14:00:00Z', { project_id: 'globex', tags: ['design', 'backend'], billable: false }),
    entry('2026-11-17T09:00:00Z', '2026-11-17T11:00:00Z', { project_id: 'globex', tags: ['backend', 'backend'] }),
    entry('2026-11-18T09:00:00Z', '2026-11-18T09:30:00Z'),
  ];

  it("'none' has one key, total", () => {
    const r = buildReport(entries, query({ by: 'none' }), 'UTC');
    expect(r.keys).toEqual([{ key: 'total', label: 'Total', seconds: 6.5 * H, billable_seconds: 5.5 * H }]);
    expect(r.periods[0]!.by).toEqual({ total: 4 * H });
    expectConsistent(r);
  });

  it('by project: largest first, no project under the key "" labelled (no project)', () => {
    const r = buildReport(entries, query({ by: 'project' }), 'UTC');
    expect(r.keys).toEqual([
      { key: 'acme', label: 'acme', seconds: 3 * H, billable_seconds: 3 * H },
      { key: 'globex', label: 'globex', seconds: 3 * H, billable_seconds: 2 * H },
      { key: '', label: '(no project)', seconds: 0.5 * H, billable_seconds: 0.5 * H },
    ]);
    expect(r.periods.slice(0, 3).map((p) => p.by)).toEqual([{ acme: 3 * H, globex: 1 * H }, { globex: 2 * H }, { '': 0.5 * H }]);
    expectConsistent(r);
  });

  it('by tag: an entry with several tags counts fully under each, so the keys may add up to more than the total', () => {
    const r = buildReport(entries, query({ by: 'tag' }), 'UTC');
    expect(r.keys).toEqual([
      { key: 'design', label: 'design', seconds: 4 * H, billable_seconds: 3 * H },
      { key: 'backend', label: 'backend', seconds: 3 * H, billable_seconds: 2 * H },
      { key: '', label: '(no tag)', seconds: 0.5 * H, billable_seconds: 0.5 * H },
    ]);
    expect(r.total_seconds).toBe(6.5 * H);
    expect(sum(r.keys.map((k) => k.seconds))).toBe(7.5 * H);
    expect(r.periods[0]).toMatchObject({ seconds: 4 * H, by: { design: 4 * H, backend: 1 * H } });
    // A tag listed twice on one entry still counts once.
    expect(r.periods[1]!.by).toEqual({ backend: 2 * H });
    expectConsistent(r);
  });

  it('by billable: keys billable and non-billable', () => {
    const r = buildReport(entries, query({ by: 'billable' }), 'UTC');
    expect(r.keys).toEqual([
      { key: 'billable', label: 'Billable', seconds: 5.5 * H, billable_seconds: 5.5 * H },
      { key: 'non-billable', label: 'Not billable', seconds: 1 * H, billable_seconds: 0 },
    ]);
    expect(r.periods[0]!.by).toEqual({ billable: 3 * H, 'non-billable': 1 * H });
    expect(r.billable_seconds).toBe(5.5 * H);
    expectConsistent(r);
  });

  it('split keys follow the split pieces: a midnight-crossing entry puts each part under its key on its day', () => {
    const r = buildReport([entry('2026-11-16T22:00:00Z', '2026-11-17T01:00:00Z', { project_id: 'acme' })], query({ by: 'project', group: 'day' }), 'UTC');
    expect(r.periods.slice(0, 2).map((p) => p.by)).toEqual([{ acme: 2 * H }, { acme: 1 * H }]);
  });
});

describe('reportCsv', () => {
  it("by 'none': period, label, billable and total hours per period, then a total row", () => {
    const r = buildReport([entry('2026-11-16T09:00:00Z', '2026-11-16T10:20:00Z', { billable: false }), entry('2026-11-17T09:00:00Z', '2026-11-17T09:01:00Z')],
      query({ to: '2026-11-18' }), 'UTC');
    const csv = reportCsv(r);
    expect(csv.split('\n')[0]).toBe('period,label,billable_hours,total_hours');
    expect(parse(csv)).toEqual([
      ['period', 'label', 'billable_hours', 'total_hours'],
      ['2026-11-16', 'Mon 16 Nov', '0.00', '1.33'],
      ['2026-11-17', 'Tue 17 Nov', '0.02', '0.02'],
      ['2026-11-18', 'Wed 18 Nov', '0.00', '0.00'],
      ['total', '2026-11-16 to 2026-11-18 (UTC)', '0.02', '1.35'],
    ]);
  });

  it('split by: a column per key in the report\'s order, quoted as RFC 4180 asks', () => {
    const r = buildReport([
      entry('2026-11-16T09:00:00Z', '2026-11-16T11:00:00Z', { tags: ['a "quoted" tag'] }),
      entry('2026-11-23T09:00:00Z', '2026-11-23T09:45:00Z', { tags: ['semi;colon'], billable: false }),
      entry('2026-11-24T09:00:00Z', '2026-11-24T09:15:00Z'),
    ], query({ from: '2026-11-16', to: '2026-11-29', group: 'week', by: 'tag' }), 'UTC');
    const csv = reportCsv(r);
    expect(csv).toContain('"a ""quoted"" tag"');
    expect(parse(csv, { columns: true })).toEqual([
      { period: '2026-W47', label: 'Week 47', 'a "quoted" tag': '2.00', 'semi;colon': '0.00', '(no tag)': '0.00', billable_hours: '2.00', total_hours: '2.00' },
      { period: '2026-W48', label: 'Week 48', 'a "quoted" tag': '0.00', 'semi;colon': '0.75', '(no tag)': '0.25', billable_hours: '0.25', total_hours: '1.00' },
      { period: 'total', label: '2026-11-16 to 2026-11-29 (UTC)', 'a "quoted" tag': '2.00', 'semi;colon': '0.75', '(no tag)': '0.25', billable_hours: '2.25', total_hours: '3.00' },
    ]);
  });
});

describe('report query', () => {
  const issues = (v: Record<string, unknown>) =>
    reportQuerySchema.safeParse({ ...query(), ...v }).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('accepts a good query, a single day, and exactly 366 days', () => {
    expect(issues({})).toBeUndefined();
    expect(issues({ from: '2026-11-16', to: '2026-11-16' })).toBeUndefined();
    expect(issues({ from: '2026-01-01', to: '2027-01-01' })).toBeUndefined();
    expect(issues({ from: '2028-01-01', to: '2028-12-31', group: 'month', by: 'billable' })).toBeUndefined();
  });

  it('a date that is not a real date names its field', () => {
    expect(issues({ from: '2026-02-29' })).toEqual([['from', 'must be a date YYYY-MM-DD']]);
    expect(issues({ to: '2026-11-31' })).toEqual([['to', 'must be a date YYYY-MM-DD']]);
    expect(issues({ from: '16/11/2026' })).toEqual([['from', 'must be a date YYYY-MM-DD']]);
    expect(issues({ to: '2026-11-22T00:00:00Z' })).toEqual([['to', 'must be a date YYYY-MM-DD']]);
    expect(issues({ from: 20261116 })).toEqual([['from', 'must be a date YYYY-MM-DD']]);
  });

  it('from after to, or more than 366 days, is refused on to', () => {
    expect(issues({ from: '2026-11-23', to: '2026-11-22' })).toEqual([['to', 'must not be before from']]);
    expect(issues({ from: '2026-01-01', to: '2027-01-02' })).toEqual([['to', 'must be at most 366 days after from']]);
    expect(issues({ from: '2020-01-01', to: '2026-01-01' })).toEqual([['to', 'must be at most 366 days after from']]);
  });

  it('group and by name their choices; unknown or missing fields are refused', () => {
    expect(issues({ group: 'year' })).toEqual([['group', 'must be day, week or month']]);
    expect(issues({ by: 'client' })).toEqual([['by', 'must be none, project, tag or billable']]);
    expect(issues({ zone: 'UTC' })?.[0]?.[0]).toBe('');
    expect(reportQuerySchema.safeParse({ from: '2026-11-16', group: 'day', by: 'none' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['to']);
  });
});
