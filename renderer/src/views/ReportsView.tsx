/**
 * Where the time went: totals by day, week or month, split by project, tag or billable state, as a
 * chart and as a table of the same numbers, and the shown report as CSV. Computed in main from
 * the stored entries, in the user's time zone. Projects by name (and client), from the catalog.
 */
import { useEffect, useState } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { ValidationError } from '../../../shared/errors';
import type { Report, ReportBy, ReportGroup, ReportQuery } from '../../../shared/report';
import { ReportChart } from '../components/ReportChart';
import { duration } from '../format';
import { PRESETS, presetRange, type Preset } from '../report-ranges';
import type { AppActions, AppState } from '../store';

const hours = (s: number) => (s / 3600).toFixed(2);

export default function ReportsView({ s }: { s: AppState & AppActions }) {
  const [preset, setPreset] = useState<Preset | 'custom'>('this-week');
  const [q, setQ] = useState<ReportQuery>(() => ({ ...presetRange('this-week', Date.now(), s.zone), group: 'day', by: 'project' }));
  const [report, setReport] = useState<Report | null>(null);
  const [issues, setIssues] = useState<FieldIssue[] | null>(null);

  useEffect(() => {
    let live = true;
    s.bridge.reports.get(q).then(
      (r) => live && (setReport(r), setIssues(null)),
      (e: unknown) => live && setIssues(e instanceof ValidationError ? e.issues : [{ field: 'report', rule: String(e) }]),
    );
    return () => void (live = false);
    // Entries changed anywhere (this window, the CLI, sync) → the report follows.
  }, [q, s.entries, s.bridge]);

  const choosePreset = (p: Preset | 'custom') => {
    setPreset(p);
    if (p !== 'custom') {
      const def = PRESETS.find((x) => x.id === p)!;
      setQ({ ...q, ...presetRange(p, Date.now(), s.zone), group: def.group });
    }
  };

  async function exportCsv() {
    const csv = await s.bridge.reports.csv(q);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    a.download = `timetray-report-${q.from}-to-${q.to}-by-${q.by}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  const problem = (f: string) => issues?.find((i) => i.field === f)?.rule;
  return (
    <main className="reports" aria-label="Reports">
      <form className="report-controls" onSubmit={(e) => e.preventDefault()}>
        <label className="field"><span>Range</span>
          <select aria-label="Range" value={preset} onChange={(e) => choosePreset(e.target.value as Preset | 'custom')}>
            {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            <option value="custom">Custom…</option>
          </select>
        </label>
        <label className="field"><span>From</span>
          <input type="date" aria-label="From" value={q.from} onChange={(e) => (setPreset('custom'), setQ({ ...q, from: e.target.value }))} />
          {problem('from') && <span role="alert" className="error">{problem('from')}</span>}
        </label>
        <label className="field"><span>To</span>
          <input type="date" aria-label="To" value={q.to} onChange={(e) => (setPreset('custom'), setQ({ ...q, to: e.target.value }))} />
          {problem('to') && <span role="alert" className="error">{problem('to')}</span>}
        </label>
        <label className="field"><span>Totals by</span>
          <select aria-label="Totals by" value={q.group} onChange={(e) => setQ({ ...q, group: e.target.value as ReportGroup })}>
            <option value="day">Day</option><option value="week">Week</option><option value="month">Month</option>
          </select>
        </label>
        <label className="field"><span>Split by</span>
          <select aria-label="Split by" value={q.by} onChange={(e) => setQ({ ...q, by: e.target.value as ReportBy })}>
            <option value="none">Nothing</option><option value="project">Project</option><option value="tag">Tag</option><option value="billable">Billable</option>
          </select>
        </label>
        <button type="button" onClick={() => void exportCsv()} disabled={!report}>Export CSV</button>
      </form>
      {issues && !problem('from') && !problem('to') && <p role="alert" className="error">{issues.map((i) => `${i.field}: ${i.rule}`).join('; ')}</p>}
      {report && (
        <>
          <p className="report-summary" data-testid="report-summary">
            <strong>{duration(report.total_seconds)}</strong> in {report.entries} entries ·
            billable <strong data-testid="report-billable">{duration(report.billable_seconds)}</strong>,
            not billable {duration(report.total_seconds - report.billable_seconds)} · times in {report.zone}
            {q.by === 'tag' && <span className="muted"> · an entry with several tags counts under each</span>}
          </p>
          <ReportChart report={report} />
          {/* Scrolls sideways in a narrow window: focusable, so the keyboard can scroll it too. */}
          <div className="report-table" tabIndex={0} role="region" aria-label="Report numbers">
            <table aria-label="Report table">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  {q.by !== 'none' && report.keys.map((k) => <th key={k.key} scope="col" title={k.client ? `${k.label} · ${k.client}${k.key ? ` (${k.key})` : ''}` : k.key || undefined}>{k.label}{k.client && <span className="muted report-client"> · {k.client}</span>}</th>)}
                  <th scope="col">Billable</th><th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {report.periods.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.label}</th>
                    {q.by !== 'none' && report.keys.map((k) => <td key={k.key}>{hours(p.by[k.key] ?? 0)}</td>)}
                    <td>{hours(p.billable_seconds)}</td><td>{hours(p.seconds)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total (hours)</th>
                  {q.by !== 'none' && report.keys.map((k) => <td key={k.key}>{hours(k.seconds)}</td>)}
                  <td>{hours(report.billable_seconds)}</td><td data-testid="report-total">{hours(report.total_seconds)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </main>
  );
}
