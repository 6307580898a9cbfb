/**
 * One value per process, whichever copy of a module asks for it. Astro runs the integration in its
 * config loader and the pages in Vite's module runner, each with its own instance of every module, and
 * a build's one reading of the content (and what is derived from it) must be the same for both.
 */
export function processShared<T>(name: string, create: () => T): T {
  const key = Symbol.for(`shuho.${name}`);
  const store = globalThis as Record<symbol, unknown>;
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}
