/**
 * The report as stacked bars: one bar per period, one colour per project, tag or billable state.
 * Chart.js draws on a canvas; only the pieces a bar chart needs are registered, so the bundle
 * stays small. The table beside it holds the same numbers for screen readers and copying.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { Report } from '../../../shared/report';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS = ['#0a7d55', '#3b6fd8', '#c2410c', '#8b5cf6', '#0891b2', '#be185d', '#65a30d', '#a16207', '#6b7280'];
const MAX_SERIES = 8;

/** The largest keys get their own colour; the rest are summed as "other". */
export function chartSeries(r: Report): { label: string; hours: number[] }[] {
  const keys = r.keys.slice(0, MAX_SERIES);
  const rest = r.keys.slice(MAX_SERIES);
  const hours = (s: number) => Math.round((s / 3600) * 100) / 100;
  const series = keys.map((k) => ({ label: k.label, hours: r.periods.map((p) => hours(p.by[k.key] ?? 0)) }));
  if (rest.length) series.push({ label: `${rest.length} other`, hours: r.periods.map((p) => hours(rest.reduce((n, k) => n + (p.by[k.key] ?? 0), 0))) });
  return series;
}

export function ReportChart({ report }: { report: Report }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    const series = chartSeries(report);
    const data = {
      labels: report.periods.map((p) => p.label),
      datasets: series.map((s, i) => ({ label: s.label, data: s.hours, backgroundColor: COLOURS[i % COLOURS.length] })),
    };
    if (chart.current) {
      chart.current.data = data;
      chart.current.update();
    } else if (canvas.current) {
      chart.current = new Chart(canvas.current, {
        type: 'bar',
        data,
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'hours' } } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
    }
  }, [report]);
  useEffect(() => () => chart.current?.destroy(), []);

  const summary = `${report.periods.length} ${report.query.group === 'day' ? 'days' : report.query.group + 's'}, ${(report.total_seconds / 3600).toFixed(2)} hours in all`;
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={`Bar chart: ${summary}`} data-testid="report-chart" />
    </div>
  );
}
