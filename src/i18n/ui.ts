import { formatNumber, INTL_LOCALE } from './format.ts';
import type { Locale } from './locale.ts';

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
  'home.recent': '最近の記事',
  'home.empty': 'まだ記事がありません。',
  'home.week': '{date}の週',
  'home.figures': '今週の主要指標',
  'home.trend': '{weeks}週の推移: {from}から{to}',
  'home.risks': '今週のリスク・ウォッチ',
  'home.read': '今週の週報を読む',
  'home.againstAverage': '{weeks}週移動平均({average})を{gap}',
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
  'post.corrections': '訂正',
  'notices.indices': '指数の商標と出典',
  'notices.publisher': '発行者',
  'notices.more': '開示事項の全文',
  'product.fees': 'ご負担いただく費用',
  'product.risks': '主なリスク',
  'disclosures.title': '開示事項',
  'disclosures.products': '当社のファンド',
  'translation.missing': 'この記事はまだ英語に翻訳されていません。',
  'translation.original': '原文(日本語)を表示しています。',
  'page.translationMissing': 'このページはまだ英語に翻訳されていません。',
  'page.updated': '{date}更新',
  'figures.caption': '主要指標({date}終値)',
  'figures.index': '指数',
  'figures.close': '終値',
  'figures.change': '前週比',
  'figures.changePercent': '騰落率',
  'figures.ratio': '{numerator} ÷ {denominator}',
  'figures.deviation': '{weeks}週移動平均との乖離',
  'figures.movingAverage': '{weeks}週移動平均',
  'figures.ytd': '年初来',
  'figures.points': '{value}ポイント',
  'figures.move.up': '{value}上昇',
  'figures.move.down': '{value}下落',
  'figures.move.flat': '横ばい',
  'figures.move.withPercent': '{points}ポイント({percent})',
  'figures.gap.above': '{value}上回る',
  'figures.gap.below': '{value}下回る',
  'figures.gap.level': '同水準',
  'figures.source': '出典: {source}',
  'chart.relativeStrength.title': '{numerator} ÷ {denominator}の相対比率と{weeks}週移動平均',
  'chart.rebased.title': '主要指数の推移({date}=100)',
  'chart.weeklyChange.title': '{date}までの1週間の騰落率',
  'chart.category.date': '日付',
  'chart.category.item': '項目',
  'chart.unit.percent': 'パーセント(%)',
  'chart.unit.multiple': '倍',
  'chart.unit.points': 'ポイント',
  'chart.unit.index': '指数',
  'chart.value.percent': '{value}%',
  'chart.value.multiple': '{value}倍',
  'chart.value.points': '{value}ポイント',
  'chart.value.index': '{value}',
  'chart.asOf': '{date}時点',
  'chart.unit': '単位: {unit}',
  'chart.table': 'データを表で見る',
  'chart.tableLatest': '表は全{total}件のうち直近{shown}件です。CSVにはすべてを収めています。',
  'chart.download': 'データをCSVでダウンロード',
  'chart.alt.line': '折れ線グラフ「{title}」、{from}から{to}まで。{summary}',
  'chart.alt.bar': '棒グラフ「{title}」。{summary}',
  'chart.alt.range': '{label}は{first}から{last}',
  'chart.alt.value': '{label} {value}',
  'chart.alt.separator': '、',
  'chart.alt.end': '。',
  'chart.source.all': 'この記事のグラフの出典: {source}',
  'chart.source.with': 'このグラフと{charts}の出典: {source}',
  'chart.source.title': '「{title}」',
  'chart.source.separator': '、',
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
  'footer.nav': 'サイト案内',
  'footer.about': '当サイトについて',
  'footer.dataSources': 'データの出典',
  'preview.draft': '下書き',
  'preview.scheduled': '公開予約',
  'root.choose': '言語を選んでください',
  'feed.rssTitle': '{site} RSSフィード',
  'feed.jsonTitle': '{site} JSON Feed',
  'archive.title': 'アーカイブ',
  'archive.intro': '週報と特集のすべての記事を、基準日の新しい順に並べています。週報には基準日の終値と相対比率を添えています。',
  'archive.year': '{year}年',
  'archive.years': '年別',
  'archive.date': '基準日',
  'archive.post': '記事',
  'archive.close': '{index}終値',
  'archive.change': '前週比',
  'archive.untranslated': '英語版なし',
  'topics.title': 'トピック',
  'topics.intro': 'トピックごとに記事をまとめています。記事の多いトピックから並べています。',
  'topics.latest': '最新: {date}',
  'topic.title': 'トピック: {topic}',
  'topic.intro': '「{topic}」に触れた記事を新しい順に並べています。',
  'pagination.label': 'ページ送り',
  'pagination.previous': '前のページ',
  'pagination.next': '次のページ',
  'pagination.status': '{current} / {total}ページ',
  'search.title': 'サイト内検索',
  'search.intro': 'すべての記事の本文から検索できます。',
  'search.noscript': '検索にはJavaScriptが必要です。アーカイブやトピックから記事を探すこともできます。',
  'search.placeholder': 'キーワードを入力',
  'search.clear': '消去',
  'search.loadMore': 'さらに表示',
  'search.label': 'サイト内検索',
  'search.filters': '絞り込み',
  'search.zeroResults': '「[SEARCH_TERM]」に一致する記事はありません',
  'search.manyResults': '「[SEARCH_TERM]」の検索結果: [COUNT]件',
  'search.oneResult': '「[SEARCH_TERM]」の検索結果: [COUNT]件',
  'search.altSearch': '「[SEARCH_TERM]」に一致する記事はありません。「[DIFFERENT_TERM]」の検索結果を表示しています',
  'search.suggestion': '「[SEARCH_TERM]」に一致する記事はありません。次のキーワードもお試しください:',
  'search.searching': '「[SEARCH_TERM]」を検索しています…',
  'search.kind': '種類',
  'search.date': '日付',
  'post.related': '関連記事',
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
  'home.recent': 'Recent posts',
  'home.empty': 'No posts yet.',
  'home.week': 'Week ending {date}',
  'home.figures': "This week's figures",
  'home.trend': '{weeks}-week trend: from {from} to {to}',
  'home.risks': "This week's risk watch",
  'home.read': "Read this week's commentary",
  'home.againstAverage': '{gap} its {weeks}-week average ({average})',
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
  'post.corrections': 'Corrections',
  'notices.indices': 'Index trademarks and sources',
  'notices.publisher': 'Publisher',
  'notices.more': 'All disclosures',
  'product.fees': 'Fees',
  'product.risks': 'Main risks',
  'disclosures.title': 'Disclosures',
  'disclosures.products': 'Our funds',
  'translation.missing': 'This post has not been translated into English yet.',
  'translation.original': 'The Japanese original is shown below.',
  'page.translationMissing': 'This page has not been translated into English yet.',
  'page.updated': 'Last updated {date}',
  'figures.caption': 'Key figures, closes as of {date}',
  'figures.index': 'Index',
  'figures.close': 'Close',
  'figures.change': 'Weekly change',
  'figures.changePercent': 'Change %',
  'figures.ratio': '{numerator} ÷ {denominator}',
  'figures.deviation': 'Deviation from {weeks}-week average',
  'figures.movingAverage': '{weeks}-week moving average',
  'figures.ytd': 'Year to date',
  'figures.points': '{value} pts',
  'figures.move.up': 'rose {value}',
  'figures.move.down': 'fell {value}',
  'figures.move.flat': 'was unchanged',
  'figures.move.withPercent': '{points} points ({percent})',
  'figures.gap.above': '{value} above',
  'figures.gap.below': '{value} below',
  'figures.gap.level': 'level with',
  'figures.source': 'Source: {source}',
  'chart.relativeStrength.title': 'Relative strength: {numerator} ÷ {denominator} and its {weeks}-week average',
  'chart.rebased.title': 'Indices rebased to 100 on {date}',
  'chart.weeklyChange.title': 'Change in the week to {date}',
  'chart.category.date': 'Date',
  'chart.category.item': 'Item',
  'chart.unit.percent': 'percent (%)',
  'chart.unit.multiple': 'times (x)',
  'chart.unit.points': 'points',
  'chart.unit.index': 'index value',
  'chart.value.percent': '{value}%',
  'chart.value.multiple': '{value}x',
  'chart.value.points': '{value} pts',
  'chart.value.index': '{value}',
  'chart.asOf': 'As of {date}',
  'chart.unit': 'Unit: {unit}',
  'chart.table': 'Show the data as a table',
  'chart.tableLatest': 'The table shows the latest {shown} of {total} entries; the CSV holds them all.',
  'chart.download': 'Download the data (CSV)',
  'chart.alt.line': 'Line chart "{title}" from {from} to {to}. {summary}',
  'chart.alt.bar': 'Bar chart "{title}". {summary}',
  'chart.alt.range': '{label} went from {first} to {last}',
  'chart.alt.value': '{label} {value}',
  'chart.alt.separator': '; ',
  'chart.alt.end': '.',
  'chart.source.all': 'Source of all charts in this post: {source}',
  'chart.source.with': 'Source of this chart and of {charts}: {source}',
  'chart.source.title': '“{title}”',
  'chart.source.separator': ', ',
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
  'footer.nav': 'About this site',
  'footer.about': 'About',
  'footer.dataSources': 'Data sources',
  'preview.draft': 'Draft',
  'preview.scheduled': 'Scheduled',
  'root.choose': 'Choose a language',
  'feed.rssTitle': '{site} RSS feed',
  'feed.jsonTitle': '{site} JSON Feed',
  'archive.title': 'Archive',
  'archive.intro': 'Every weekly and feature post, newest first. Weekly rows give the closes of their as-of date and the ratio.',
  'archive.year': '{year}',
  'archive.years': 'Years',
  'archive.date': 'As of',
  'archive.post': 'Post',
  'archive.close': '{index} close',
  'archive.change': 'Weekly change',
  'archive.untranslated': 'Japanese only',
  'topics.title': 'Topics',
  'topics.intro': 'Posts grouped by topic, the most written-about first.',
  'topics.latest': 'Latest: {date}',
  'topic.title': 'Topic: {topic}',
  'topic.intro': 'Posts that discuss {topic}, newest first.',
  'pagination.label': 'Pages',
  'pagination.previous': 'Previous page',
  'pagination.next': 'Next page',
  'pagination.status': 'Page {current} of {total}',
  'search.title': 'Search',
  'search.intro': 'Search the full text of every post.',
  'search.noscript': 'Search needs JavaScript. You can also browse the archive or the topics.',
  'search.placeholder': 'Search posts',
  'search.clear': 'Clear',
  'search.loadMore': 'Load more results',
  'search.label': 'Search this site',
  'search.filters': 'Filters',
  'search.zeroResults': 'No posts match [SEARCH_TERM]',
  'search.manyResults': '[COUNT] results for [SEARCH_TERM]',
  'search.oneResult': '[COUNT] result for [SEARCH_TERM]',
  'search.altSearch': 'No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead',
  'search.suggestion': 'No results for [SEARCH_TERM]. Try one of the following searches:',
  'search.searching': 'Searching for [SEARCH_TERM]…',
  'search.kind': 'Type',
  'search.date': 'Date',
  'post.related': 'Related posts',
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

/**
 * The plural categories Intl.PluralRules gives a whole number in each language. Japanese counts with a
 * counter and has one form (1件, 2件); English has two (1 post, 2 posts). A language with more categories
 * would list them here, and the type would then ask every counted phrase for their forms.
 */
interface PluralCategories {
  ja: 'other';
  en: 'one' | 'other';
}

/** Phrases with a number in them, one form per plural category; `{count}` is the number, formatted for the language. */
const jaCounts = {
  'count.posts': { other: '{count}件' },
} as const satisfies Record<string, Record<PluralCategories['ja'], string>>;

/** A key of the counted phrases. */
export type CountKey = keyof typeof jaCounts;

const enCounts: Record<CountKey, Record<PluralCategories['en'], string>> = {
  'count.posts': { one: '{count} post', other: '{count} posts' },
};

const countDictionaries: { [L in Locale]: Record<CountKey, Record<PluralCategories[L], string>> } = { ja: jaCounts, en: enCounts };

/** Every key of the counted phrases, for tests. */
export const COUNT_KEYS = Object.keys(jaCounts) as CountKey[];

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * A number of things in words, in the form the language's plural rules choose:
 * formatCount('en', 'count.posts', 1) → "1 post", formatCount('en', 'count.posts', 1200) → "1,200 posts",
 * formatCount('ja', 'count.posts', 2) → "2件". Throws rather than print a wrong form if the rules give a
 * category the phrase has no form for.
 */
export function formatCount(locale: Locale, key: CountKey, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[locale]);
    pluralRules.set(locale, rules);
  }
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = countDictionaries[locale][key];
  const category = rules.select(count);
  const form = forms[category];
  if (form === undefined) throw new RangeError(`counted phrase "${key}" (${locale}) has no "${category}" form, needed for ${count}`);
  return form.replace('{count}', formatNumber(locale, count, { decimals: 0 }));
}
