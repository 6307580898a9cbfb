import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { ContentError, formatProblems, formatWarnings, type Problem } from '../lib/problems.ts';
import { readEnvironment } from '../site/environment.ts';
import { loadProductionSite } from '../site/read-content.ts';

const SITE_MODULE = fileURLToPath(new URL('../site/site.ts', import.meta.url));

/**
 * Re-evaluates the site model when anything under the content directory changes, so a fixed
 * frontmatter or data error recovers in the browser without restarting the dev server.
 */
function reloadOnContentChange(contentDir: string): Plugin {
  return {
    name: 'shuho:reload-content',
    configureServer(server) {
      server.watcher.add(contentDir);
      const onChange = (file: string) => {
        if (!path.resolve(file).startsWith(contentDir)) return;
        for (const environment of Object.values(server.environments)) {
          for (const module of environment.moduleGraph.getModulesByFile(SITE_MODULE) ?? []) {
            environment.moduleGraph.invalidateModule(module);
          }
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}

/**
 * Shūhō's Astro integration: validates all content before a build starts (the same check as
 * `npm run check`, so a bad file stops the build with the same message) and wires content reloads in dev.
 */
export function shuho(): AstroIntegration {
  return {
    name: 'shuho',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        const environment = readEnvironment();
        if (command === 'build') {
          // The one reading of the content: `npm run check`'s model, whose problems stop the build here,
          // before Vite compiles anything, with the same messages.
          let problems: readonly Problem[] = [];
          try {
            // Warnings stop nothing; said once here, as `npm run check` says them.
            const { warnings } = loadProductionSite(environment);
            if (warnings.length > 0) logger.warn(`\n${formatWarnings(warnings)}\n`);
          } catch (error) {
            if (!(error instanceof ContentError)) throw error;
            problems = error.problems;
          }
          if (problems.length > 0) {
            logger.error(`\n${formatProblems(problems)}\n`);
            throw new Error(`The build stopped: ${problems.length} content problem${problems.length === 1 ? '' : 's'} (listed above).`);
          }
        }
        updateConfig({ vite: { plugins: [reloadOnContentChange(environment.contentDir)] } });
      },
    },
  };
}
