import { z } from 'zod';
import type { ContentFile } from './content-files.ts';
import type { Problem } from './problems.ts';
import { parseJson } from './read-registry.ts';
import { IdSchema, LocalizedTextSchema } from './registry.ts';
import { LOCALES, type Locale } from '../i18n/locale.ts';

/** Phrases per language, as the wording check matches them (see src/lib/wording.ts). */
export interface PhraseLists {
  ja: readonly string[];
  en: readonly string[];
}

/** What the wording check looks for; each list in content/compliance.json replaces its default. */
export interface Wording {
  /** Promising a result or denying a risk: an error (FIEA art. 37, Cabinet Office Ordinance art. 72). */
  guarantee: PhraseLists;
  /** Superlatives about returns: a warning. */
  superlative: PhraseLists;
  /** A claim about where a market or fund will go: a warning in a sentence without a hedge. */
  forecast: PhraseLists;
  /** Words that mark a forecast as a view that may not come true. */
  hedge: PhraseLists;
  /** Phrases that contain a listed phrase but say the opposite (必ずしも, "not guaranteed"): never flagged. */
  allowed: PhraseLists;
}

/**
 * The lists a profile without `wording` gets. Japanese is matched as written (after Unicode NFKC, so
 * full-width and half-width forms are one); English case-insensitively, as whole words.
 */
export const DEFAULT_WORDING: Wording = {
  guarantee: {
    ja: ['必ず', '確実に', '確実な', '絶対に', '絶対の', '保証', '元本保証', '損をしない', '損しない', '損はしない', 'リスクはない', 'リスクはありません', 'リスクがない', 'リスクのない', 'ノーリスク', 'リスクゼロ', '間違いなく', '確約'],
    en: ['guaranteed', 'guarantee', 'guarantees', 'risk-free', 'risk free', 'riskless', 'no risk', 'without risk', "can't lose", 'cannot lose', "won't lose", 'sure to', 'certain to', 'will definitely', 'definitely will', 'sure thing', 'sure bet'],
  },
  superlative: {
    ja: ['最高のリターン', '最高の運用成績', '最高の利回り', '最高水準のリターン', '圧倒的なリターン', '圧倒的な運用成績', '抜群のリターン', '抜群の運用成績', '驚異的なリターン', '業界最高', '業界No.1', 'ナンバーワン', '日本一', '世界一', '最強'],
    en: ['best returns', 'best return', 'best-performing fund', 'top-performing fund', 'highest returns', 'highest return', 'highest yield', 'unbeatable', 'unrivalled', 'unrivaled', 'unmatched returns', 'outstanding returns', 'spectacular returns', 'number one', 'No. 1'],
  },
  forecast: {
    ja: ['上昇する', '上昇します', '下落する', '下落します', '値上がりする', '値上がりします', '値下がりする', '値下がりします', '反発する', '反発します', '回復する', '回復します', '上がる', '上がります', '下がる', '下がります', '到達する', '到達します', 'だろう', 'でしょう', 'に違いない', 'に違いありません'],
    en: ['will rise', 'will fall', 'will climb', 'will drop', 'will decline', 'will rally', 'will recover', 'will rebound', 'will outperform', 'will underperform', 'will beat', 'will reach', 'will double', 'will soar', 'will surge', 'will gain', 'will go up', 'will go down', 'is going to', 'are going to', 'is set to', 'are set to', 'is bound to', 'are bound to'],
  },
  hedge: {
    ja: ['かもしれ', '可能性', 'とみて', 'とみら', 'とみる', 'と見て', 'と見ら', 'と見る', 'と考え', 'と思い', 'と思わ', 'おそれ', '恐れ', '見込み', '見込まれ', '想定', '予想され', 'と予想', '期待され', 'と期待', '場合', '不透明', '傾向', 'ではないか', 'と判断'],
    en: ['may', 'might', 'could', 'would', 'likely', 'unlikely', 'possibly', 'possible', 'perhaps', 'probably', 'we think', 'we believe', 'we expect', 'in our view', 'in our opinion', 'if', 'unless', 'uncertain', 'expected to', 'tend to', 'tends to', 'chance', 'risk'],
  },
  allowed: {
    ja: ['必ずしも', '不確実', '保証するものではありません', '保証するものではない', '保証されたものではありません', '保証されたものではない', '保証ではありません', '保証ではない', '保証されていません', '保証されません', '保証はありません', '保証はない', '保証しません', '保証いたしません', '債務保証', '信用保証', '政府保証', '保証料', '保証金', '保証会社'],
    en: ['not guaranteed', 'no guarantee', 'no guarantees', 'not a guarantee', 'does not guarantee', 'do not guarantee', 'cannot guarantee', "can't guarantee", 'not sure to', 'not certain to', 'risk-free rate', 'risk-free rates', 'risk free rate', 'loan guarantee', 'loan guarantees', 'government-guaranteed', 'government guaranteed'],
  },
};

const PhraseSchema = z.string().trim().min(1, { error: 'expected a non-empty phrase' });
const PhraseListsSchema = z.strictObject({ ja: z.array(PhraseSchema), en: z.array(PhraseSchema) });

/** A publisher registered as a financial instruments business operator (金融商品取引業者). */
const LicensedPublisherSchema = z.strictObject({
  licensed: z.literal(true),
  /** The trade name (商号). */
  name: LocalizedTextSchema,
  /** The registration, e.g. 金融商品取引業者 関東財務局長(金商)第123号. */
  registration: z.strictObject({
    ja: z.string().trim().regex(/財務(支)?局長\s*[(（]金商[)）]\s*第\s*[0-9０-９○〇]+\s*号/, {
      error: 'expected the registration number as registered, such as 関東財務局長(金商)第123号',
    }),
    en: z.string().trim().min(1),
  }),
  /** The associations the firm belongs to (加入協会), when it names them. */
  memberships: LocalizedTextSchema.optional(),
});

/** A site not published by a licensed firm, saying so. */
const UnlicensedPublisherSchema = z.strictObject({
  licensed: z.literal(false),
  name: LocalizedTextSchema,
  /** e.g. 本サイトは金融商品取引業者が運営するものではなく… */
  statement: LocalizedTextSchema,
});

/** One of the firm's own products (a fund): what a post that names it must show beside it. */
const ProductSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  /** Other names the fund goes by in either language (a nickname, a short name): a post using one names it too. */
  aliases: z.array(PhraseSchema).default([]),
  /** Every fee the investor bears, as the fund's documents state them. */
  fees: LocalizedTextSchema,
  /** The main risks and the statement that the principal is not guaranteed. */
  risks: LocalizedTextSchema,
});
/** One of the firm's own products. */
export type Product = z.infer<typeof ProductSchema>;

/** Words a sample profile must show readers, so an unchanged sample is never mistaken for a real firm. */
const SAMPLE_MARKERS: Readonly<Record<Locale, readonly string[]>> = { ja: ['見本', 'サンプル'], en: ['sample'] };

/** The compliance profile (content/compliance.json): who publishes, what every post discloses, the firm's products, the wording lists. */
export const ComplianceProfileSchema = z
  .strictObject({
    /** A profile shipped as an example: its firm, registration and products are invented. */
    sample: z.boolean().default(false),
    publisher: z.discriminatedUnion('licensed', [LicensedPublisherSchema, UnlicensedPublisherSchema], {
      error: 'expected "licensed": true with a name and registration, or "licensed": false with a name and statement',
    }),
    /**
     * A sentence or two for the footer of every page, where the disclosures are not shown: typically that
     * the site is for information only and solicits nothing. Without it the footer names the publisher alone.
     */
    siteNotice: LocalizedTextSchema.optional(),
    /** Shown on every post page, in print, in every feed item and on the disclosures page. */
    disclosures: z.array(z.strictObject({ heading: LocalizedTextSchema, text: LocalizedTextSchema })).min(1, { error: 'expected at least one disclosure' }),
    products: z.array(ProductSchema).default([]),
    wording: z
      .strictObject({
        guarantee: PhraseListsSchema.optional(),
        superlative: PhraseListsSchema.optional(),
        forecast: PhraseListsSchema.optional(),
        hedge: PhraseListsSchema.optional(),
        allowed: PhraseListsSchema.optional(),
      })
      .default({}),
  })
  .superRefine((profile, context) => {
    if (profile.sample) {
      for (const locale of LOCALES) {
        const text = profile.disclosures[0]?.text[locale] ?? '';
        if (!SAMPLE_MARKERS[locale].some((marker) => text.toLowerCase().includes(marker))) {
          context.addIssue({
            code: 'custom',
            path: ['disclosures', 0, 'text', locale],
            input: text,
            message: `a sample profile says so where readers see it: write ${SAMPLE_MARKERS[locale].map((marker) => `"${marker}"`).join(' or ')} in it`,
          });
        }
      }
    }
    const seen = new Map<string, string>();
    profile.products.forEach((product, i) => {
      for (const name of [product.id, product.name.ja, product.name.en, ...product.aliases]) {
        const other = seen.get(name.toLowerCase());
        if (other !== undefined && other !== product.id) {
          context.addIssue({ code: 'custom', path: ['products', i], input: name, message: `"${name}" also names the product ${other}; give each product its own id and names` });
        }
        seen.set(name.toLowerCase(), product.id);
      }
    });
  });

/** The compliance profile with every wording list filled in. */
export type ComplianceProfile = Omit<z.infer<typeof ComplianceProfileSchema>, 'wording'> & { wording: Wording };

/**
 * Reads content/compliance.json; problems are pushed, each naming the field. A site must have one:
 * disclosures are never made up by the generator, so a missing profile is an error, not a default.
 */
export function parseComplianceProfile(file: ContentFile, problems: Problem[]): ComplianceProfile | undefined {
  if (file.text.trim() === '') {
    problems.push({
      file: file.path,
      message: 'is missing or empty.',
      hint: 'Every site has a compliance profile: start from the sample in the Shūhō repository (content/compliance.json), then name your firm and its registration, or state that the site is not published by a licensed firm. See docs/compliance.md.',
    });
    return undefined;
  }
  const profile = parseJson(file, ComplianceProfileSchema, problems);
  if (!profile) return undefined;
  const lists = profile.wording;
  return {
    ...profile,
    wording: {
      guarantee: lists.guarantee ?? DEFAULT_WORDING.guarantee,
      superlative: lists.superlative ?? DEFAULT_WORDING.superlative,
      forecast: lists.forecast ?? DEFAULT_WORDING.forecast,
      hedge: lists.hedge ?? DEFAULT_WORDING.hedge,
      allowed: lists.allowed ?? DEFAULT_WORDING.allowed,
    },
  };
}
