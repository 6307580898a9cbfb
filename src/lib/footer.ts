import type { ComplianceProfile } from './compliance.ts';
import { describePublisher } from './notices.ts';
import { STANDING_PAGES, type StandingPageName } from './read-page.ts';
import type { Registry } from './registry.ts';
import type { UiKey } from '../i18n/ui.ts';
import type { Locale } from '../i18n/locale.ts';

/**
 * What the footer of every page says, in one language. A post page carries the full disclosures under
 * the post; the other pages (home, archive, topics) carry this much, so no page goes out without the
 * publisher and the notices of the indices the site quotes.
 */
export interface FooterNotices {
  /** The compliance profile's site notice, when it has one. */
  notice: string | undefined;
  /** The trade name, and its registration and memberships or its statement. */
  publisher: { name: string; lines: string[] };
  /** Where the closes come from (content/site.json `dataCredit`). */
  credit: string;
  /** The trademark notice of every index of the registry that has one, in registry order. */
  trademarks: string[];
}

/** The footer's notices, every word from content/compliance.json, site.json and the index registry. */
export function getFooterNotices(data: { registry: Registry; compliance: Pick<ComplianceProfile, 'publisher' | 'siteNotice'> }, locale: Locale): FooterNotices {
  return {
    notice: data.compliance.siteNotice?.[locale],
    publisher: describePublisher(data.compliance, locale),
    credit: data.registry.site.dataCredit[locale],
    trademarks: data.registry.indices.flatMap((index) => (index.trademark ? [index.trademark[locale]] : [])),
  };
}

/** The footer's name for each standing page: short, where the page's own title may be long. */
const FOOTER_LABELS: Record<StandingPageName, UiKey> = {
  about: 'footer.about',
  disclosures: 'disclosures.title',
  'data-sources': 'footer.dataSources',
};

/**
 * The standing pages the footer links, in their listed order: the disclosures page always, since the
 * compliance profile every site has is its text; about and data sources when the site has them (`pages`,
 * the standing pages a reader may see), so the footer never links a page that was not built.
 */
export function getFooterLinks(pages: readonly { name: StandingPageName }[]): { name: StandingPageName; label: UiKey }[] {
  const shown = new Set(pages.map((page) => page.name));
  return STANDING_PAGES.filter((name) => name === 'disclosures' || shown.has(name)).map((name) => ({ name, label: FOOTER_LABELS[name] }));
}
