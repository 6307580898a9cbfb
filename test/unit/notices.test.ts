import { describe, expect, test } from 'vitest';
import { getPlacedCharts } from '../../src/lib/body-components.ts';
import { planPostCharts } from '../../src/lib/charts.ts';
import { describePublisher, getCitedIndices, getIndexNotices, lastRevised, paragraphsOf, sortCorrections } from '../../src/lib/notices.ts';
import { readPostBody } from '../../src/lib/post-body.ts';
import type { SiteModel, SitePost } from '../../src/lib/site-model.ts';
import { flatClosesFor, TEST_COMPLIANCE } from '../helpers/content.ts';
import { makeModel } from '../helpers/model.ts';

/** The indices a body cites in a post, the charts planned as the page plans them. */
function cited(model: SiteModel, post: SitePost, body: string): string[] {
  const { components } = readPostBody('post.mdx', `---\n---\n${body}\n`);
  const charts = planPostCharts(post, getPlacedCharts(components), 'post.mdx').map((chart) => chart.name);
  return getCitedIndices(model, post, components, charts);
}

describe('getCitedIndices', () => {
  const model = makeModel([{ date: '2026-02-13', topics: ['china'] }, { date: '2026-02-06', slug: 'feature', topics: ['china'] }], undefined, { closes: flatClosesFor(['2026-02-13']) });
  const weekly = model.posts.find((post) => post.kind === 'weekly') as SitePost;
  const feature = model.posts.find((post) => post.kind === 'feature') as SitePost;

  test('a weekly post cites every index of its key figures and charts, in registry order', () => {
    expect(cited(model, weekly, 'Text.')).toEqual(['russell2000growth', 'sp500', 'djia']);
  });

  test('a feature without figures or charts of the registry cites none; a <Figure> cites its index, a ratio figure the pair', () => {
    expect(cited(model, feature, 'Text.')).toEqual([]);
    const withFigures = { ...feature, figures: weekly.figures };
    expect(cited(model, withFigures, 'The Dow <Figure index="djia" field="close" />.')).toEqual(['djia']);
    expect(cited(model, withFigures, 'The ratio <Figure field="ratio" />.')).toEqual(['russell2000growth', 'sp500']);
    expect(cited(model, withFigures, '<KeyFigures only={["djia"]} />')).toEqual(['russell2000growth', 'sp500', 'djia']);
    expect(cited(model, withFigures, '<Chart name="weekly-change" />')).toEqual(['russell2000growth', 'sp500', 'djia']);
  });

  test('notices carry the trademark where the registry has one, and the source', () => {
    expect(getIndexNotices(model, ['sp500'], 'en')).toEqual([{ id: 'sp500', name: 'S&P 500', trademark: undefined, source: 'S&P Dow Jones Indices' }]);
  });
});

describe('the texts of the profile', () => {
  test('a blank line separates paragraphs', () => {
    expect(paragraphsOf('One.\n\n Two,\nstill two.\n\n\n')).toEqual(['One.', 'Two,\nstill two.']);
  });

  test('the publisher is its name with the registration, or the statement of a site that is not a licensed firm', () => {
    expect(describePublisher({ publisher: { ...TEST_COMPLIANCE.publisher, licensed: false as const } }, 'en')).toEqual({ name: 'Test editors', lines: ['This site is not published by a licensed firm (test).'] });
    const licensed = { publisher: { licensed: true as const, name: { ja: 'テスト投信', en: 'Test AM' }, registration: { ja: '関東財務局長(金商)第1号', en: 'No. 1' }, memberships: { ja: '投資信託協会', en: 'ITA' } } };
    expect(describePublisher(licensed, 'ja')).toEqual({ name: 'テスト投信', lines: ['関東財務局長(金商)第1号', '投資信託協会'] });
  });
});

describe('corrections', () => {
  const corrections = [{ date: '2026-02-20', note: { ja: 'b', en: 'b' } }, { date: '2026-02-16', note: { ja: 'a', en: 'a' } }];
  test('are listed oldest first', () => {
    expect(sortCorrections(corrections).map((correction) => correction.date)).toEqual(['2026-02-16', '2026-02-20']);
    expect(sortCorrections(undefined)).toEqual([]);
  });
  test('the last revision is the later of the update and the corrections', () => {
    expect(lastRevised('2026-02-18', corrections)).toBe('2026-02-20');
    expect(lastRevised('2026-02-25', corrections)).toBe('2026-02-25');
    expect(lastRevised(undefined, undefined)).toBeUndefined();
  });
});
