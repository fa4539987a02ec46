/**
 * Export and import in the shapes `timetray export` writes. Import is all or nothing: every row is
 * validated first, each problem is reported with its line, and only a clean file is written.
 * Rows whose id is already here are skipped, so importing the same file twice adds nothing.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type { Entry } from '../../shared/entry';
import { NEUTRALISING_CAST, restoreCell } from './csv-cells';
import { ValidationError, type FieldIssue } from '../../shared/errors';
import type { EntryInput } from '../../shared/schemas';
import type { Entries, ImportItem } from './entries';

export const CSV_COLUMNS = [
  'id', 'description', 'start', 'end', 'duration_seconds', 'project_id', 'task_id', 'client_id',
  'tags', 'billable', 'account', 'sync_state', 'remote_id',
] as const;

export function toCsv(entries: readonly Entry[]): string {
  return stringifyCsv(
    entries.map((e) => [
      e.id, e.description, e.start, e.end, e.duration_seconds, e.project_id ?? '', e.task_id ?? '',
      e.client_id ?? '', e.tags.join(','), e.billable ? 'true' : 'false', e.account ?? '',
      e.sync.state, e.sync.remote_id ?? '',
    ]),
    { header: true, columns: [...CSV_COLUMNS], cast: NEUTRALISING_CAST },
  );
}

/** One entry a line, so a line number in an import error points at the entry. */
export function toJson(entries: readonly Entry[]): string {
  if (entries.length === 0) return '[]\n';
  return `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

interface RawItem {
  line: number;
  record: Record<string, unknown>;
}

export interface ImportResult {
  imported: Entry[];
  /** Ids already in this database: skipped. */
  skipped: string[];
}

export function importText(entries: Entries, text: string, fileName: string): ImportResult {
  const raw = looksLikeJson(text, fileName) ? readJson(text) : readCsv(text);
  const issues: FieldIssue[] = [];
  const items: ImportItem[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const { line, record } of raw) {
    const label = `line ${line}`;
    const r = toItem(record, label, issues);
    if (!r) continue;
    if (r.id && (entries.exists(r.id) || seen.has(r.id))) {
      skipped.push(r.id);
      continue;
    }
    if (r.id) seen.add(r.id);
    items.push(r);
  }
  if (issues.length) throw new ValidationError(issues);
  return { imported: entries.createMany(items), skipped };
}

function looksLikeJson(text: string, fileName: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  if (/\.csv$/i.test(fileName)) return false;
  return /^\s*[[{]/.test(text);
}

function readCsv(text: string): RawItem[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, info: true, trim: false }) as typeof rows;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw ValidationError.one(line ? `line ${line}` : 'file', `is not valid CSV: ${(e as Error).message}`);
  }
  // info.lines is the line the record ends on; a record spanning lines starts earlier.
  let prevEnd = 1;
  return rows.map(({ record, info }) => {
    const item = { line: prevEnd + 1, record: restoreRecord(record) };
    prevEnd = info.lines;
    return item;
  });
}

/** Undoes toCsv's formula guard, so our own export imports as the text the user typed. */
function restoreRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? restoreCell(v) : v]));
}

function readJson(text: string): RawItem[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw ValidationError.one('file', `is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw ValidationError.one('file', 'must hold a JSON array of entries, as export writes');
  const lines = itemLines(text);
  return data.map((record, i) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return { line: lines[i] ?? i + 1, record: { __invalid: true } };
    }
    return { line: lines[i] ?? i + 1, record: record as Record<string, unknown> };
  });
}

/** The line each top-level array element starts on. */
function itemLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expectItem && c !== ']') {
      out.push(line);
      expectItem = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectItem = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectItem = true;
  }
  return out;
}

function toItem(rec: Record<string, unknown>, label: string, issues: FieldIssue[]): ImportItem | null {
  if (rec.__invalid) {
    issues.push({ field: label, rule: 'must be an entry object' });
    return null;
  }
  const fromCsv = typeof rec.billable === 'string' || typeof rec.tags === 'string';
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const opt = (v: unknown) => (v === undefined || v === '' ? null : (v as string | null));
  const bad = (field: string, rule: string) => issues.push({ field: `${label}: ${field}`, rule });

  let billable: unknown = rec.billable;
  if (fromCsv && typeof billable === 'string') {
    const b = billable.trim().toLowerCase();
    billable = b === 'true' || b === '1' || b === 'yes' ? true : b === 'false' || b === '0' || b === 'no' || b === '' ? false : billable;
  }
  let tags: unknown = rec.tags;
  if (typeof tags === 'string') tags = tags.split(',').map((t) => t.trim()).filter(Boolean);

  const id = str(rec.id);
  if (id !== undefined && id !== '' && !ULID.test(id)) bad('id', 'must be a Timetray id (26-character ULID) or empty');
  const sync = rec.sync as { remote_id?: unknown } | undefined;
  const remoteId = str(rec.remote_id ?? sync?.remote_id);

  const input: EntryInput = {
    description: rec.description as string,
    start: rec.start as string,
    end: rec.end as string,
    project_id: opt(rec.project_id),
    task_id: opt(rec.task_id),
    client_id: opt(rec.client_id),
    tags: tags as string[] | undefined,
    billable: billable as boolean | undefined,
    account: opt(rec.account),
  };
  if (input.start === undefined) bad('start', 'is required');
  if (input.end === undefined) bad('end', 'is required');
  const dur = str(rec.duration_seconds);
  if (dur !== undefined && dur !== '' && typeof input.start === 'string' && typeof input.end === 'string') {
    const expect = (Date.parse(input.end) - Date.parse(input.start)) / 1000;
    if (Number.isFinite(expect) && Number(dur) !== expect) bad('duration_seconds', `must equal end − start (${expect})`);
  }
  return { input, id: id || undefined, remoteId: remoteId || null, label };
}
