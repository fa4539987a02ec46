/** Pieces every connector uses: error text from any envelope, URL building, fingerprint matching. */
import { localDateOf } from '../../../../shared/time';
import type { LocalEntry, Outcome, PieceRef, RemoteRecord } from '../connector';
import type { SyncError } from '../errors';
import type { HttpResult } from '../http';

/** The server's own message out of the envelopes the five APIs use. */
export function errorText(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 300) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.errors)) {
    const msgs = b.errors.map((e) => (e && typeof e === 'object' ? (e as { message?: unknown }).message : e)).filter(Boolean);
    if (msgs.length) return msgs.join('; ');
  }
  if (b.error && typeof b.error === 'object') {
    const e = b.error as Record<string, unknown>;
    if (typeof e.message === 'string') return e.message + detailsText(e.details);
    return JSON.stringify(e).slice(0, 300);
  }
  if (typeof b.error === 'string') return b.error + detailsText(b.details ?? b.symbolic);
  if (typeof b.message === 'string') return b.message + detailsText(b.details);
  return undefined;
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
  return hit ? [{ key, remoteId: hit.remoteId }] : [];
}
