import { findFieldLine, type Problem } from './problems.ts';
import type { ParsedPost } from './read-post.ts';
import { SOURCE_LOCALE } from '../i18n/locale.ts';
import type { WeekFigures } from './stated-figures.ts';

/** Whether the English translation keeps up with its Japanese source. */
export type TranslationStatus = 'translated' | 'stale' | 'untracked' | 'missing';

/** How a translation stands against its source: `translatedFrom` records the source's hash when it was made. */
export function getTranslationStatus(source: Pick<ParsedPost, 'hash'>, translation: ParsedPost | undefined): TranslationStatus {
  if (!translation) return 'missing';
  if (translation.frontmatter.translatedFrom === undefined) return 'untracked';
  return translation.frontmatter.translatedFrom === source.hash ? 'translated' : 'stale';
}

/**
 * Translations without a Japanese source. A source that exists but has problems of its own is
 * reported for those, not as missing: `postPaths` holds every post file's relative path.
 */
export function checkOrphanTranslations(translations: readonly ParsedPost[], sourceIds: ReadonlySet<string>, postPaths: ReadonlySet<string>): Problem[] {
  return translations.flatMap((translation): Problem[] => {
    const expected = `${SOURCE_LOCALE}/${translation.relativePath.slice(3)}`;
    if (sourceIds.has(translation.id) || postPaths.has(expected)) return [];
    return [{
      file: translation.file,
      // The expected path in the same content directory as the translation (a fixture site is not content/).
      message: `is a translation with no Japanese source (expected ${translation.file.slice(0, -translation.relativePath.length)}${expected}).`,
      hint: 'Rename the file to match its source, or add the source.',
    }];
  });
}

/**
 * A translation inherits what its source states: the same date and kind, the same figures (or none),
 * and no risk watch, charts or corrections of its own. Each difference is a problem naming both files.
 */
export function checkTranslation(source: ParsedPost, translation: ParsedPost, computed: WeekFigures | undefined): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string) => {
    const line = findFieldLine(translation.source, field);
    return line === undefined ? {} : { line };
  };
  for (const field of ['date', 'kind'] as const) {
    if (translation.frontmatter[field] !== source.frontmatter[field]) {
      problems.push({ file: translation.file, field, ...at(field), message: `is ${translation.frontmatter[field]}, but its source ${source.file} says ${source.frontmatter[field]}.`, hint: 'A translation has the same date and kind as its source.' });
    }
  }
  for (const [index, figures] of Object.entries(translation.frontmatter.indices ?? {})) {
    const original = source.frontmatter.indices?.[index];
    for (const key of ['close', 'change', 'changePercent'] as const) {
      const value = figures[key];
      if (value !== undefined && original?.[key] !== undefined && value !== original[key]) {
        problems.push({ file: translation.file, field: `indices.${index}.${key}`, ...at(`indices.${index}.${key}`), message: `states ${value}, but its source ${source.file} states ${original[key]}.`, hint: 'A translation inherits its figures: remove this one or make it identical.' });
      }
    }
    // Changes are checked against the computed figures below; a close only enters the series from the
    // source, so a close the source leaves to closes.csv is compared with the series here.
    const seriesClose = computed?.indices[index]?.close;
    if (figures.close !== undefined && original?.close === undefined && figures.close !== seriesClose) {
      problems.push({
        file: translation.file,
        field: `indices.${index}.close`,
        ...at(`indices.${index}.close`),
        message: seriesClose === undefined
          ? `states ${figures.close}, but there is no ${index} close on ${source.frontmatter.date} in the closes or its source ${source.file}.`
          : `states ${figures.close}, but the close of ${index} on ${source.frontmatter.date} is ${seriesClose}.`,
        hint: 'A translation inherits its figures: remove this one or make it identical.',
      });
    }
  }
  for (const key of ['ratio', 'deviation', 'relativeDeviation'] as const) {
    const value = translation.frontmatter.relative?.[key];
    const original = source.frontmatter.relative?.[key];
    if (value !== undefined && original !== undefined && value !== original) {
      problems.push({ file: translation.file, field: `relative.${key}`, ...at(`relative.${key}`), message: `states ${value}, but its source ${source.file} states ${original}.`, hint: 'A translation inherits its figures: remove this one or make it identical.' });
    }
  }
  if (translation.frontmatter.risks !== undefined) {
    problems.push({ file: translation.file, field: 'risks', ...at('risks'), message: 'is set in a translation.', hint: `The risk watch lives in the source (${source.file}) with a note per language (note.en).` });
  }
  if (translation.frontmatter.charts !== undefined) {
    problems.push({ file: translation.file, field: 'charts', ...at('charts'), message: 'is set in a translation.', hint: `Charts are declared once in the source (${source.file}) with titles in both languages.` });
  }
  if (translation.frontmatter.corrections !== undefined) {
    problems.push({ file: translation.file, field: 'corrections', ...at('corrections'), message: 'is set in a translation.', hint: `Corrections are recorded once in the source (${source.file}) with a note per language.` });
  }
  return problems;
}
