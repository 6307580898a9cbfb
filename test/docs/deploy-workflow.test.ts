import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { imageCacheDir } from '../../src/site/environment.ts';
import { ROOT } from '../helpers/build-site.ts';

/*
 * The GitHub Pages workflow (.github/workflows/deploy.yml) does what the README tells a person to do,
 * on the Node every `npm run …` uses, and keeps the caches that make a rebuild fast.
 */

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}

interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}

interface Workflow {
  on: { push?: { branches: string[] }; workflow_dispatch?: unknown };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = yaml.load(readFileSync(path.join(ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = steps.flatMap((step) => step.run ?? []);
const indexOfRun = (command: string) => steps.findIndex((step) => step.run === command);
const stepUsing = (action: string) => steps.find((step) => step.uses?.split('@')[0] === action);
const jobUsing = (action: string) => Object.values(workflow.jobs).find((job) => job.steps.some((step) => step.uses?.split('@')[0] === action));

describe('the GitHub Pages workflow', () => {
  test('runs on a push to main and by hand', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  test('runs the README\'s commands, in order: npm ci, npm run check, npm run build; not the browser tests', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const command of ['npm ci', 'npm run check', 'npm run build']) {
      expect(readme, `README.md mentions ${command}`).toContain(command);
      expect(runs, command).toContain(command);
    }
    expect(indexOfRun('npm ci')).toBeLessThan(indexOfRun('npm run check'));
    expect(indexOfRun('npm run check')).toBeLessThan(indexOfRun('npm run build'));
    expect(runs).not.toContain('npm test');
  });

  test('sets up the Node the project pins as its `node` devDependency: 24', () => {
    const pinned = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['node'];
    expect(pinned).toMatch(/^\^24\./);
    expect(String(stepUsing('actions/setup-node')?.with?.['node-version'])).toBe('24');
  });

  test('keeps Shūhō\'s image cache and Astro\'s cache (content store, incremental-build keys and page copies) between runs, restored after npm ci empties node_modules', () => {
    const cache = stepUsing('actions/cache');
    const paths = String(cache?.with?.['path'] ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    const images = path.relative(ROOT, imageCacheDir({}, ROOT)).split(path.sep).join('/');
    // Not dist/: Astro 7 empties it when a build starts, and restores unchanged pages from node_modules/.astro.
    expect(paths).toEqual([images, 'node_modules/.astro']);
    // A key that changes every run saves a fresh entry each time; the prefix restores the newest one.
    expect(cache?.with?.['key']).toContain('${{ github.run_id }}');
    expect(String(cache?.with?.['restore-keys'])).toContain('shuho-build-${{ runner.os }}-');
    const position = steps.indexOf(cache as Step);
    expect(position).toBeGreaterThan(indexOfRun('npm ci'));
    expect(position).toBeLessThan(indexOfRun('npm run build'));
  });

  test('uploads dist/ and deploys it from a job allowed to, one deployment at a time', () => {
    expect(stepUsing('actions/upload-pages-artifact')?.with?.['path']).toBe('dist');
    const deploy = jobUsing('actions/deploy-pages');
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.needs).toBe('build');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });
});
