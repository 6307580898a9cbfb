import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { ContentError } from '../lib/problems.ts';
import { readEnvironment } from '../site/environment.ts';
import { loadSite } from '../site/read-content.ts';

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
          try {
            loadSite(environment);
          } catch (error) {
            if (error instanceof ContentError) {
              logger.error(`\n${error.message}\n`);
              throw new Error(`The build stopped: ${error.problems.length} content problem${error.problems.length === 1 ? '' : 's'} (listed above).`);
            }
            throw error;
          }
        }
        updateConfig({ vite: { plugins: [reloadOnContentChange(environment.contentDir)] } });
      },
    },
  };
}
