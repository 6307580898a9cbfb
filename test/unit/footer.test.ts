import { describe, expect, test } from 'vitest';
import { getFooterLinks, getFooterNotices } from '../../src/lib/footer.ts';
import { makeModel } from '../helpers/model.ts';

describe('getFooterNotices', () => {
  const model = makeModel([]);
  const registry = {
    ...model.registry,
    indices: model.registry.indices.map((index) => (index.id === 'djia' ? index : { ...index, trademark: { ja: `${index.id} は商標です。`, en: `${index.id} is a trademark.` } })),
  };

  test('gathers the publisher, the data credit and the trademark of every index that has one, in registry order', () => {
    expect(getFooterNotices({ registry, compliance: model.compliance }, 'en')).toEqual({
      notice: undefined,
      publisher: { name: 'Test editors', lines: ['This site is not published by a licensed firm (test).'] },
      credit: registry.site.dataCredit.en,
      trademarks: ['russell2000growth is a trademark.', 'sp500 is a trademark.'],
    });
  });

  test('carries the profile’s site notice in the page’s language', () => {
    const compliance = { ...model.compliance, siteNotice: { ja: '情報提供のみを目的としています。', en: 'For information only.' } };
    expect(getFooterNotices({ registry, compliance }, 'ja').notice).toBe('情報提供のみを目的としています。');
    expect(getFooterNotices({ registry, compliance }, 'ja').publisher.name).toBe('テスト編集部');
  });
});

describe('getFooterLinks', () => {
  test('links the disclosures page always, and about and data sources only when the site has them, in their listed order', () => {
    expect(getFooterLinks([])).toEqual([{ name: 'disclosures', label: 'disclosures.title' }]);
    expect(getFooterLinks([{ name: 'data-sources' }, { name: 'about' }]).map((link) => link.name)).toEqual(['about', 'disclosures', 'data-sources']);
    expect(getFooterLinks([{ name: 'about' }]).map((link) => link.label)).toEqual(['footer.about', 'disclosures.title']);
  });
});
