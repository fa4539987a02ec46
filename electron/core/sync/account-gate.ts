/**
 * What stands between an account and the network, request by request:
 *   - a hold: the server said 429 (or gave a Retry-After) — no request at all to that account until
 *     the time given, list requests and probes included. Kept in account_sync.hold_until, so the
 *     app and the CLI on the same file both respect it; "Sync now" does not break it.
 *   - a pacer, for services that publish a budget (capabilities.rateLimit): one per account in
 *     this process, shared by the sync passes and the pickers' list fetch.
 */
import { RETRY_AFTER_CAP_MS, type SyncError } from './errors';
import { createPacer, type Pacer, type RateLimit, type Sleep } from './pacer';
import type { SyncStore } from './sync-db';

/** A 429 without a usable Retry-After (Kantata documents none) still holds the account this long. */
export const DEFAULT_HOLD_MS = 60_000;

export interface AccountGates {
  /** The instant the account is held until, or null when it is not held now. */
  heldUntil(accountId: string): number | null;
  /** The http.ts hooks for one account's requests. */
  hooks(accountId: string, limit: () => RateLimit | undefined): {
    gate: () => Promise<SyncError | null>;
    onError: (e: SyncError) => void;
    onAnswer: (headers: { get(name: string): string | null }) => void;
  };
  pacer(accountId: string, limit: RateLimit | undefined): Pacer | null;
}

/** A request the budget could not take soon enough: it waits for a later pass, it did not fail. */
export function isBudgetWait(e: SyncError | undefined): boolean {
  return !!e && e.status === 0 && e.message.startsWith(BUDGET);
}
const BUDGET = 'not sent yet:';

export function createAccountGates(o: { store: SyncStore; now: () => number; sleep: Sleep; maxWaitMs: number }): AccountGates {
  const pacers = new Map<string, Pacer>();

  function heldUntil(accountId: string): number | null {
    const until = o.store.holdUntil(accountId);
    const t = o.now();
    // Beyond the cap the clock was set back since the hold began: the hold is over, not hours long.
    return until !== null && until > t && until - t <= RETRY_AFTER_CAP_MS ? until : null;
  }

  function pacer(accountId: string, limit: RateLimit | undefined): Pacer | null {
    if (!limit) return null;
    let p = pacers.get(accountId);
    if (!p) pacers.set(accountId, (p = createPacer(limit, o.now, o.sleep)));
    return p;
  }

  return {
    heldUntil,
    pacer,
    hooks(accountId, limit) {
      return {
        async gate() {
          const held = heldError(heldUntil(accountId), o.now());
          if (held) return held;
          const p = pacer(accountId, limit());
          if (p && !(await p.take(o.maxWaitMs))) {
            const at = p.nextFreeAt();
            return {
              class: 'transient', status: 0, retryAfterMs: Math.max(0, at - o.now()),
              message: `${BUDGET} ${p.limit.service} takes ${p.limit.requests} requests per ${p.limit.perMs / 60_000} min; the next may go at ${new Date(at).toISOString()}`,
            };
          }
          // A hold set while this request waited for the pacer (another request's 429) still counts.
          return heldError(heldUntil(accountId), o.now());
        },
        onAnswer(headers) {
          pacer(accountId, limit())?.observe(headers);
        },
        onError(e) {
          if (e.status !== 429 && e.retryAfterMs === undefined) return;
          const until = o.now() + (e.retryAfterMs ?? DEFAULT_HOLD_MS);
          const cur = o.store.holdUntil(accountId);
          if (cur === null || cur < until || cur - o.now() > RETRY_AFTER_CAP_MS) o.store.setAccount(accountId, { hold_until: until });
        },
      };
    },
  };
}

/**
 * Refusals carry status 0, as when no answer came: a push then stops its batch at once, so the rows
 * it had not tried yet are given back with their attempt uncounted (no lookup needed later).
 */
function heldError(until: number | null, now: number): SyncError | null {
  if (until === null) return null;
  return {
    class: 'transient', status: 0, retryAfterMs: until - now,
    message: `not sent: the server asked us to wait until ${new Date(until).toISOString()}`,
  };
}

/** "held until 14:05:30: the server asked to wait (Retry-After); …", the time in the user's zone. */
export function holdText(until: number, zone: string): string {
  const at = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(until);
  return `held until ${at}: the server asked to wait (Retry-After); nothing is sent to it before then`;
}
