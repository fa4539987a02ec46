/**
 * When a queued backlog should be through, for `timetray queue` and `timetray sync`: from each
 * connector's declared budget (capabilities.rateLimit) and the account's hold. A process that
 * does not pace the account itself (the CLI beside the app) assumes an unused budget.
 */
import type { DrainEstimate, Provider } from '../../../shared/entry';
import { holdText } from './account-gate';
import { RETRY_AFTER_CAP_MS } from './errors';
import { descriptorOf } from './connectors';
import { drainMs, drainText } from './pacer';

/** Accounts with queued changes that wait for a budget or a hold; the others go at once. */
export function drainEstimates(
  backlog: readonly { account: string; provider: Provider; changes: number; hold_until: number | null }[],
  now: number, zone: string,
): DrainEstimate[] {
  return backlog.flatMap((b): DrainEstimate[] => {
    if (b.changes <= 0) return [];
    const held = b.hold_until !== null && b.hold_until > now && b.hold_until - now <= RETRY_AFTER_CAP_MS ? b.hold_until : null;
    const limit = descriptorOf(b.provider).capabilities.rateLimit;
    if (!limit && held === null) return [];
    const wait = held === null ? 0 : held - now;
    const paced = limit ? drainMs(limit, b.changes, [], now) : 0;
    const parts = [held === null ? null : holdText(held, zone), limit ? drainText(limit, b.changes, paced) : null];
    return [{
      account: b.account, provider: b.provider, changes: b.changes, estimate_ms: wait + paced,
      held_until: held === null ? null : new Date(held).toISOString(), text: parts.filter(Boolean).join('; then '),
    }];
  });
}
