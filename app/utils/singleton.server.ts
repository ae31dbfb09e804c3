/**
 * One instance per process, shared between the Express entry (run by tsx) and the Remix server
 * bundle, which contain separate copies of the same modules. Two PGlite instances on one data
 * directory would corrupt it, so the database, the queue and similar live here.
 */
export function singleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`dataskyddsportalen.${name}`);
  const g = globalThis as unknown as Record<symbol, T | undefined>;
  g[key] ??= create();
  return g[key];
}

export function setSingleton<T>(name: string, value: T | undefined): void {
  const g = globalThis as unknown as Record<symbol, T | undefined>;
  g[Symbol.for(`dataskyddsportalen.${name}`)] = value;
}

export function getSingleton<T>(name: string): T | undefined {
  const g = globalThis as unknown as Record<symbol, T | undefined>;
  return g[Symbol.for(`dataskyddsportalen.${name}`)];
}
