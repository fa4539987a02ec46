/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  });
  await Promise.all(workers);
  return out;
}

/**
 * JSON with sorted keys: two snapshots are equal exactly when their texts are. Written out by
 * hand for plain data: the replacer's entries, sort and fromEntries per object were a tenth of
 * what a drain allocated (bench: drain memory). Anything else (toJSON, a class instance, an
 * integer-like key, which an object orders first) takes the replacer, whose text this matches.
 */
export function canonical(value: unknown): string {
  const fast = plainJson(value, 0);
  return fast === SLOW ? JSON.stringify(value, sortedKeys) : (fast as string);
}

const SLOW = Symbol('slow');
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

function sortedKeys(_k: string, v: unknown): unknown {
  return v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v;
}

/** JSON.stringify's text with keys sorted; undefined where it leaves the value out; SLOW where unsure. */
function plainJson(v: unknown, depth: number): string | undefined | typeof SLOW {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (v === null) return 'null';
      if (depth > 64 || 'toJSON' in v) return SLOW;
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype) return SLOW;
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          const item = plainJson(v[i], depth + 1);
          if (item === SLOW) return SLOW;
          out += (i ? ',' : '') + (item === undefined ? 'null' : item);
        }
        return out + ']';
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return SLOW;
      const keys = Object.keys(v).sort();
      let out = '{';
      for (const k of keys) {
        if (INDEX_LIKE.test(k)) return SLOW;
        const item = plainJson((v as Record<string, unknown>)[k], depth + 1);
        if (item === SLOW) return SLOW;
        if (item !== undefined) out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + item;
      }
      return out + '}';
    }
    default:
      return SLOW;
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
