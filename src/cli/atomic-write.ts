import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes `text` to a temporary file beside `file` and renames it into place: readers see the old
 * file or the new one, never half of one, even if the process dies mid-write.
 */
export function writeFileAtomic(file: string, text: string, write: (path: string, text: string) => void = (path, data) => writeFileSync(path, data, 'utf8')): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    write(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
