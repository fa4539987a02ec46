/**
 * A value built on first use, standing in for it meanwhile. Building a zod schema allocates a
 * closure per method per instance, and the modules here build dozens at load: most of a
 * `timetray status` went to schemas it never parsed with (profiled). The stand-in forwards every
 * read, write and prototype question to the real value, so callers, `instanceof` and zod itself
 * (which keeps the stand-in inside composed schemas) cannot tell the difference.
 */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const real = (): T => (value ??= build());
  // An empty, extensible target holds no property of its own, so no proxy invariant can bind.
  return new Proxy(Object.create(null) as T, {
    get: (_t, key) => Reflect.get(real(), key),
    set: (_t, key, v) => Reflect.set(real(), key, v),
    has: (_t, key) => Reflect.has(real(), key),
    deleteProperty: (_t, key) => Reflect.deleteProperty(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // Reported as configurable: the target lacks it, and a proxy may not claim otherwise.
      return d && { ...d, configurable: true };
    },
    defineProperty: (_t, key, d) => Reflect.defineProperty(real(), key, d),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
