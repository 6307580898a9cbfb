import type { Locale } from '../lib/registry.ts';

/**
 * Interface strings. Japanese is the reference dictionary; English is typed against it, so a key
 * missing from either language fails type checking. `{name}` placeholders are filled by `t()`.
 */
const ja = {
  'site.skipToContent': '本文へ移動',
  'nav.home': 'ホーム',
  'nav.archive': 'アーカイブ',
  'nav.topics': 'トピック',
  'nav.risks': 'リスク・ウォッチ',
  'nav.search': '検索',
  'nav.main': 'メインメニュー',
  'lang.switch': 'English',
  'lang.switchLabel': '英語版へ切り替え',
  'lang.name': '日本語',
  'home.latest': '最新の週報',
  'home.recent': '最近の記事',
  'home.readMore': '続きを読む',
  'home.empty': 'まだ記事がありません。',
  'post.asOf': '{date}終値',
  'post.by': '執筆: {author}',
  'post.updated': '{date}更新',
  'post.topics': 'トピック',
  'post.sources': '出典',
  'post.previous': '前の記事',
  'post.next': '次の記事',
  'post.pagination': '前後の記事',
  'post.kind.weekly': '週報',
  'post.kind.feature': '特集',
  'post.readingTime': '約{minutes}分で読めます',
  'post.disclaimer': '本記事は情報提供を目的としたもので、特定の金融商品の売買を勧誘するものではありません。投資判断はご自身の責任でお願いいたします。記載の数値は作成時点のもので、将来の運用成果を保証するものではありません。',
  'translation.missing': 'この記事はまだ英語に翻訳されていません。',
  'translation.original': '原文(日本語)を表示しています。',
  'figures.caption': '主要指標({date}終値)',
  'figures.index': '指数',
  'figures.close': '終値',
  'figures.change': '前週比',
  'figures.changePercent': '騰落率',
  'figures.ratio': '{numerator} ÷ {denominator}',
  'figures.deviation': '{weeks}週移動平均との乖離',
  'figures.movingAverage': '{weeks}週移動平均',
  'figures.ytd': '年初来',
  'figures.high52': '52週高値',
  'figures.low52': '52週安値',
  'figures.points': '{value}ポイント',
  'figures.source': '出典: {source}',
  'risks.caption': 'リスク・ウォッチ({date}時点)',
  'risks.risk': 'リスク',
  'risks.group': '分類',
  'risks.level': '水準',
  'risks.trend': '方向',
  'risks.note': 'コメント',
  'risks.level.low': '低',
  'risks.level.moderate': '中',
  'risks.level.elevated': 'やや高',
  'risks.level.high': '高',
  'risks.trend.improving': '改善',
  'risks.trend.unchanged': '横ばい',
  'risks.trend.worsening': '悪化',
  'risks.gridTitle': 'リスク・ウォッチ一覧',
  'risks.gridIntro': '週報で追っているリスクの水準と方向を週ごとに並べました。',
  'risks.week': '週',
  'risks.notWatched': '記載なし',
  'notFound.title': 'ページが見つかりません',
  'notFound.body': 'お探しのページは移動または削除された可能性があります。',
  'notFound.home': 'ホームへ戻る',
  'footer.credit': 'データ出典',
  'footer.rss': 'RSSフィード',
  'redirect.title': 'Shūhō 週報',
  'redirect.choose': '言語を選んでください',
  'date.weekOf': '{date}の週',
} as const;

/** A key of the interface dictionary. */
export type UiKey = keyof typeof ja;

/** English strings, typed against Japanese: a missing key fails type checking. */
const en: Record<UiKey, string> = {
  'site.skipToContent': 'Skip to content',
  'nav.home': 'Home',
  'nav.archive': 'Archive',
  'nav.topics': 'Topics',
  'nav.risks': 'Risk watch',
  'nav.search': 'Search',
  'nav.main': 'Main menu',
  'lang.switch': '日本語',
  'lang.switchLabel': 'Switch to Japanese',
  'lang.name': 'English',
  'home.latest': 'Latest weekly',
  'home.recent': 'Recent posts',
  'home.readMore': 'Read more',
  'home.empty': 'No posts yet.',
  'post.asOf': 'Closes as of {date}',
  'post.by': 'By {author}',
  'post.updated': 'Updated {date}',
  'post.topics': 'Topics',
  'post.sources': 'Sources',
  'post.previous': 'Previous',
  'post.next': 'Next',
  'post.pagination': 'More posts',
  'post.kind.weekly': 'Weekly',
  'post.kind.feature': 'Feature',
  'post.readingTime': '{minutes} min read',
  'post.disclaimer': 'This commentary is for information only and is not a solicitation to buy or sell any security. Investment decisions are your own responsibility. Figures are as of the date stated and do not guarantee future results.',
  'translation.missing': 'This post has not been translated into English yet.',
  'translation.original': 'The Japanese original is shown below.',
  'figures.caption': 'Key figures, closes as of {date}',
  'figures.index': 'Index',
  'figures.close': 'Close',
  'figures.change': 'Weekly change',
  'figures.changePercent': 'Change %',
  'figures.ratio': '{numerator} ÷ {denominator}',
  'figures.deviation': 'Deviation from {weeks}-week average',
  'figures.movingAverage': '{weeks}-week moving average',
  'figures.ytd': 'Year to date',
  'figures.high52': '52-week high',
  'figures.low52': '52-week low',
  'figures.points': '{value} pts',
  'figures.source': 'Source: {source}',
  'risks.caption': 'Risk watch as of {date}',
  'risks.risk': 'Risk',
  'risks.group': 'Group',
  'risks.level': 'Level',
  'risks.trend': 'Trend',
  'risks.note': 'Note',
  'risks.level.low': 'Low',
  'risks.level.moderate': 'Moderate',
  'risks.level.elevated': 'Elevated',
  'risks.level.high': 'High',
  'risks.trend.improving': 'Improving',
  'risks.trend.unchanged': 'Unchanged',
  'risks.trend.worsening': 'Worsening',
  'risks.gridTitle': 'Risk watch across weeks',
  'risks.gridIntro': 'The level and direction of every risk the weekly commentary follows, week by week.',
  'risks.week': 'Week',
  'risks.notWatched': 'Not covered',
  'notFound.title': 'Page not found',
  'notFound.body': 'The page you are looking for may have moved or been removed.',
  'notFound.home': 'Back to the home page',
  'footer.credit': 'Data',
  'footer.rss': 'RSS feed',
  'redirect.title': 'Shūhō weekly',
  'redirect.choose': 'Choose your language',
  'date.weekOf': 'Week of {date}',
};

const dictionaries: Record<Locale, Record<UiKey, string>> = { ja, en };

/** Every key of the dictionaries, for tests that check no key leaks into a page. */
export const UI_KEYS = Object.keys(ja) as UiKey[];

/** Look up a UI string and fill its `{name}` placeholders; a missing value throws rather than print "". */
export function t(locale: Locale, key: UiKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`UI string "${key}" (${locale}) needs {${name}}`);
    return String(value);
  });
}

/** A translator bound to one locale, for templates: `const tr = translator(locale); tr('nav.home')`. */
export function translator(locale: Locale): (key: UiKey, vars?: Readonly<Record<string, string | number>>) => string {
  return (key, vars) => t(locale, key, vars);
}
