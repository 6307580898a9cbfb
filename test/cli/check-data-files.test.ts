import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyContent, runCli, shown } from '../helpers/cli.ts';
import { FIXTURE_CONTENT } from '../helpers/build-site.ts';

/*
 * Every JSON file of the content directory (content/site.json, each content/data/*.json, and any other
 * JSON file added at either level later) broken three ways: cut off, a value of the wrong type, an unknown field.
 * `npm run check` must name the file, the field, the line and the fix. (The build prints the same
 * report from the same model; test/corpus/broken/ has cases that build, a truncated site.json among them.)
 */

/** content/*.json (site.json and any other settings file) and content/data/*.json, relative to the content directory. */
const JSON_FILES = ['', 'data/'].flatMap((folder) => readdirSync(path.join(FIXTURE_CONTENT, folder)).filter((name) => name.endsWith('.json')).map((name) => `${folder}${name}`));

/** The path to the first text value of a JSON value, list items by index: ['title', 'ja'], [0, 'id']. */
function firstTextPath(value: unknown): (string | number)[] | undefined {
  if (typeof value === 'string') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : typeof value === 'object' && value !== null ? Object.entries(value) : [];
  for (const [key, child] of entries) {
    const rest = firstTextPath(child);
    if (rest !== undefined) return [key, ...rest];
  }
  return undefined;
}

/** Sets the value at a path of a parsed JSON value, in place. */
function setAt(value: unknown, keys: readonly (string | number)[], next: unknown): void {
  const parent = keys.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value) as Record<string | number, unknown>;
  parent[keys.at(-1) as string | number] = next;
}

interface Breakage {
  name: string;
  /** Rewrites the file's text; returns the fragments the report must contain. */
  apply: (text: string) => { text: string; expected: string[] };
}

const breakages: Breakage[] = [
  {
    name: 'cut off halfway',
    apply: (text) => {
      const lines = text.split('\n');
      const kept = lines.slice(0, Math.max(2, Math.floor(lines.length / 2)));
      return { text: kept.join('\n'), expected: [`(line ${kept.length}): is not valid JSON: the file ends before every { and [ in it is closed.`, 'It looks cut off'] };
    },
  },
  {
    name: 'a text value written as a number',
    apply: (text) => {
      const data: unknown = JSON.parse(text);
      const keys = firstTextPath(data) ?? [];
      setAt(data, keys, 12345);
      return { text: JSON.stringify(data, null, 2), expected: [`  - ${keys.join('.')} (line `, 'expected text, received 12345 (a number).'] };
    },
  },
  {
    name: 'an unknown field',
    apply: (text) => {
      const data: unknown = JSON.parse(text);
      const target = (Array.isArray(data) ? data[0] : data) as Record<string, unknown>;
      target['unknownField'] = true;
      const field = Array.isArray(data) ? '0.unknownField' : 'unknownField';
      return { text: JSON.stringify(data, null, 2), expected: [`  - ${field} (line `, 'unknown field. Remove it or check its spelling.'] };
    },
  },
];

describe.each(JSON_FILES)('npm run check on a broken %s', (file) => {
  test.each(breakages.map((breakage) => [breakage.name, breakage] as const))('%s: names the file, the field or line, and the fix', async (_name, breakage) => {
    const contentDir = copyContent(FIXTURE_CONTENT, 'data-files');
    const target = path.join(contentDir, file);
    const { text, expected } = breakage.apply(readFileSync(target, 'utf8'));
    writeFileSync(target, text);
    const result = await runCli('check', [], { contentDir });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code, output).toBe(1);
    const block = output.slice(output.indexOf(`${shown(target)} has`)).split('\n\n')[0] ?? '';
    expect(block, output).toContain(`${shown(target)} has`);
    for (const fragment of expected) expect(block).toContain(fragment);
  });
});
