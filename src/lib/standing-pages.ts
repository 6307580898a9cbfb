import type { ComplianceProfile } from './compliance.ts';
import type { PageContentFile } from './content-files.ts';
import type { Problem } from './problems.ts';
import { readPage, STANDING_PAGES, type PageFile, type ParsedPage, type StandingPageName } from './read-page.ts';
import { isPageShown, type Visibility } from './visibility.ts';
import { checkWording, findProductMentions, frontmatterProse, type Allowance } from './wording.ts';
import { filesByLocale, SOURCE_LOCALE, type Locale } from '../i18n/locale.ts';

/** A standing page: its Japanese source and its English translation, if one is shown. */
export interface SitePage {
  name: StandingPageName;
  source: PageFile;
  translation: PageFile | undefined;
}

/** What `buildStandingPages` found: the pages a reader may see, and the problems of every page file. */
export interface StandingPages {
  pages: SitePage[];
  problems: Problem[];
  allowances: Allowance[];
}

/**
 * The wording rules of posts, on a page's title, description and body. A page cannot show a fund's
 * fees and risks (`<ProductNotice>` reads a post), so naming a fund is left to the disclosures page,
 * which lists every fund with its fees and risks below its text.
 */
function checkPageCompliance(page: ParsedPage, profile: Pick<ComplianceProfile, 'wording' | 'products'>): { problems: Problem[]; allowances: Allowance[] } {
  const blocks = [frontmatterProse(page.source, 'title', page.frontmatter.title), frontmatterProse(page.source, 'description', page.frontmatter.description), ...page.prose];
  const { problems, allowances } = checkWording(page.file, blocks, profile.wording);
  if (page.name !== 'disclosures') {
    for (const { name, field, line } of findProductMentions(blocks, profile.products)) {
      problems.push({
        file: page.file,
        field,
        line,
        message: `names the fund "${name}", but this page cannot show its fees and risks.`,
        hint: 'Name the fund on the disclosures page, which shows the fees and risks of every fund, or in a post beside <ProductNotice />.',
      });
    }
  }
  return { problems, allowances };
}

function toPageFile(page: ParsedPage): PageFile {
  return { file: page.file, entryId: page.entryId, locale: page.locale, name: page.name, frontmatter: page.frontmatter };
}

/**
 * Reads the standing pages as posts are read: each file once, the English translation paired with its
 * Japanese source by name, a translation without a source refused, and the wording of both checked.
 * A page is shown when its source is (see `isPageShown`); a translation that is not shown leaves the
 * English page to fall back on the source, as a post's does.
 */
export function buildStandingPages(files: readonly PageContentFile[], profile: Pick<ComplianceProfile, 'wording' | 'products'>, visibility: Visibility): StandingPages {
  const problems: Problem[] = [];
  const allowances: Allowance[] = [];
  const parsed = files.flatMap((file) => readPage(file, problems) ?? []);
  for (const page of parsed) {
    const checked = checkPageCompliance(page, profile);
    problems.push(...checked.problems);
    allowances.push(...checked.allowances);
  }
  const sources = new Map(parsed.filter((page) => page.locale === SOURCE_LOCALE).map((page) => [page.name, page]));
  const paths = new Set(files.map((file) => file.relativePath.replaceAll('\\', '/')));
  const translations = parsed.filter((page) => page.locale !== SOURCE_LOCALE);
  for (const translation of translations) {
    const expected = `${SOURCE_LOCALE}/${translation.name}.mdx`;
    // A source with problems of its own is reported for those, not as missing.
    if (sources.has(translation.name) || paths.has(expected)) continue;
    const folder = translation.file.slice(0, -`${translation.locale}/${translation.name}.mdx`.length);
    problems.push({ file: translation.file, message: `is a translation with no Japanese source (expected ${folder}${expected}).`, hint: 'Rename the file to match its source, or add the source.' });
  }
  const pages = STANDING_PAGES.flatMap((name): SitePage[] => {
    const source = sources.get(name);
    if (!source || !isPageShown(source.frontmatter, visibility)) return [];
    const translation = translations.find((page) => page.name === name);
    return [{ name, source: toPageFile(source), translation: translation && isPageShown(translation.frontmatter, visibility) ? toPageFile(translation) : undefined }];
  });
  return { pages, problems, allowances };
}

/** A standing page in one language: the chrome's language, the file whose text is shown, and whether it is a fallback. */
export interface StandingPageView {
  locale: Locale;
  page: SitePage;
  /** The file rendered: the translation, or the Japanese source on a fallback page. */
  file: PageFile;
  /** The English page of a page with no (shown) translation: English chrome, the Japanese text, a notice. */
  isFallback: boolean;
  /**
   * Whether search engines are told to skip it: a fallback's text is not in its language. The
   * disclosures page is the exception, since the profile's disclosures below its text are always in
   * the page's language.
   */
  isNoindex: boolean;
}

/** Every standing page in both languages; a missing translation gives a fallback page, as a post's does. */
export function getStandingPageViews(pages: readonly SitePage[]): StandingPageView[] {
  return pages.flatMap((page) =>
    filesByLocale(page.source, page.translation).map((view): StandingPageView => ({ ...view, page, isNoindex: view.isFallback && page.name !== 'disclosures' })),
  );
}

/** One standing page in one language, or undefined when the site has no such page (or it is a draft). */
export function getStandingPageView(pages: readonly SitePage[], name: StandingPageName, locale: Locale): StandingPageView | undefined {
  return getStandingPageViews(pages).find((view) => view.page.name === name && view.locale === locale);
}
