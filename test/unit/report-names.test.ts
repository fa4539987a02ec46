/**
 * Reports by project name: the stored entries and the cached catalog of a real core on a temp
 * SQLite file; the CSV keeps ids and names in columns of their own.
 */
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { reportCsv, reportFor } from '../../electron/core/reports';
import { testCore, type TestCore } from '../helpers/temp';

let t: TestCore;
afterEach(() => t?.done());

function world() {
  t = testCore({ now: '2026-11-20T12:00:00Z', zone: 'UTC' });
  const work = t.core.accounts.add({ name: 'work', provider: 'voltasis', base_url: 'http://127.0.0.1:9', is_default: true });
  t.core.catalog.replaceRemote(work.id, [
    { kind: 'project', id: '7003', name: 'Initech support', parent_id: null },
    { kind: 'project', id: '7001', name: '=HYPERLINK("x")', parent_id: null },
    { kind: 'client', id: '12', name: 'Initech', parent_id: null },
  ], Date.parse('2026-11-20T12:00:00Z'));
  const add = (start: string, end: string, over: Record<string, unknown>) => t.core.entries.create({ description: 'x', start, end, account: 'work', ...over });
  add('2026-11-16T09:00:00Z', '2026-11-16T11:00:00Z', { project_id: '7003', client_id: '12' });
  add('2026-11-17T09:00:00Z', '2026-11-17T09:30:00Z', { project_id: '7003', billable: false });
  add('2026-11-17T10:00:00Z', '2026-11-17T10:45:00Z', { project_id: '7001' });
  add('2026-11-17T12:00:00Z', '2026-11-17T12:15:00Z', { project_id: '404' });
  add('2026-11-18T12:00:00Z', '2026-11-18T12:30:00Z', {});
}

describe('reports by project name', () => {
  it('keys are labelled by the project name, with the client the entries used it with; an unknown id stays its id', () => {
    world();
    const r = reportFor(t.core, { from: '2026-11-16', to: '2026-11-18', group: 'day', by: 'project' });
    expect(r.keys.map((k) => [k.key, k.label, k.client_id, k.client, k.seconds, k.billable_seconds])).toEqual([
      ['7003', 'Initech support', '12', 'Initech', 2.5 * 3600, 2 * 3600],
      ['7001', '=HYPERLINK("x")', null, null, 45 * 60, 45 * 60],
      ['', '(no project)', null, null, 30 * 60, 30 * 60],
      ['404', '404', null, null, 15 * 60, 15 * 60],
    ]);
    expect(r.periods[1]!.by_billable).toEqual({ '7001': 45 * 60, '404': 15 * 60 });
  });

  it('the CSV: one row per period and project, ids and names in their own columns, totals per project, then the total', () => {
    world();
    const csv = reportCsv(reportFor(t.core, { from: '2026-11-16', to: '2026-11-18', group: 'day', by: 'project' }));
    const range = '2026-11-16 to 2026-11-18 (UTC)';
    expect(parse(csv)).toEqual([
      ['period', 'label', 'project_id', 'project', 'client_id', 'client', 'billable_hours', 'total_hours'],
      ['2026-11-16', 'Mon 16 Nov', '7003', 'Initech support', '12', 'Initech', '2.00', '2.00'],
      ['2026-11-17', 'Tue 17 Nov', '7003', 'Initech support', '12', 'Initech', '0.00', '0.50'],
      // A name a spreadsheet would run as a formula is written as text.
      ['2026-11-17', 'Tue 17 Nov', '7001', "'=HYPERLINK(\"x\")", '', '', '0.75', '0.75'],
      ['2026-11-17', 'Tue 17 Nov', '404', '404', '', '', '0.25', '0.25'],
      ['2026-11-18', 'Wed 18 Nov', '', '(no project)', '', '', '0.50', '0.50'],
      ['total', range, '7003', 'Initech support', '12', 'Initech', '2.00', '2.50'],
      ['total', range, '7001', "'=HYPERLINK(\"x\")", '', '', '0.75', '0.75'],
      ['total', range, '', '(no project)', '', '', '0.50', '0.50'],
      ['total', range, '404', '404', '', '', '0.25', '0.25'],
      ['total', range, '', '', '', '', '3.50', '4.00'],
    ]);
  });

  it('split by tag or nothing, the CSV keeps its table shape and no name lookup happens', () => {
    world();
    const r = reportFor(t.core, { from: '2026-11-16', to: '2026-11-18', group: 'day', by: 'none' });
    expect(r.keys[0]).toEqual({ key: 'total', label: 'Total', seconds: 4 * 3600, billable_seconds: 3.5 * 3600 });
    expect(reportCsv(r).split('\n')[0]).toBe('period,label,billable_hours,total_hours');
  });
});
