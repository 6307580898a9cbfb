/**
 * The entry point of the authoring commands (`npm run check`, `new`, `translated`, `data:import`):
 * `node src/cli/shuho.ts <command> [options]`. It turns on Node's compile cache before it loads the
 * command, so a second run reuses the type-stripped, compiled modules instead of preparing some two
 * hundred of them again (about 0.15 s of a check's second). As Astro's own CLI does, it leaves the
 * cache off in CI, where nothing would reuse it.
 */
import module from 'node:module';
import { runMain } from './cli-io.ts';

type Command = (argv: readonly string[]) => number;

const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./check.ts')).runCheck,
  new: async () => (await import('./new-post.ts')).runNewPost,
  translated: async () => (await import('./translated.ts')).runTranslated,
  'data:import': async () => (await import('./data-import.ts')).runDataImport,
};

if (!process.env['CI']) module.enableCompileCache?.();
const [name = '', ...argv] = process.argv.slice(2);
const load = COMMANDS[name];
if (load) {
  const command = await load();
  runMain(() => command(argv));
} else {
  console.error(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
  process.exitCode = 2;
}
