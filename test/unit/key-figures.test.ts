import { describe, expect, test } from 'vitest';
import { buildKeyFigures, citeFigure, CITABLE_FIELDS, getDirection, writeFigure } from '../../src/lib/key-figures.ts';
import type { IndexFigures } from '../../src/lib/metrics.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { readContentFiles } from '../../src/site/read-content.ts';
import { FIXTURE_CONTENT, ROOT, TEST_NOW } from '../helpers/build-site.ts';

const { model, problems } = buildSiteModel(readContentFiles(readEnvironment({ SHUHO_CONTENT_DIR: FIXTURE_CONTENT }, ROOT)), { now: new Date(TEST_NOW), includeDrafts: false });
if (!model) throw new Error(formatProblems(problems));
const post = model.posts.find((candidate) => candidate.slug === '2026-02-13');
const figures = post?.figures;
if (!figures) throw new Error('the fixture weekly post has no figures');

describe('buildKeyFigures', () => {
  test('lists the indices in registry order with the ratio of the configured pair', () => {
    const table = buildKeyFigures(model.registry, figures);
    expect(table.date).toBe('2026-02-13');
    expect(table.rows.map((row) => [row.index.id, row.figures.close])).toEqual([
      ['russell2000growth', 1709.95],
      ['sp500', 6836.17],
      ['djia', 49500.93],
    ]);
    expect(table.relative?.numeratorIndex.id).toBe('russell2000growth');
    expect(table.relative?.denominatorIndex.id).toBe('sp500');
    expect(table.relative?.ratio.toFixed(2)).toBe('25.01');
    expect(table.sources).toEqual(['FTSE Russell', 'S&P Dow Jones Indices']);
  });
  test('can show only some indices', () => {
    expect(buildKeyFigures(model.registry, figures, ['djia']).rows.map((row) => row.index.id)).toEqual(['djia']);
  });
});

describe('citeFigure', () => {
  test('cites per-index figures with their unit and sign', () => {
    expect(citeFigure(figures, 'close', 'russell2000growth')).toEqual({ value: 1709.95, unit: 'level', signed: false });
    const change = citeFigure(figures, 'change', 'russell2000growth');
    expect(change.value.toFixed(2)).toBe('-24.27');
    expect(change).toMatchObject({ unit: 'level', signed: true });
    expect(citeFigure(figures, 'changePercent', 'djia')).toMatchObject({ unit: 'percent', signed: true });
  });
  test('cites the relative figures without an index', () => {
    expect(citeFigure(figures, 'ratio', undefined)).toMatchObject({ unit: 'percent', signed: false });
    const deviation = citeFigure(figures, 'deviation', undefined);
    expect(deviation.value.toFixed(2)).toBe('0.37');
    expect(deviation).toMatchObject({ unit: 'points', signed: true });
    expect(citeFigure(figures, 'movingAverage', undefined).value.toFixed(2)).toBe('24.64');
    expect(citeFigure(figures, 'relativeDeviation', undefined).value.toFixed(2)).toBe('1.51');
  });
  test('a typo in prose fails saying what exists', () => {
    expect(() => citeFigure(figures, 'chnage', 'sp500')).toThrowErrorMatchingInlineSnapshot(`[RangeError: unknown field; expected one of close, change, changePercent, ytdChangePercent, ratio, deviation, relativeDeviation, movingAverage]`);
    expect(() => citeFigure(figures, 'close', 'nasdaq')).toThrowErrorMatchingInlineSnapshot(`[RangeError: no figures for index "nasdaq"; this post has russell2000growth, sp500, djia]`);
    expect(() => citeFigure(figures, 'close', undefined)).toThrowErrorMatchingInlineSnapshot(`[RangeError: needs index="…" for this field]`);
  });
  test('a figure that needs more history names the missing weeks', () => {
    const early = { ...figures, relative: figures.relative && { ...figures.relative, movingAverage: undefined, deviation: undefined, relativeDeviation: undefined, missingWeeks: ['2026-01-02'] } };
    expect(() => citeFigure(early, 'deviation', undefined)).toThrow('1 of them have none (the week ending 2026-01-02)');
    expect(() => citeFigure({ ...figures, relative: undefined }, 'ratio', undefined)).toThrow('no relative-strength figures');
  });
  test('every citable field resolves for the fixture week', () => {
    for (const field of CITABLE_FIELDS) expect(Number.isFinite(citeFigure(figures, field, 'sp500').value), field).toBe(true);
  });
});

describe('writeFigure', () => {
  const write = (locale: 'ja' | 'en', field: string, index: string | undefined, style: 'number' | 'absolute' | 'words') => writeFigure(locale, figures, { field, index, style }).text;
  test('words give the direction and the size, in each language, never a sign', () => {
    expect(write('en', 'change', 'russell2000growth', 'words')).toBe('fell 24.27 points (1.40%)');
    expect(write('ja', 'change', 'russell2000growth', 'words')).toBe('24.27ポイント(1.40%)下落');
    expect(write('en', 'changePercent', 'djia', 'words')).toBe('fell 1.23%');
    expect(write('ja', 'changePercent', 'djia', 'words')).toBe('1.23%下落');
    expect(write('en', 'deviation', undefined, 'words')).toBe('0.37 pts above');
    expect(write('ja', 'deviation', undefined, 'words')).toBe('0.37ポイント上回る');
  });
  test('a move that rounds to zero is unchanged, not a fall of 0.00', () => {
    const flat = { ...figures, indices: { ...figures.indices, sp500: { ...(figures.indices['sp500'] as IndexFigures), changePercent: -0.001 } } };
    expect(writeFigure('en', flat, { field: 'changePercent', index: 'sp500', style: 'words' })).toEqual({ text: 'was unchanged', value: -0.001 });
    expect(writeFigure('ja', flat, { field: 'changePercent', index: 'sp500', style: 'words' }).text).toBe('横ばい');
  });
  test('numbers keep their sign; absolute drops it', () => {
    expect(write('en', 'change', 'russell2000growth', 'number')).toBe('−24.27');
    expect(write('en', 'change', 'russell2000growth', 'absolute')).toBe('24.27');
    expect(write('en', 'changePercent', 'russell2000growth', 'absolute')).toBe('1.40%');
  });
  test('words are refused for a figure without a direction', () => {
    expect(() => write('en', 'close', 'sp500', 'words')).toThrow('as="words" describes change, changePercent');
  });
});

describe('getDirection', () => {
  test('follows the value as printed: a change that rounds to zero is no move', () => {
    expect([0.004, -0.004, 0.005, -1.4, 0].map((value) => getDirection(value))).toEqual([undefined, undefined, 'up', 'down', undefined]);
    expect(getDirection(0.04, 1)).toBeUndefined();
  });
});
