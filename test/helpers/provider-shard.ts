/**
 * The registry's providers split across a fixed number of test files: Vitest runs files in
 * parallel and a file's tests one after another, so the long per-provider suites (kill rounds,
 * the model) keep both cores busy, while the list itself comes from the registry and a new
 * provider joins a shard without a file of its own.
 */
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import type { Provider } from '../../shared/entry';

export const SHARDS = 2;

/** Shard `k` (1-based) of SHARDS: every SHARDS-th provider, so each shard gets its share. */
export function providerShard(k: number): Provider[] {
  return PROVIDER_IDS.filter((_, i) => i % SHARDS === k - 1);
}
