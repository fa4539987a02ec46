/**
 * What went wrong with a request, as a value. Retryability is decided here and nowhere else.
 *
 *   transient  network, timeout, 408/425/429/5xx   → retry later with backoff (Retry-After wins)
 *   auth       401/403                             → pause the account until the user acts
 *   refused    400/404/409/410/422 and other 4xx   → the entry needs attention, with the message
 */
export type ErrorClass = 'transient' | 'auth' | 'refused';

export interface SyncError {
  class: ErrorClass;
  /** HTTP status, or 0 when no answer came (network, timeout). */
  status: number;
  /** Human text, already free of secrets. */
  message: string;
  /** From Retry-After, capped. */
  retryAfterMs?: number;
}

export function classifyStatus(status: number): ErrorClass {
  if (status === 401 || status === 403) return 'auth';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'transient';
  return 'refused';
}

export function isSyncError(v: unknown): v is SyncError {
  return typeof v === 'object' && v !== null && 'class' in v && 'status' in v && 'message' in v;
}

/** Never wait longer than this for one Retry-After, whatever a server says. */
export const RETRY_AFTER_CAP_MS = 15 * 60_000;

/**
 * Retry-After as delta-seconds, as an HTTP-date, or (Moneybird) as an epoch timestamp in seconds.
 * Returns milliseconds from `now`, capped; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let ms: number | undefined;
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    // A number this large is an epoch timestamp, not a delay: 10^9 s is 31 years.
    ms = n > 1e9 ? n * 1000 - now : n * 1000;
  } else {
    const at = Date.parse(v);
    if (Number.isFinite(at)) ms = at - now;
  }
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), RETRY_AFTER_CAP_MS);
}

/** Replaces every occurrence of each secret (and its Bearer form) with a marker. */
export function redact(text: string, secrets: readonly (string | undefined | null)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]');
}
