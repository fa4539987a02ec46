/** Pieces every connector uses: error text from any envelope, URL building, fingerprint matching. */
import { localDateOf } from '../../../../shared/time';
import type { LocalEntry, Outcome, PieceBody, PieceRef, RemoteRecord } from '../connector';
import type { SyncError } from '../errors';
import type { Http, HttpRequest, HttpResult } from '../http';

/** The server's own message out of the envelopes the five APIs use. */
export function errorText(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 300) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.errors)) {
    // Kantata: {errors: [{type, message, field?}]}; the field says which value to fix.
    const msgs = b.errors.map((e) => {
      if (!e || typeof e !== 'object') return e;
      const { message, field } = e as { message?: unknown; field?: unknown };
      return typeof field === 'string' && field && typeof message === 'string' && !message.includes(field) ? `${field}: ${message}` : message;
    }).filter(Boolean);
    if (msgs.length) return msgs.join('; ');
  }
  if (b.error && typeof b.error === 'object') {
    const e = b.error as Record<string, unknown>;
    if (typeof e.message === 'string') return e.message + detailsText(e.details);
    // Moneybird's 422: {error: {field: [messages]}, details: {field: [{error: code}]}}.
    const fields = fieldMessages(e);
    if (fields) return fields;
    return JSON.stringify(e).slice(0, 300);
  }
  // Fastify's envelope (Kukkingu): {statusCode, error: 'Forbidden', message: 'No access to tenant …'}.
  if (typeof b.error === 'string' && typeof b.message === 'string' && b.message) return `${b.error}: ${b.message}` + detailsText(b.details);
  if (typeof b.error === 'string') return b.error + detailsText(b.details ?? b.symbolic);
  if (typeof b.message === 'string') return b.message + detailsText(b.details);
  return undefined;
}

/** `ended_at: cannot be before the start time; description: can't be blank`, or undefined when not that shape. */
function fieldMessages(e: Record<string, unknown>): string | undefined {
  const parts = Object.entries(e).map(([field, v]) => {
    const msgs = (Array.isArray(v) ? v : [v]).filter((m): m is string => typeof m === 'string' && m.length > 0);
    return msgs.length ? `${field}: ${msgs.join(', ')}` : null;
  });
  return parts.length && parts.every(Boolean) ? parts.join('; ').slice(0, 300) : undefined;
}

function detailsText(d: unknown): string {
  if (!d || typeof d !== 'object') return '';
  const s = JSON.stringify(d);
  return s === '{}' ? '' : ` (${s.slice(0, 200)})`;
}

export function refused(message: string): { ok: false; error: SyncError } {
  return { ok: false, error: { class: 'refused', status: 0, message } };
}

export function fail<T>(r: Extract<HttpResult, { ok: false }>): Outcome<T> {
  return { ok: false, error: r.error };
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A timestamp as the server wrote it, normalised so equal instants compare equal. */
export function normIso(v: unknown): string | null {
  if (typeof v !== 'string' || !v) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

export function str(v: unknown): string | null {
  return v === undefined || v === null || v === '' ? null : String(v);
}

/** Whole minutes, to the nearest, never zero: a one-second entry is still billed work. */
export function minutesOf(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

/** The local dates around an entry's start, wide enough for servers that file by UTC date. */
export function datesAround(entry: LocalEntry): { from: string; to: string } {
  const day = 86_400_000;
  return { from: localDateOf(entry.start - day, entry.zone), to: localDateOf(entry.end + day, entry.zone) };
}

/**
 * Fingerprint matching for APIs with no reference field: the record with our start (to the
 * precision the API keeps), our duration and our description, not already mapped elsewhere.
 */
export function matchByFingerprint(
  records: readonly RemoteRecord[], wanted: Record<string, unknown>, key: string, taken: ReadonlySet<string>,
): PieceRef[] {
  const same = (a: Record<string, unknown>) =>
    Object.entries(wanted).every(([k, v]) => JSON.stringify(a[k] ?? null) === JSON.stringify(v ?? null));
  const hit = records.find((r) => !taken.has(r.remoteId) && same(r.comparable));
  return hit ? [{ key, remoteId: hit.remoteId, held: hit }] : [];
}

type Req = Pick<HttpRequest, 'headers' | 'errorMessage'>;

/** The REST verbs most connectors share: one create per request, write by id, delete by id. */
export function restCalls(http: Http, req: Req) {
  return {
    /** One POST per item; `idOf` reads the new record's id out of the answer. */
    async createEach(url: string, items: readonly { piece: PieceBody }[], idOf: (body: unknown) => unknown): Promise<Outcome<string>[]> {
      const out: Outcome<string>[] = [];
      for (const { piece } of items) {
        // Named, not spread: one request per entry of a drain (bench: drain memory).
        const r = await http.request({ headers: req.headers, errorMessage: req.errorMessage, method: 'POST', url, body: piece.body });
        const id = r.ok ? idOf(r.body) : undefined;
        if (!r.ok) out.push(fail(r));
        else if (id === undefined || id === null) out.push({ ok: false, error: { class: 'transient', status: r.status, message: 'created, but the answer had no id' } });
        else out.push({ ok: true, value: String(id) });
      }
      return out;
    },
    async write(method: 'PUT' | 'PATCH', url: string, body: unknown): Promise<Outcome<void>> {
      const r = await http.request({ ...req, method, url, body });
      return r.ok ? { ok: true, value: undefined } : fail(r);
    },
    /** A record the server no longer has is as deleted as we want it. */
    async remove(url: string): Promise<Outcome<void>> {
      const r = await http.request({ ...req, method: 'DELETE', url });
      return r.ok || r.error.status === 404 ? { ok: true, value: undefined } : fail(r);
    },
    /**
     * One record by its address: 404/410 mean the server no longer has it (null). `read` takes the
     * answer's body to the record, or null when it holds something that is not a finished entry.
     */
    async one(url: string, read: (body: unknown) => RemoteRecord | null): Promise<Outcome<RemoteRecord | null>> {
      const r = await http.request({ ...req, method: 'GET', url });
      if (!r.ok) return r.error.status === 404 || r.error.status === 410 ? { ok: true, value: null } : fail(r);
      const rec = read(r.body);
      return rec
        ? { ok: true, value: rec }
        : { ok: false, error: { class: 'refused', status: r.status, message: 'the answer did not hold a finished time entry (a running timer on the server, or an answer of another shape)' } };
    },
    async get(url: string): Promise<Outcome<void>> {
      const r = await http.request({ ...req, method: 'GET', url });
      return r.ok ? { ok: true, value: undefined } : fail(r);
    },
  };
}

/**
 * The `rel="next"` target of a Link header (RFC 8288), as Moneybird pages its lists; null when
 * there is none. Only a URL on `origin` is followed: the token goes with it.
 */
export function nextLink(header: string | null | undefined, origin: string): string | null | Error {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m || !/;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(m[2]!)) continue;
    let u: URL;
    try {
      u = new URL(m[1]!, origin);
    } catch {
      return new Error(`the next page's address in the Link header is not a URL: ${m[1]!.slice(0, 100)}`);
    }
    if (u.origin !== new URL(origin).origin) return new Error(`the Link header points the next page to another host (${u.host}); not followed`);
    return u.toString();
  }
  return null;
}

/** One page of a list, and where the next one is (a page number, a cursor, a URL); null: the last. */
export interface Page<T, At> {
  items: T[];
  next: At | null;
}

const MAX_PAGES = 1000;

/**
 * The one page loop: every page of a list, all or nothing, however the API says where the next
 * page is. A server that never says "last" is stopped at MAX_PAGES with an error rather than a
 * list silently cut short.
 */
export async function allPages<T, At>(first: At, fetchPage: (at: At) => Promise<Outcome<Page<T, At>>>): Promise<Outcome<T[]>> {
  const out: T[] = [];
  let at: At | null = first;
  for (let n = 0; at !== null; n++) {
    if (n === MAX_PAGES) return { ok: false, error: { class: 'transient', status: 0, message: `the list went on past ${MAX_PAGES} pages: not read` } };
    const r: Outcome<Page<T, At>> = await fetchPage(at);
    if (!r.ok) return r;
    out.push(...r.value.items);
    at = r.value.next;
  }
  return { ok: true, value: out };
}

/** Page-numbered lists: ask page 1, 2, … until a page comes back short. */
export function pageThrough<T>(perPage: number, fetchPage: (page: number) => Promise<Outcome<T[]>>): Promise<Outcome<T[]>> {
  return allPages(1, async (page: number): Promise<Outcome<Page<T, number>>> => {
    const r = await fetchPage(page);
    return r.ok ? { ok: true, value: { items: r.value, next: r.value.length < perPage ? null : page + 1 } } : r;
  });
}

/**
 * Lookup for APIs with no reference field: list the days around the entry, and around every
 * instant the pieces' bodies name (an earlier body may have had other times), and match `pick`
 * of each piece. One record answers at most one piece.
 */
export async function lookupByFingerprint(
  list: (from: string, to: string, zone: string) => Promise<Outcome<RemoteRecord[]>>,
  entry: LocalEntry, pieces: readonly PieceBody[], taken: ReadonlySet<string>,
  pick: (compare: Record<string, unknown>) => Record<string, unknown>,
): Promise<Outcome<PieceRef[]>> {
  let { from, to } = datesAround(entry);
  for (const p of pieces) {
    for (const v of Object.values(pick(p.compare))) {
      const t = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : NaN;
      if (!Number.isFinite(t)) continue;
      const around = datesAround({ ...entry, start: t, end: t });
      if (around.from < from) from = around.from;
      if (around.to > to) to = around.to;
    }
  }
  const l = await list(from, to, entry.zone);
  if (!l.ok) return l;
  const used = new Set(taken);
  const out: PieceRef[] = [];
  for (const p of pieces) {
    const hit = matchByFingerprint(l.value, pick(p.compare), p.key, used)[0];
    if (hit) {
      used.add(hit.remoteId);
      out.push(hit);
    }
  }
  return { ok: true, value: out };
}

/** Parses list items into records, dropping what is not an entry yet (a running remote timer). */
export function records(data: unknown, toRecord: (d: Record<string, unknown>) => RemoteRecord | null): RemoteRecord[] {
  return (Array.isArray(data) ? data : []).map((d) => toRecord(d as Record<string, unknown>)).filter((x): x is RemoteRecord => x !== null);
}

/** The record inside a `{data: {...}}` answer, read by `toRecord`; null when there is none. */
export function envelopeRecord(body: unknown, toRecord: (d: Record<string, unknown>) => RemoteRecord | null): RemoteRecord | null {
  const d = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  return d && typeof d === 'object' && !Array.isArray(d) ? toRecord(d as Record<string, unknown>) : null;
}
