import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** How `writeFileAtomic` writes, and what it expects to replace. */
export interface AtomicWriteOptions {
  /** Writes the temporary file; tests inject a failing one to simulate a crash or a full disk. */
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
 * Writes `text` to a temporary file beside `file` and renames it into place: readers see the old
 * file or the new one, never half of one, even if the process dies mid-write.
 */
export function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): void {
  const { write = (target: string, data: string) => writeFileSync(target, data, 'utf8'), expected } = options;
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    write(temporary, text);
    if (expected !== undefined && (existsSync(file) ? readFileSync(file, 'utf8') : '') !== expected) throw new FileChangedError(file);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
