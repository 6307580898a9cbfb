import { describe, expect, test } from 'vitest';
import { computeIndexFigures } from '../../src/lib/metrics.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { checkPublishedFigures, formatPublishedLock, parsePublishedLock, recordPublishedFigures, shownFigures, type LockedPost } from '../../src/lib/published-figures.ts';
import type { Observation } from '../../src/lib/series.ts';
import type { WeekFigures } from '../../src/lib/stated-figures.ts';

const week = (date: string, close: number): Observation => ({ date, week: date, close });

function figuresWith(close: number): WeekFigures {
  const index = computeIndexFigures('small', [week('2026-02-06', 1734.22), week('2026-02-13', close)], '2026-02-13');
  if (!index) throw new Error('no figures');
  return { date: '2026-02-13', week: '2026-02-13', indices: { small: index }, relative: undefined };
}

const SOURCE = '---\nkind: weekly\ndate: 2026-02-13\n---\n';
const post = (close: number, corrections = 0): LockedPost => ({ id: '2026/2026-02-13', file: 'content/posts/ja/2026/2026-02-13.mdx', source: SOURCE, figures: figuresWith(close), corrections });
const LOCK_PATH = 'content/data/published.json';

describe('the published-figure lock', () => {
  test('records the figures as the pages show them, to two decimals', () => {
    expect(shownFigures(figuresWith(1709.95))).toEqual({ 'small.change': -24.27, 'small.changePercent': -1.4, 'small.close': 1709.95 });
  });

  test('a revised close under a recorded post is an error per figure, old → new, until a correction is recorded', () => {
    const { lock } = recordPublishedFigures({}, [post(1709.95)]);
    expect(checkPublishedFigures(post(1709.95), lock, LOCK_PATH)).toEqual({ problems: [], notes: [] });
    const { problems } = checkPublishedFigures(post(1710.2), lock, LOCK_PATH);
    expect(problems.map((problem) => `${problem.field} (line ${problem.line}): ${problem.message}`)).toEqual([
      'corrections (line 3): small.change has changed since publication: -24.27 → -24.02 (content/data/published.json records what readers saw).',
      'corrections (line 3): small.changePercent has changed since publication: -1.40 → -1.39 (content/data/published.json records what readers saw).',
      'corrections (line 3): small.close has changed since publication: 1709.95 → 1710.20 (content/data/published.json records what readers saw).',
    ]);
    const corrected = checkPublishedFigures(post(1710.2, 1), lock, LOCK_PATH);
    expect(corrected.problems).toEqual([]);
    expect(corrected.notes[0]?.message).toContain('run npm run check -- --record');
  });

  test('recording adds new posts and re-records corrected ones, leaving the others as they were', () => {
    const { lock } = recordPublishedFigures({}, [post(1709.95)]);
    expect(recordPublishedFigures(lock, [post(1710.2)])).toEqual({ lock, recorded: [] });
    const again = recordPublishedFigures(lock, [post(1710.2, 1)]);
    expect(again.recorded).toEqual(['2026/2026-02-13']);
    expect(again.lock['2026/2026-02-13']).toEqual({ corrections: 1, figures: { 'small.change': -24.02, 'small.changePercent': -1.39, 'small.close': 1710.2 } });
  });

  test('the file reads back what was written; no file is an empty lock; a malformed entry is a problem', () => {
    const { lock } = recordPublishedFigures({}, [post(1709.95)]);
    const problems: Problem[] = [];
    expect(parsePublishedLock({ path: LOCK_PATH, text: formatPublishedLock(lock) }, problems)).toEqual(lock);
    expect(parsePublishedLock(undefined, problems)).toEqual({});
    expect(problems).toEqual([]);
    parsePublishedLock({ path: LOCK_PATH, text: '{"2026/2026-02-13": {"figures": {}}}' }, problems);
    expect(problems.map((problem) => problem.field)).toEqual(['2026/2026-02-13.corrections']);
  });
});
