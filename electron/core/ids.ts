import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * Random bytes drawn from one buffer refilled 4 KiB at a time. ulid asks its PRNG for one value per
 * character (16 per id) and by default calls the system's CSPRNG for each: ~60 µs of every start.
 */
export function pooledPrng(): () => number {
  const pool = new Uint8Array(4096);
  let at = pool.length;
  return () => {
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    return pool[at++]! / 256;
  };
}

/** Sortable local ids (ULID): creation order survives export, import and sync. */
export const newId: () => string = monotonicFactory(pooledPrng());

/** What newId makes; an entry id from outside (an undo, an import) must look like one. */
export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
