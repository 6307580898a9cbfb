import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { IMMUTABLE, parsePolicy, readMetaPolicy } from '../../src/lib/host-headers.ts';
import { FIXTURE_DIST, SAMPLE_DIST } from '../helpers/build-site.ts';
import { listFiles, readPages, urlOfFile } from '../helpers/dist.ts';

/*
 * The _headers file a build writes for Netlify and Cloudflare Pages, read back as those hosts read it:
 * every rule whose pattern matches a URL applies, and the values of a header set by two rules are
 * joined (which for a policy would enforce both, and for Cache-Control would be nonsense).
 */

interface Rule {
  pattern: string;
  headers: [string, string][];
}

function readRules(dist: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of readFileSync(path.join(dist, '_headers'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const [, name = '', value = ''] = /^\s+([^:]+):\s*(.*)$/.exec(line) ?? [];
      rules.at(-1)?.headers.push([name, value]);
    }
  }
  return rules;
}

/** Whether a `_headers` pattern matches a URL path: `*` matches anything, including slashes. */
function matches(pattern: string, pathname: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  return new RegExp(`^${escaped}$`).test(pathname);
}

/** The headers a host sends for a URL path: every matching rule's, by name, values in order. */
function headersFor(rules: readonly Rule[], pathname: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const rule of rules.filter((candidate) => matches(candidate.pattern, pathname))) {
    for (const [name, value] of rule.headers) headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

/** A policy as comparable data: directive → its sources, sorted. */
function policyShape(policy: string): Record<string, string[]> {
  return Object.fromEntries([...parsePolicy(policy)].map(([name, sources]) => [name, [...sources].sort()]));
}

describe.each([['sample', SAMPLE_DIST], ['fixture', FIXTURE_DIST]])('the _headers file of the %s site', (_name, dist) => {
  const rules = readRules(dist);
  const files = listFiles(dist);

  test('every page is sent the policy of its own meta tag plus frame-ancestors \'none\', which a meta tag cannot carry', () => {
    const pages = readPages(dist);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const meta = readMetaPolicy(page.html);
      expect(meta, page.file).toBeDefined();
      const sent = headersFor(rules, page.url).get('Content-Security-Policy') ?? [];
      expect(sent, page.file).toHaveLength(1);
      expect(policyShape(sent[0] ?? ''), page.file).toEqual(policyShape(`${meta ?? ''}; frame-ancestors 'none'`));
    }
  });

  test('every file is sent nosniff and the referrer policy, and no header twice', () => {
    for (const file of files) {
      const headers = headersFor(rules, urlOfFile(file));
      expect(headers.get('X-Content-Type-Options'), file).toEqual(['nosniff']);
      expect(headers.get('Referrer-Policy'), file).toEqual(['strict-origin-when-cross-origin']);
      expect([...headers].filter(([, values]) => values.length > 1), file).toEqual([]);
    }
  });

  test('only files named by a content hash may be kept a year; pages are revalidated', () => {
    const immutable = files.filter((file) => headersFor(rules, urlOfFile(file)).get('Cache-Control')?.[0] === IMMUTABLE);
    expect(immutable.length).toBeGreaterThan(5);
    // Vite's bundles carry an 8-character hash; charts are named by the 16-digit hash of their spec.
    expect(immutable.filter((file) => !/^_astro\/.+\.[\w-]{8}\.(js|css)$|^charts\/[0-9a-f]{16}\.(png|csv)$/.test(file))).toEqual([]);
    for (const file of files.filter((name) => name.endsWith('.html') || name.startsWith('og/') || name.endsWith('.xml') || name.endsWith('.json'))) {
      // Social cards keep their URL when a title changes: the host's default, revalidation, applies to them.
      expect(headersFor(rules, urlOfFile(file)).get('Cache-Control') ?? [], file).not.toContain(IMMUTABLE);
    }
    for (const page of files.filter((name) => name.endsWith('.html'))) {
      expect(headersFor(rules, urlOfFile(page)).get('Cache-Control'), page).toEqual(['public, max-age=0, must-revalidate']);
    }
  });

  test('fits Cloudflare Pages\' limits: at most 100 rules, lines of at most 2,000 characters', () => {
    expect(rules.length).toBeLessThanOrEqual(100);
    const long = readFileSync(path.join(dist, '_headers'), 'utf8').split('\n').filter((line) => line.length > 2000);
    expect(long).toEqual([]);
  });
});
