import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { createFrontmatterSchema } from '../../src/lib/frontmatter.ts';
import type { Registry } from '../../src/lib/registry.ts';
import { parseRegistry } from '../../src/lib/read-registry.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, ROOT, TEST_NOW } from '../helpers/build-site.ts';

/** The parts of a zod 4 schema definition the walk below reads. */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  shape?: Record<string, z.ZodType>;
}

/**
 * Every key path a schema accepts, derived from its definition: `a.b` for nested objects, `a[].b` for
 * objects in lists, `a.<id>` for records keyed by registry ids. Wrappers (optional, default,
 * preprocess) are looked through; unions contribute the keys of their object members.
 */
function keyPaths(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  const inner = (next: z.ZodType | undefined, at: string) => (next === undefined ? [] : keyPaths(next, at));
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
    case 'prefault':
      return inner(def.innerType, prefix);
    case 'pipe':
      return inner(def.out, prefix);
    case 'array':
      return inner(def.element, `${prefix}[]`);
    case 'record':
      return [`${prefix}.<id>`, ...inner(def.valueType, `${prefix}.<id>`)];
    case 'union':
      return [...new Set((def.options ?? []).flatMap((option) => keyPaths(option, prefix)))];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => {
        const at = prefix === '' ? key : `${prefix}.${key}`;
        return [at, ...keyPaths(value, at)];
      });
    default:
      return [];
  }
}

/** The keys documented in docs/frontmatter.md: the code span opening each table row. */
function documentedKeys(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => {
    const match = /^\| `([^`]+)` \|/.exec(line);
    return match?.[1] === undefined ? [] : [match[1]];
  });
}

const registry = parseRegistry(readContentFiles({ root: ROOT, contentDir: FIXTURE_CONTENT, now: new Date(TEST_NOW) }), []) as Registry;
const schemaKeys = keyPaths(createFrontmatterSchema(registry));
const reference = readFileSync(path.join(ROOT, 'docs', 'frontmatter.md'), 'utf8');

describe('docs/frontmatter.md', () => {
  test('the walk finds the schema keys at every depth', () => {
    expect(schemaKeys).toEqual(expect.arrayContaining(['kind', 'indices.<id>.close', 'risks[].note.en', 'charts[].datasets[].label.ja', 'charts[].labels[].en']));
  });

  test('documents every key of the schema, and nothing else', () => {
    const documented = documentedKeys(reference);
    expect(documented.filter((key, i) => documented.indexOf(key) !== i), 'documented twice').toEqual([]);
    expect(schemaKeys.filter((key) => !documented.includes(key)), 'in the schema, missing from the reference').toEqual([]);
    expect(documented.filter((key) => !schemaKeys.includes(key)), 'in the reference, unknown to the schema').toEqual([]);
  });

  test('the author guide links the reference', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'authoring.md'), 'utf8')).toContain('(frontmatter.md)');
  });
});
