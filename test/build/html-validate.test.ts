import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { FIXTURE_DIST, ROOT, SAMPLE_DIST } from '../helpers/build-site.ts';
import { readPages } from '../helpers/dist.ts';

/*
 * Every built page goes through html-validate with the project's .htmlvalidate.json:
 * html-validate:recommended with one rule relaxed, because it conflicts with legitimate output:
 *  - long-title: a post's <title> is the author's headline plus the site name; the 70-character
 *    limit is a search-snippet guideline, not a validity rule, and a long headline is allowed.
 */
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each([
  ['sample', SAMPLE_DIST],
  ['fixture', FIXTURE_DIST],
])('html-validate over the %s site', (_name, dist) => {
  const pages = readPages(dist);

  test('the build produced pages to validate', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  test(`reports no error on any of its ${pages.length} pages`, async () => {
    const errors: string[] = [];
    for (const page of pages) {
      // The file name only picks the config (found from the project root); the markup is what is checked.
      const report = await validator.validateString(page.html, path.join(ROOT, 'dist', page.file));
      for (const result of report.results) {
        for (const message of result.messages) {
          errors.push(`${page.file}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`);
        }
      }
    }
    expect(errors).toEqual([]);
  });
});
