import { createHash } from 'node:crypto';

/**
 * What reading a file produced before, by the inputs it was read from. Reading a post (its YAML, its
 * schema, its MDX tree) and checking its wording are most of `npm run check` and of the dev server's
 * work after an edit, and one edit changes one file: the other files' results are looked up instead.
 *
 * A result is keyed by a hash of every input it was computed from, so it can never be stale for its
 * inputs; what it cannot see is the code, which is why a stored memo is discarded when the code that
 * wrote it changes (src/site/read-memo-store.ts). Results must survive JSON: plain data only.
 */
export interface ReadMemo {
  /** The result `compute` gave before for these inputs, or what it gives now (then kept). */
  remember<T>(step: string, inputs: readonly string[], compute: () => T): T;
}

/** A memo that keeps nothing: every result is computed. */
export const NO_MEMO: ReadMemo = { remember: (_step, _inputs, compute) => compute() };

/** The key of a step's result: a hash of the step's name and its inputs, each delimited by its length. */
export function memoKey(step: string, inputs: readonly string[]): string {
  const hash = createHash('sha256').update(step);
  for (const input of inputs) hash.update(`\0${input.length}\0`).update(input);
  return hash.digest('base64url').slice(0, 32);
}

/** Stored results by key, as JSON text parses them. */
export type MemoEntries = Record<string, unknown>;

/**
 * A memo over entries read from a previous run. It records which entries this run used and which it
 * computed, so the store can write back exactly what is still current (an entry for a file since
 * edited or deleted is dropped) and skip the write when nothing was computed.
 */
export class EntriesMemo implements ReadMemo {
  readonly #previous: MemoEntries;
  readonly #used = new Map<string, unknown>();
  #computed = 0;

  constructor(previous: MemoEntries = {}) {
    this.#previous = previous;
  }

  remember<T>(step: string, inputs: readonly string[], compute: () => T): T {
    const key = memoKey(step, inputs);
    if (this.#used.has(key)) return this.#used.get(key) as T;
    if (Object.hasOwn(this.#previous, key)) {
      const kept = this.#previous[key] as T;
      this.#used.set(key, kept);
      return kept;
    }
    // A JSON round trip now, so a result computed in this run is the same value as one read back next run.
    const computed = JSON.parse(JSON.stringify(compute() ?? null)) as T;
    this.#used.set(key, computed);
    this.#computed += 1;
    return computed;
  }

  /** How many results the previous run left. */
  get previousCount(): number {
    return Object.keys(this.#previous).length;
  }

  /** How many results this run computed rather than found. */
  get computedCount(): number {
    return this.#computed;
  }

  /** The entries this run used, found or computed: what is worth keeping for the next run. */
  usedEntries(): MemoEntries {
    return Object.fromEntries(this.#used);
  }

  /** A memo for the next run in this process: what this run used, nothing computed yet. */
  next(): EntriesMemo {
    return new EntriesMemo(this.usedEntries());
  }
}
