/** A report of where the time went, as the Reports view and its CSV show it. */

export type ReportGroup = 'day' | 'week' | 'month';
export type ReportBy = 'none' | 'project' | 'tag' | 'billable';

export interface ReportQuery {
  /** Local dates (YYYY-MM-DD), both included, in the user's time zone. */
  from: string;
  to: string;
  group: ReportGroup;
  by: ReportBy;
}

export interface ReportPeriod {
  /** '2026-11-23' (day), '2026-W48' (ISO week, from Monday), '2026-11' (month). */
  period: string;
  label: string;
  /** UTC instants of the period's local bounds, clipped to the query's range. */
  start: string;
  end: string;
  seconds: number;
  billable_seconds: number;
  /** Entries with any time in this period. */
  entries: number;
  /** Seconds per key (see ReportKey) within this period. */
  by: Record<string, number>;
  /** Billable seconds per key within this period. */
  by_billable: Record<string, number>;
}

/**
 * One project, tag or billable state. Key '' is "no project" / "no tag". An entry with several
 * tags counts fully under each, so by-tag keys can add up to more than the total.
 */
export interface ReportKey {
  key: string;
  /** What people read: a project's name (its id when no list names it), a tag, "Billable". */
  label: string;
  /** Split by project, when names are known: the project's client, by id and by name. */
  client_id?: string | null;
  client?: string | null;
  seconds: number;
  billable_seconds: number;
}

export interface Report {
  query: ReportQuery;
  zone: string;
  /** Every period of the range, empty ones too, in order. */
  periods: ReportPeriod[];
  /** Largest first. */
  keys: ReportKey[];
  total_seconds: number;
  billable_seconds: number;
  entries: number;
}
