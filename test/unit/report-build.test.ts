/** Reports in the user's zone: grouping, splits at local midnight, DST days, tags, exact sums. */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../shared/entry';
import type { ReportQuery } from '../../shared/report';
import { reportQuerySchema } from '../../shared/report-schema';
import { buildReport, reportCsv } from '../../electron/core/reports';
import { parse } from 'csv-parse/sync';

let n = 0;
const e = (start: string, end: string, over: Partial<Entry> = {}): Entry => ({
  id: `e${++n}`, description: 'x', start: new Date(start).toISOString(), end: new Date(end).toISOString(),
  duration_seconds: (Date.parse(end) - Date.parse(start)) / 1000, project_id: null, task_id: null, client_id: null,
  tags: [], billable: true, account: null, sync: { state: 'local', remote_id: null, error: null }, ...over,
});
const q = (over: Partial<ReportQuery>): ReportQuery => ({ from: '2026-11-16', to: '2026-11-22', group: 'day', by: 'none', ...over });
const H = 3600;

describe('buildReport', () => {
  it('every day of the range is a period, empty ones too, and the total is the sum of the days', () => {
    const r = buildReport([e('2026-11-17T09:00:00+01:00', '2026-11-17T11:30:00+01:00')], q({}), 'Europe/Berlin');
    expect(r.periods.map((p) => p.period)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(r.periods.map((p) => p.seconds)).toEqual([0, 2.5 * H, 0, 0, 0, 0, 0]);
    expect(r.periods[1]!.label).toBe('Tue 17 Nov');
    expect(r.total_seconds).toBe(2.5 * H);
    expect(r.periods[0]!.start).toBe('2026-11-15T23:00:00.000Z');
  });

  it('an entry across local midnight counts on each day; the part outside the range not at all', () => {
    const r = buildReport([
      e('2026-11-17T22:00:00+01:00', '2026-11-18T01:30:00+01:00'),
      e('2026-11-15T23:00:00+01:00', '2026-11-16T02:00:00+01:00'),
    ], q({}), 'Europe/Berlin');
    expect(r.periods.slice(0, 3).map((p) => p.seconds)).toEqual([2 * H, 2 * H, 1.5 * H]);
    expect(r.total_seconds).toBe(5.5 * H);
    expect(r.entries).toBe(2);
  });

  it('the DST days are 23 and 25 hours long, and a timer over the change counts its real length', () => {
    const spring = buildReport([e('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')], q({ from: '2026-03-29', to: '2026-03-29' }), 'Europe/Berlin');
    expect(spring.total_seconds).toBe(23 * H);
    const autumn = buildReport([e('2026-10-24T23:00:00+02:00', '2026-10-25T03:00:00+01:00')], q({ from: '2026-10-24', to: '2026-10-25' }), 'Europe/Berlin');
    expect(autumn.periods.map((p) => p.seconds)).toEqual([1 * H, 4 * H]);
  });

  it('weeks start on Monday (ISO), months by calendar; a Sunday night belongs to its own week', () => {
    const entries = [e('2026-11-22T23:00:00+01:00', '2026-11-23T01:00:00+01:00')];
    const weeks = buildReport(entries, q({ from: '2026-11-16', to: '2026-11-29', group: 'week' }), 'Europe/Berlin');
    expect(weeks.periods.map((p) => [p.period, p.seconds])).toEqual([['2026-W47', 1 * H], ['2026-W48', 1 * H]]);
    const months = buildReport([e('2026-10-31T23:30:00+01:00', '2026-11-01T00:30:00+01:00')], q({ from: '2026-10-01', to: '2026-11-30', group: 'month' }), 'Europe/Berlin');
    expect(months.periods.map((p) => [p.period, p.label, p.seconds])).toEqual([['2026-10', 'October 2026', 1800], ['2026-11', 'November 2026', 1800]]);
  });

  it('by project, tag and billable; an entry with two tags counts under each', () => {
    const entries = [
      e('2026-11-16T09:00:00Z', '2026-11-16T11:00:00Z', { project_id: 'acme', tags: ['design'] }),
      e('2026-11-16T12:00:00Z', '2026-11-16T13:00:00Z', { project_id: 'acme', tags: ['design', 'backend'], billable: false }),
      e('2026-11-17T09:00:00Z', '2026-11-17T09:30:00Z'),
    ];
    const byProject = buildReport(entries, q({ by: 'project' }), 'UTC');
    expect(byProject.keys.map((k) => [k.label, k.seconds, k.billable_seconds])).toEqual([['acme', 3 * H, 2 * H], ['(no project)', 1800, 1800]]);
    expect(byProject.periods[0]!.by).toEqual({ acme: 3 * H });
    const byTag = buildReport(entries, q({ by: 'tag' }), 'UTC');
    expect(byTag.keys.map((k) => [k.label, k.seconds])).toEqual([['design', 3 * H], ['backend', 1 * H], ['(no tag)', 1800]]);
    expect(byTag.total_seconds).toBe(3.5 * H);
    const byBillable = buildReport(entries, q({ by: 'billable' }), 'UTC');
    expect(byBillable.keys.map((k) => [k.label, k.seconds])).toEqual([['Billable', 2.5 * H], ['Not billable', 1 * H]]);
    expect(byBillable.billable_seconds).toBe(2.5 * H);
  });

  it('the CSV by tag is the table: a column per key, billable and total hours, and a total row', () => {
    const r = buildReport([e('2026-11-16T09:00:00Z', '2026-11-16T10:15:00Z', { tags: ['a;"b"'] })], q({ by: 'tag', to: '2026-11-17' }), 'UTC');
    const rows = parse(reportCsv(r)) as string[][];
    expect(rows).toEqual([
      ['period', 'label', 'a;"b"', 'billable_hours', 'total_hours'],
      ['2026-11-16', 'Mon 16 Nov', '1.25', '1.25', '1.25'],
      ['2026-11-17', 'Tue 17 Nov', '0.00', '0.00', '0.00'],
      ['total', '2026-11-16 to 2026-11-17 (UTC)', '1.25', '1.25', '1.25'],
    ]);
  });

  it('the CSV by project: a row per period and project, the id in its own column (quoted as RFC 4180 asks)', () => {
    const r = buildReport([e('2026-11-16T09:00:00Z', '2026-11-16T10:15:00Z', { project_id: 'a,"b"' })], q({ by: 'project', to: '2026-11-17' }), 'UTC');
    const rows = parse(reportCsv(r)) as string[][];
    expect(rows).toEqual([
      ['period', 'label', 'project_id', 'project', 'client_id', 'client', 'billable_hours', 'total_hours'],
      ['2026-11-16', 'Mon 16 Nov', 'a,"b"', 'a,"b"', '', '', '1.25', '1.25'],
      ['total', '2026-11-16 to 2026-11-17 (UTC)', 'a,"b"', 'a,"b"', '', '', '1.25', '1.25'],
      ['total', '2026-11-16 to 2026-11-17 (UTC)', '', '', '', '', '1.25', '1.25'],
    ]);
  });
});

describe('report query', () => {
  it('names the field and the rule', () => {
    const bad = (v: object) => reportQuerySchema.safeParse({ ...q({}), ...v }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(bad({ from: '2026-02-30' })).toEqual([['from', 'must be a date YYYY-MM-DD']]);
    expect(bad({ from: '2026-11-23' })).toEqual([['to', 'must not be before from']]);
    expect(bad({ from: '2025-01-01' })).toEqual([['to', 'must be at most 366 days after from']]);
    expect(bad({ group: 'year' })).toEqual([['group', 'must be day, week or month']]);
    expect(bad({})).toBeUndefined();
  });
});
