import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../cli/atomic-write.ts';
import { EntriesMemo, type MemoEntries } from '../lib/read-memo.ts';
import { imageCacheDir, type Environment } from './environment.ts';

/**
 * The file, in Shūhō's cache folder, that keeps what reading each post of a content directory produced
 * (see src/lib/read-memo.ts): one per directory, so a fixture or a benchmark corpus checked with the
 * same cache folder never evicts the site's own.
 */
export function readMemoFile(cacheDir: string, contentDir: string): string {
  return path.join(cacheDir, 'reads', `${createHash('sha256').update(path.resolve(contentDir)).digest('base64url').slice(0, 16)}.json`);
}

interface StoredEntries {
  code: string;
  entries: MemoEntries;
}

/**
 * The code a stored memo was written by: every TypeScript file below src/ and the lockfile (the
 * versions of the YAML, MDX and schema parsers). A stored result is only as current as the reader
 * that produced it, so any change to either discards the whole memo.
 */
function codeVersion(root: string): string {
  const hash = createHash('sha256');
  const sourceDir = path.join(root, 'src');
  const sources = existsSync(sourceDir)
    ? readdirSync(sourceDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).sort()
    : [];
  for (const file of sources) hash.update(`\0${file}\0`).update(readFileSync(path.join(sourceDir, file)));
  const lockfile = path.join(root, 'package-lock.json');
  if (existsSync(lockfile)) hash.update('\0package-lock.json\0').update(readFileSync(lockfile));
  return hash.digest('base64url');
}

function readStored(file: string, code: string): MemoEntries {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredEntries>;
    return stored.code === code && typeof stored.entries === 'object' && stored.entries !== null ? stored.entries : {};
  } catch {
    // Missing, half-written by an older version, or edited by hand: start afresh.
    return {};
  }
}

/** A memo of post readings kept in the cache folder between runs, and how to keep what this run learnt. */
export interface StoredReadMemo {
  memo: EntriesMemo;
  /** The version of the code it holds readings of. */
  code: string;
  /** Writes the entries this run used, if it computed any or dropped any; never fails the run. */
  save(): void;
}

/**
 * Opens the memo kept in the cache folder (SHUHO_CACHE_DIR, or node_modules/.cache/shuho) for the
 * content directory and the code of `environment`. `previous` continues a memo of this process (the
 * dev server reads the site again after every edit) instead of reading the file again, unless the code
 * has changed since.
 */
export function openReadMemo(environment: Pick<Environment, 'root' | 'contentDir'>, previous?: StoredReadMemo): StoredReadMemo {
  const file = readMemoFile(imageCacheDir(process.env, environment.root), environment.contentDir);
  const code = codeVersion(environment.root);
  const memo = previous?.code === code ? previous.memo.next() : new EntriesMemo(readStored(file, code));
  const startCount = memo.previousCount;
  return {
    memo,
    code,
    save() {
      const entries = memo.usedEntries();
      if (memo.computedCount === 0 && Object.keys(entries).length === startCount) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, JSON.stringify({ code, entries } satisfies StoredEntries));
      } catch {
        // A cache that cannot be written (a read-only checkout) only costs the next run its speed.
      }
    },
  };
}
