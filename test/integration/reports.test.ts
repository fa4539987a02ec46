/**
 * Reports over a real core on a temp SQLite file: entries written through core.entries, the zone
 * from the settings, deleted entries and the running timer left out, and the CSV read back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { openCore, type Core } from '../../electron/core';
import { reportCsv, reportFor } from '../../electron/core/reports';
import { ValidationError } from '../../shared/errors';
import type { Report, ReportQuery } from '../../shared/report';
import { manualClock, tempDir, testCore, type TestCore } from '../helpers/temp';

const H = 3600;
const week = (over: Partial<ReportQuery> = {}): ReportQuery => ({ from: '2026-11-16', to: '2026-11-22', group: 'day', by: 'none', ...over });

let t: TestCore | undefined;
let extra: { core: Core; cleanup(): void } | undefined;
afterEach(() => {
  t?.done();
  t = undefined;
  extra?.core.close();
  extra?.cleanup();
  extra = undefined;
});

/** A core with no zone override, so the `timezone` setting (or the system zone) decides. */
function coreWithoutZoneOverride(now: string): Core {
  const { dir, cleanup } = tempDir();
  const core = openCore({ dataDir: dir, clock: manualClock(now) });
  extra = { core, cleanup };
  return core;
}

/** The week of 16–22 Nov 2026 (Berlin, +01:00), with every kind of entry the report must judge. */
function seed(core: Core): { tombstoned: string; hardDeleted: string } {
  const add = (start: string, end: string, over: Record<string, unknown> = {}) =>
    core.entries.create({ description: 'work', start, end, ...over });
  add('2026-11-16T09:00:00+01:00', '2026-11-16T11:00:00+01:00', { project_id: 'acme', tags: ['design'] });
  add('2026-11-16T13:00:00+01:00', '2026-11-16T13:30:00+01:00', { project_id: 'globex', billable: false });
  add('2026-11-17T10:00:00+01:00', '2026-11-17T11:15:00+01:00', { project_id: 'acme', tags: ['design', 'backend'] });
  // Over local midnight: 1 h on the 18th, 1 h on the 19th.
  add('2026-11-18T23:00:00+01:00', '2026-11-19T01:00:00+01:00', { project_id: 'globex' });
  // Before the range, reaching into it by 30 minutes.
  add('2026-11-15T23:00:00+01:00', '2026-11-16T00:30:00+01:00', { tags: ['backend'] });
  // Outside the range entirely.
  add('2026-11-23T09:00:00+01:00', '2026-11-23T10:00:00+01:00', { project_id: 'acme' });

  // Deleted: a local entry goes at once; one the server may hold stays as a tombstone.
  const hardDeleted = add('2026-11-20T09:00:00+01:00', '2026-11-20T17:00:00+01:00').id;
  core.entries.remove(hardDeleted);
  core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'http://127.0.0.1:9' });
  const synced = add('2026-11-21T09:00:00+01:00', '2026-11-21T12:00:00+01:00', { account: 'work' });
  core.db.prepare('UPDATE outbox SET attempts = 1 WHERE entry_id = ?').run(synced.id); // as a worker would
  expect(core.entries.remove(synced.id).outcome).toBe('queued');
  return { tombstoned: synced.id, hardDeleted };
}

const daySeconds = (r: Report) => r.periods.map((p) => p.seconds);

describe('reportFor over a real core', () => {
  it('counts the stored entries in the core zone: split at midnight, cut by the range, deleted ones and the timer left out', () => {
    t = testCore({ now: '2026-11-22T12:00:00Z', zone: 'Europe/Berlin' });
    const { tombstoned } = seed(t.core);
    // A tombstone is still a row in the file; the report must not see it.
    expect(t.core.db.prepare('SELECT deleted_at IS NOT NULL AS gone FROM entries WHERE id = ?').get(tombstoned)).toEqual({ gone: 1 });
    // The running timer (started 2 h ago) counts nowhere.
    t.core.timer.start({ description: 'running', start: '2026-11-22T10:00:00Z', project_id: 'acme' });

    const r = reportFor(t.core, week());
    expect(r.zone).toBe('Europe/Berlin');
    expect(r.periods.map((p) => p.period)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(daySeconds(r)).toEqual([3 * H, 1.25 * H, 1 * H, 1 * H, 0, 0, 0]);
    expect(r).toMatchObject({ total_seconds: 6.25 * H, billable_seconds: 5.75 * H, entries: 5 });
    expect(r.periods[0]).toMatchObject({ start: '2026-11-15T23:00:00.000Z', entries: 3 });

    const byProject = reportFor(t.core, week({ by: 'project' }));
    expect(byProject.keys.map((k) => [k.key, k.label, k.seconds, k.billable_seconds])).toEqual([
      ['acme', 'acme', 3.25 * H, 3.25 * H], ['globex', 'globex', 2.5 * H, 2 * H], ['', '(no project)', 0.5 * H, 0.5 * H],
    ]);
    const byTag = reportFor(t.core, week({ by: 'tag', group: 'week' }));
    expect(byTag.periods.map((p) => [p.period, p.seconds, p.by])).toEqual([
      ['2026-W47', 6.25 * H, { design: 3.25 * H, '': 2.5 * H, backend: 1.75 * H }],
    ]);
  });

  it('a deleted entry drops out of the next report; a restored one comes back', () => {
    t = testCore({ now: '2026-11-22T12:00:00Z', zone: 'Europe/Berlin' });
    const e = t.core.entries.create({ description: 'x', start: '2026-11-17T09:00:00+01:00', end: '2026-11-17T10:00:00+01:00' });
    expect(reportFor(t.core, week()).total_seconds).toBe(1 * H);
    t.core.entries.remove(e.id);
    expect(reportFor(t.core, week())).toMatchObject({ total_seconds: 0, entries: 0 });
    t.core.entries.restore(e);
    expect(reportFor(t.core, week()).total_seconds).toBe(1 * H);
  });

  it('a stopped timer counts; while it runs it does not', () => {
    t = testCore({ now: '2026-11-17T09:00:00Z', zone: 'UTC' });
    t.core.timer.start({ description: 'focus' });
    t.clock.set('2026-11-17T10:30:00Z');
    expect(reportFor(t.core, week()).total_seconds).toBe(0);
    t.core.timer.stop();
    expect(reportFor(t.core, week()).periods[1]!.seconds).toBe(1.5 * H);
  });

  it('the zone comes from the timezone setting, and changing it moves the day an entry counts on', () => {
    const core = coreWithoutZoneOverride('2026-11-22T12:00:00Z');
    core.settings.set('timezone', 'Asia/Tokyo');
    // 20:00–22:00 UTC on the 17th is 05:00–07:00 on the 18th in Tokyo, 15:00–17:00 on the 17th in New York.
    core.entries.create({ description: 'late', start: '2026-11-17T20:00:00Z', end: '2026-11-17T22:00:00Z' });
    const tokyo = reportFor(core, week());
    expect(tokyo.zone).toBe('Asia/Tokyo');
    expect(daySeconds(tokyo).slice(1, 3)).toEqual([0, 2 * H]);
    expect(tokyo.periods[0]!.start).toBe('2026-11-15T15:00:00.000Z');

    core.settings.set('timezone', 'America/New_York');
    const ny = reportFor(core, week());
    expect(ny.zone).toBe('America/New_York');
    expect(daySeconds(ny).slice(1, 3)).toEqual([2 * H, 0]);
    expect(ny.periods[0]!.start).toBe('2026-11-16T05:00:00.000Z');
  });

  it('finds an entry that began long before the range (up to the longest entry allowed)', () => {
    t = testCore({ now: '2026-11-22T12:00:00Z', zone: 'UTC' });
    t.core.entries.create({ description: 'long', start: '2026-11-12T00:00:00Z', end: '2026-11-17T06:00:00Z' });
    expect(daySeconds(reportFor(t.core, week()))).toEqual([24 * H, 6 * H, 0, 0, 0, 0, 0]);
  });

  it('a bad query is refused with a ValidationError naming the field, before anything is read', () => {
    t = testCore({ zone: 'UTC' });
    const issues = (q: Partial<ReportQuery> & Record<string, unknown>) => {
      try {
        reportFor(t!.core, { ...week(), ...q } as ReportQuery);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues;
      }
      throw new Error('expected a ValidationError');
    };
    expect(issues({ from: '2026-02-30' })).toEqual([{ field: 'from', rule: 'must be a date YYYY-MM-DD' }]);
    expect(issues({ from: '2026-11-23' })).toEqual([{ field: 'to', rule: 'must not be before from' }]);
    expect(issues({ from: '2025-11-01' })).toEqual([{ field: 'to', rule: 'must be at most 366 days after from' }]);
    expect(issues({ group: 'quarter' as never })).toEqual([{ field: 'group', rule: 'must be day, week or month' }]);
  });
});

describe('reportCsv over a real core', () => {
  /** The CSV's hours for seconds: decimal, two places. */
  const hours = (s: number) => (s / 3600).toFixed(2);

  for (const by of ['none', 'project', 'tag', 'billable'] as const) {
    for (const group of ['day', 'week'] as const) {
      it(`parses back to the report's numbers (by ${by}, per ${group})`, () => {
        t = testCore({ now: '2026-11-30T12:00:00Z', zone: 'Europe/Berlin' });
        seed(t.core);
        const r = reportFor(t.core, week({ by, group, to: '2026-11-29' }));
        const rows = parse(reportCsv(r), { columns: true }) as Record<string, string>[];
        const range = '2026-11-16 to 2026-11-29 (Europe/Berlin)';
        if (by === 'project') {
          // One row per period and project worked on, then each project's total, then the grand total.
          expect(Object.keys(rows[0]!)).toEqual(['period', 'label', 'project_id', 'project', 'client_id', 'client', 'billable_hours', 'total_hours']);
          const worked = r.periods.flatMap((p) => r.keys.filter((k) => (p.by[k.key] ?? 0) > 0).map((k) => ({ p, k })));
          expect(rows).toHaveLength(worked.length + r.keys.length + 1);
          for (const [i, { p, k }] of worked.entries()) {
            expect([rows[i]!.period, rows[i]!.project_id, rows[i]!.project, rows[i]!.total_hours]).toEqual([p.period, k.key, k.label, hours(p.by[k.key]!)]);
          }
          for (const [i, k] of r.keys.entries()) {
            const row = rows[worked.length + i]!;
            expect([row.period, row.label, row.project_id, row.total_hours]).toEqual(['total', range, k.key, hours(k.seconds)]);
          }
          const total = rows.at(-1)!;
          expect([total.period, total.project_id, total.total_hours, total.billable_hours]).toEqual(['total', '', hours(r.total_seconds), hours(r.billable_seconds)]);
          expect(total.total_hours).toBe('7.25');
          return;
        }
        const keyColumns = by === 'none' ? [] : r.keys;
        expect(Object.keys(rows[0]!)).toEqual(['period', 'label', ...keyColumns.map((k) => k.label), 'billable_hours', 'total_hours']);
        expect(rows).toHaveLength(r.periods.length + 1);
        for (const [i, p] of r.periods.entries()) {
          const row = rows[i]!;
          expect([row.period, row.label, row.total_hours, row.billable_hours]).toEqual([p.period, p.label, hours(p.seconds), hours(p.billable_seconds)]);
          for (const k of keyColumns) expect(row[k.label]).toBe(hours(p.by[k.key] ?? 0));
        }
        const total = rows.at(-1)!;
        expect(total.period).toBe('total');
        expect(total.label).toBe(range);
        expect([total.total_hours, total.billable_hours]).toEqual([hours(r.total_seconds), hours(r.billable_seconds)]);
        for (const k of keyColumns) expect(total[k.label]).toBe(hours(k.seconds));
        expect(total.total_hours).toBe('7.25'); // 6.25 h in the first week + 1 h on Monday the 23rd
      });
    }
  }
});
