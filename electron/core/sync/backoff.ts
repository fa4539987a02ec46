/**
 * Exponential backoff with full jitter, clamped to [min, max]. It is never "exhausted": after the
 * cap it keeps retrying every ≤ max, and it restarts from min on success, resume, unlock, a
 * network change or "Sync now" (lessons.md: "backoff exhausted").
 */
export interface BackoffPolicy {
  minMs: number;
  maxMs: number;
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { minMs: 1_000, maxMs: 15 * 60_000 };

/** Delay before attempt `attempt + 1`, given `attempt` failures so far (1 = the first failure). */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const random = policy.random ?? Math.random;
  const ceiling = Math.min(policy.maxMs, policy.minMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.max(policy.minMs, Math.round(ceiling * random()));
}
