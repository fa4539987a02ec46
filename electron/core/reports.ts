/**
 * Reports: where the time went, by day, week or month, split by project, tag or billable state,
 * in the user's time zone. An entry crossing local midnight counts on each day for the part it
 * spent there (DST days are 23 or 25 hours long); the part outside the range does not count.
 * Entries are whole seconds and so are local midnights, so the periods add up to the total exactly.
 */
import { stringify } from 'csv-stringify/sync';
import { NEUTRALISING_CAST } from './csv-cells';
import { labelOf, nameIndex, type NameIndex } from '../../shared/catalog-names';
import type { Entry } from '../../shared/entry';
import type { Report, ReportKey, ReportPeriod, ReportQuery } from '../../shared/report';
import { reportQuerySchema } from '../../shared/report-schema';
import { parseOrThrow } from '../../shared/schemas';
import { localDaysRange, localDayStart, nextLocalDate, splitByLocalDay, toIso, truncateToSecond } from '../../shared/time';
import type { Core } from '.';

const noon = (date: string) => new Date(`${date}T12:00:00Z`);
const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...o, timeZone: 'UTC' });
const DAY = fmt({ weekday: 'short', day: 'numeric', month: 'short' });
const MONTH = fmt({ month: 'long', year: 'numeric' });
const DAY_MS = 86_400_000;

/**
 * The ISO week (Monday first; week 1 holds the year's first Thursday) of a calendar date. Plain
 * UTC arithmetic on purpose: date-fns would read the date in the process's own zone, where noon
 * UTC is already the next day 12 or more hours ahead (New Zealand), and a Sunday joined the next week.
 */
function isoWeekOf(date: string): { year: number; week: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d);
  const thursday = new Date(day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  return { year, week: Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1 };
}

function periodOf(date: string, group: ReportQuery['group']): { period: string; label: string } {
  if (group === 'day') return { period: date, label: DAY.format(noon(date)) };
  if (group === 'month') return { period: date.slice(0, 7), label: MONTH.format(noon(date)) };
  const { year, week } = isoWeekOf(date);
  return { period: `${year}-W${String(week).padStart(2, '0')}`, label: `Week ${week}` };
}

const NO_KEY: Record<ReportQuery['by'], string> = { none: 'Total', project: '(no project)', tag: '(no tag)', billable: '' };

function keysOf(e: Entry, by: ReportQuery['by']): string[] {
  if (by === 'project') return [e.project_id ?? ''];
  if (by === 'tag') return e.tags.length ? [...new Set(e.tags)] : [''];
  if (by === 'billable') return [e.billable ? 'billable' : 'non-billable'];
  return ['total'];
}

const keyLabel = (key: string, by: ReportQuery['by']) =>
  key === '' ? NO_KEY[by] : by === 'billable' ? (key === 'billable' ? 'Billable' : 'Not billable') : by === 'none' ? 'Total' : key;

/**
 * A project key is its id (the same id on two accounts adds up under one key); the first entry
 * with it names it from its own account's list, with the project's client as far as it is known.
 */
function newKey(key: string, by: ReportQuery['by'], e: Entry, names: NameIndex | undefined): ReportKey {
  const k: ReportKey = { key, label: keyLabel(key, by), seconds: 0, billable_seconds: 0 };
  if (by !== 'project' || !names) return k;
  const client_id = key ? e.client_id ?? names.clientOf(e.account, key) : null;
  return { ...k, ...(key && { label: labelOf(names, 'project', e.account, key) }), client_id, client: client_id ? labelOf(names, 'client', e.account, client_id) : null };
}

/**
 * The report of `entries` (any order; only their parts inside the range count). Pure. With
 * `names`, a project key is labelled by the project's name and carries its client.
 */
export function buildReport(entries: readonly Entry[], q: ReportQuery, zone: string, names?: NameIndex): Report {
  const [lo, hi] = localDaysRange(q.from, q.to, zone);
  const periods: ReportPeriod[] = [];
  const byPeriod = new Map<string, ReportPeriod & { ids: Set<string> }>();
  for (let date = q.from; date <= q.to; date = nextLocalDate(date)) {
    const { period, label } = periodOf(date, q.group);
    const dayEnd = localDayStart(nextLocalDate(date), zone);
    const existing = byPeriod.get(period);
    if (existing) {
      existing.end = toIso(dayEnd);
      continue;
    }
    const p = { period, label, start: toIso(localDayStart(date, zone)), end: toIso(dayEnd), seconds: 0, billable_seconds: 0, entries: 0, by: {}, by_billable: {}, ids: new Set<string>() };
    byPeriod.set(period, p);
    periods.push(p);
  }
  const keys = new Map<string, ReportKey>();
  const counted = new Set<string>();
  let total = 0;
  let billable = 0;
  for (const e of entries) {
    // Whole seconds, as storage keeps them: the pieces are then exact and add up to the total.
    const start = Math.max(truncateToSecond(Date.parse(e.start)), lo);
    const end = Math.min(truncateToSecond(Date.parse(e.end)), hi);
    if (end <= start) continue;
    const entryKeys = keysOf(e, q.by);
    for (const piece of splitByLocalDay(start, end, zone)) {
      const p = byPeriod.get(periodOf(piece.date, q.group).period)!;
      p.seconds += piece.seconds;
      if (e.billable) p.billable_seconds += piece.seconds;
      p.ids.add(e.id);
      for (const k of entryKeys) {
        p.by[k] = (p.by[k] ?? 0) + piece.seconds;
        if (e.billable) p.by_billable[k] = (p.by_billable[k] ?? 0) + piece.seconds;
        const rk = keys.get(k) ?? newKey(k, q.by, e, names);
        rk.seconds += piece.seconds;
        if (e.billable) rk.billable_seconds += piece.seconds;
        keys.set(k, rk);
      }
      total += piece.seconds;
      if (e.billable) billable += piece.seconds;
    }
    counted.add(e.id);
  }
  for (const p of byPeriod.values()) p.entries = p.ids.size;
  return {
    query: q,
    zone,
    periods: periods.map((p) => {
      const { ids: _ids, ...rest } = byPeriod.get(p.period)!;
      return rest;
    }),
    keys: [...keys.values()].sort((a, b) => b.seconds - a.seconds || a.label.localeCompare(b.label)),
    total_seconds: total,
    billable_seconds: billable,
    entries: counted.size,
  };
}

/**
 * The report for the stored entries (deleted ones and the running timer are not counted), with
 * projects and clients named from the cached catalog.
 */
export function reportFor(core: Pick<Core, 'entries' | 'zone' | 'catalog'>, query: ReportQuery): Report {
  const q = parseOrThrow(reportQuerySchema, query);
  const zone = core.zone();
  const [lo, hi] = localDaysRange(q.from, q.to, zone);
  const entries = core.entries.listRange(lo, hi);
  return buildReport(entries, q, zone, q.by === 'project' ? nameIndex(core.catalog.list(), entries) : undefined);
}

const hours = (s: number) => (s / 3600).toFixed(2);

/**
 * The report as a spreadsheet sees the table on screen: one row per period with a column per
 * key (tag or billable state), then billable and total hours, and a closing total row. Split by
 * project, one row per period and project instead (names are not unique, and a spreadsheet
 * filters rows better than it reads names in headers): the project's id and name and its
 * client's id and name each in their own column, then one total row per project and the total.
 * Hours are decimal with two places; the period's own key (2026-W48, …) is in the first column.
 */
export function reportCsv(r: Report): string {
  if (r.query.by === 'project') return projectCsv(r);
  const split = r.query.by !== 'none';
  const header = ['period', 'label', ...(split ? r.keys.map((k) => k.label) : []), 'billable_hours', 'total_hours'];
  const rows = r.periods.map((p) => [p.period, p.label, ...(split ? r.keys.map((k) => hours(p.by[k.key] ?? 0)) : []), hours(p.billable_seconds), hours(p.seconds)]);
  const footer = ['total', `${r.query.from} to ${r.query.to} (${r.zone})`, ...(split ? r.keys.map((k) => hours(k.seconds)) : []), hours(r.billable_seconds), hours(r.total_seconds)];
  return stringify([header, ...rows, footer], { cast: NEUTRALISING_CAST });
}

function projectCsv(r: Report): string {
  const header = ['period', 'label', 'project_id', 'project', 'client_id', 'client', 'billable_hours', 'total_hours'];
  const ids = (k: ReportKey) => [k.key, k.label, k.client_id ?? '', k.client ?? ''];
  const rows = r.periods.flatMap((p) => r.keys.filter((k) => (p.by[k.key] ?? 0) > 0)
    .map((k) => [p.period, p.label, ...ids(k), hours(p.by_billable[k.key] ?? 0), hours(p.by[k.key]!)]));
  const range = `${r.query.from} to ${r.query.to} (${r.zone})`;
  const perKey = r.keys.map((k) => ['total', range, ...ids(k), hours(k.billable_seconds), hours(k.seconds)]);
  const footer = ['total', range, '', '', '', '', hours(r.billable_seconds), hours(r.total_seconds)];
  return stringify([header, ...rows, ...perKey, footer], { cast: NEUTRALISING_CAST });
}
