import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** How `writeFileAtomic` writes, and what it expects to replace. */
export interface AtomicWriteOptions {
  /**
   * Writes the temporary file; tests inject a failing one to simulate a crash or a full disk. It must
   * not overwrite an existing file (the default creates it with the `wx` flag and fails with EEXIST).
   */
  write?: (path: string, text: string) => void;
  /**
   * The text the file had when it was read (`''` for a file that did not exist). If the file holds
   * anything else just before the rename, someone saved it meanwhile: nothing is replaced.
   */
  expected?: string;
}

/** Thrown when the target changed between being read and being replaced. */
export class FileChangedError extends Error {
  constructor(file: string) {
    super(`${file} changed while it was being updated; nothing was written. Run the command again.`);
    this.name = 'FileChangedError';
  }
}

/**
 * A fresh name beside `file`. The pid alone is not enough: a run killed mid-write leaves its file
 * behind (read-only, half written, even a directory), and a later run can get the same pid.
 */
function temporaryPath(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

function isAlreadyThere(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

const ATTEMPTS = 5;

/**
 * Writes `text` to a temporary file beside `file` and renames it into place: readers see the old
 * file or the new one, never half of one, even if the process dies mid-write. A temporary file left
 * by an earlier run is never written to, deleted or renamed: it is not this run's.
 */
export function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): void {
  const { write = (target: string, data: string) => writeFileSync(target, data, { encoding: 'utf8', flag: 'wx' }), expected } = options;
  let temporary = temporaryPath(file);
  for (let attempt = 1; ; attempt++) {
    try {
      write(temporary, text);
      break;
    } catch (error) {
      if (isAlreadyThere(error)) {
        // Someone else's file under the name just drawn: leave it and draw another.
        if (attempt < ATTEMPTS) {
          temporary = temporaryPath(file);
          continue;
        }
        throw error;
      }
      rmSync(temporary, { force: true });
      throw error;
    }
  }
  try {
    if (expected !== undefined && (existsSync(file) ? readFileSync(file, 'utf8') : '') !== expected) throw new FileChangedError(file);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
