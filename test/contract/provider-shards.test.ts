/** Every provider of the registry is in exactly one shard of the kill rounds and the model suite. */
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../electron/core/sync/connectors';
import { providerShard, SHARDS } from '../helpers/provider-shard';

it('the shards cover the registry once, and each shard has its kill and model file', () => {
  const shards = Array.from({ length: SHARDS }, (_, i) => providerShard(i + 1));
  expect(shards.flat().sort()).toEqual([...PROVIDER_IDS].sort());
  for (let k = 1; k <= SHARDS; k++) {
    expect(existsSync(new URL(`./kill-rounds-${k}.test.ts`, import.meta.url)), `kill-rounds-${k}.test.ts`).toBe(true);
    expect(existsSync(new URL(`../model/providers-${k}.test.ts`, import.meta.url)), `providers-${k}.test.ts`).toBe(true);
  }
});
