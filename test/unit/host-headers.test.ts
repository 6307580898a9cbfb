import { describe, expect, test } from 'vitest';
import { buildHeaderRules, IMMUTABLE, mergePolicies, parsePolicy, readMetaPolicy, renderHeadersFile, REVALIDATE } from '../../src/lib/host-headers.ts';

const POLICY = "default-src 'self';img-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self';";

describe('readMetaPolicy', () => {
  test('reads the policy of the meta tag, entities decoded as a browser decodes them', () => {
    expect(readMetaPolicy(`<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${POLICY}"></head>`)).toBe(POLICY);
    expect(readMetaPolicy('<meta http-equiv="Content-Security-Policy" content="img-src &#39;self&#39;">')).toBe("img-src 'self'");
    expect(readMetaPolicy('<meta name="robots" content="noindex">')).toBeUndefined();
  });
});

describe('parsePolicy and mergePolicies', () => {
  test('directives with their sources, however the policy is spaced', () => {
    expect([...parsePolicy(POLICY)]).toEqual([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'"]],
      ['script-src', ["'self'", "'sha256-AAA='"]],
      ['style-src', ["'self'"]],
    ]);
  });
  test('the union of several policies, directive by directive, sources in the order first seen', () => {
    expect(mergePolicies(["script-src 'self' 'sha256-AAA='", "script-src 'self' 'sha256-BBB='; img-src 'self'", "frame-ancestors 'none'"]))
      .toBe("script-src 'self' 'sha256-AAA=' 'sha256-BBB='; img-src 'self'; frame-ancestors 'none'");
  });
});

describe('buildHeaderRules', () => {
  const pages = [
    { file: 'index.html', policy: "default-src 'self'" },
    { file: '404.html', policy: POLICY },
    { file: 'ja/index.html', policy: POLICY },
    { file: 'ja/posts/2026-02-13/index.html', policy: POLICY },
    { file: 'en/index.html', policy: POLICY },
  ];

  test('security headers on everything, a year on hashed files only, revalidation and the policy on pages', () => {
    expect(renderHeadersFile(buildHeaderRules('/', pages)).split('\n').slice(1).join('\n')).toBe(`/*
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin

/_astro/*
  Cache-Control: ${IMMUTABLE}

/charts/*
  Cache-Control: ${IMMUTABLE}

/
  Cache-Control: ${REVALIDATE}
  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'

/404.html
  Cache-Control: ${REVALIDATE}
  Content-Security-Policy: default-src 'self'; img-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self'; frame-ancestors 'none'

/en/*
  Cache-Control: ${REVALIDATE}
  Content-Security-Policy: default-src 'self'; img-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self'; frame-ancestors 'none'

/ja/*
  Cache-Control: ${REVALIDATE}
  Content-Security-Policy: default-src 'self'; img-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self'; frame-ancestors 'none'
`);
  });

  test('every pattern sits below the base of a site published under a path', () => {
    expect(buildHeaderRules('/shuho/', pages).map((rule) => rule.pattern)).toEqual([
      '/shuho/*', '/shuho/_astro/*', '/shuho/charts/*', '/shuho/', '/shuho/404.html', '/shuho/en/*', '/shuho/ja/*',
    ]);
  });

  test('no header is set by two rules that match one URL, since hosts join the values of every rule that matches', () => {
    const [catchAll, ...others] = buildHeaderRules('/', pages);
    // The catch-all overlaps every other rule: what it sets, no other rule sets.
    for (const [name] of catchAll?.headers ?? []) expect(others.filter((rule) => rule.headers.some(([header]) => header === name)), name).toEqual([]);
    // The others are distinct folders or single top-level pages, which never overlap.
    const folders = others.map((rule) => rule.pattern).filter((pattern) => pattern.endsWith('/*'));
    expect(new Set(folders).size).toBe(folders.length);
    expect(others.every((rule) => rule.pattern.endsWith('/*') || !rule.pattern.slice(1).includes('/'))).toBe(true);
  });
});
