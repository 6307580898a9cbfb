/**
 * Times `npm run check` on a generated corpus: `node test/bench/check-corpus.ts [--years 10] [--runs 5]`.
 * Ten years is 520 weekly posts in two languages (1,040 files) plus a feature a month in both. Reports
 * each run's wall time (a fresh Node process, as the author runs it) and the median.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');

const { values } = parseArgs({ options: { years: { type: 'string', default: '10' }, runs: { type: 'string', default: '5' } } });
const years = Number(values.years);
const runs = Number(values.runs);
const dir = path.join(ROOT, 'test', '.tmp', 'bench', `check-${years}y`, 'content');
rmSync(path.dirname(dir), { recursive: true, force: true });
const corpus = generateCorpus({ years, dir });
console.log(`${corpus.postFiles} post files (${corpus.weeks} weeks × 2 languages, ${corpus.features} features × 2) in ${path.relative(ROOT, dir)}`);

const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const output = execFileSync(NODE, [path.join(ROOT, 'src', 'cli', 'shuho.ts'), 'check'], { cwd: ROOT, env: { ...process.env, SHUHO_CONTENT_DIR: dir }, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.push(seconds);
  console.log(`run ${i + 1}: ${seconds.toFixed(2)} s — ${output.trim().split('\n').at(-1) ?? ''}`);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(2)} s over ${runs} runs (min ${(sorted[0] ?? 0).toFixed(2)} s, max ${(sorted.at(-1) ?? 0).toFixed(2)} s)`);
