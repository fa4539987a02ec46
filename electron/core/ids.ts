import { randomFillSync } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { monotonicFactory } from 'ulid';

/**
 * The kernel's CSPRNG where it is a file: node:crypto's first require was ~9 ms of a whole
 * `timetray start` (profiled; the CLI loads it on first use), for bytes /dev/urandom gives as well.
 */
function fillRandom(buf: Uint8Array): void {
  if (process.platform !== 'win32') {
    try {
      const fd = openSync('/dev/urandom', 'r');
      try {
        for (let n = 0; n < buf.length;) {
          const got = readSync(fd, buf, n, buf.length - n, null);
          if (got <= 0) throw new Error('/dev/urandom ended');
          n += got;
        }
        return;
      } finally {
        closeSync(fd);
      }
    } catch {
      // No such device (a container without /dev): the crypto module's generator instead.
    }
  }
  randomFillSync(buf);
}

/**
 * Random bytes drawn from one buffer refilled 4 KiB at a time. ulid asks its PRNG for one value per
 * character (16 per id) and by default calls the system's CSPRNG for each: ~60 µs of every start.
 */
export function pooledPrng(): () => number {
  const pool = new Uint8Array(4096);
  let at = pool.length;
  return () => {
    if (at === pool.length) {
      fillRandom(pool);
      at = 0;
    }
    return pool[at++]! / 256;
  };
}

/** Sortable local ids (ULID): creation order survives export, import and sync. */
export const newId: () => string = monotonicFactory(pooledPrng());

/** What newId makes; an entry id from outside (an undo, an import) must look like one. */
export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
