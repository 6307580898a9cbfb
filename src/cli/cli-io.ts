import path from 'node:path';
import { readEnvironment, type Environment } from '../site/environment.ts';

/** Where a command writes and what it runs against; tests pass their own to run a command in-process. */
export interface CliIo {
  log: (line: string) => void;
  error: (line: string) => void;
  /** Content directory and "now"; read from SHUHO_CONTENT_DIR and SHUHO_NOW unless given. */
  environment: Environment;
}

/** The console and the process environment, with whatever a caller overrides. */
export function resolveIo(io: Partial<CliIo> = {}): CliIo {
  return {
    log: io.log ?? ((line) => console.log(line)),
    error: io.error ?? ((line) => console.error(line)),
    environment: io.environment ?? readEnvironment(),
  };
}

/**
 * Runs a command as the process's main module: its return value becomes the exit code; a usage error
 * exits 2 with a pointer to --help, anything unexpected (a bad SHUHO_NOW, an unreadable file) exits 1.
 */
export function runMain(command: (argv: readonly string[]) => number): void {
  try {
    process.exitCode = command(process.argv.slice(2));
  } catch (error) {
    // node:util parseArgs throws for an unknown option or a missing value: a usage error, not a crash.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) {
      console.error(`${(error as Error).message}\nRun with --help for usage.`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  }
}

/**
 * A path the author typed, made absolute. `npm run` moves to the project root, so a relative path is
 * resolved from where the author was (npm's INIT_CWD), not from the root.
 */
export function resolveInput(input: string, environment: Environment): string {
  return path.resolve(process.env['INIT_CWD'] ?? environment.root, input);
}
