import { z } from 'zod';
import { normaliseText, type ContentFile, type ContentFiles } from './content-files.ts';
import type { Problem } from './problems.ts';
import { IndexSchema, RiskTopicSchema, SiteConfigSchema, TopicSchema, type Registry } from './registry.ts';
import { findJsonFieldLine, jsonIssueHint, jsonSyntaxProblem, schemaKeys } from './json-problems.ts';
import { issuesToProblems } from './zod-problems.ts';

/** Reads a JSON data file against its schema; problems are pushed, each naming the file and the field. */
export function parseJson<T>(file: ContentFile, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  const text = normaliseText(file.text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    problems.push(jsonSyntaxProblem(file.path, text, error as Error));
    return undefined;
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const { issues } = result.error;
    const found = issuesToProblems(file.path, issues, { knownKeys: schemaKeys(schema), findLine: (path) => findJsonFieldLine(text, data, path) });
    // issuesToProblems gives one problem per issue, in order.
    problems.push(...found.map((problem, i) => {
      const issue = issues[i];
      const hint = problem.hint ?? (issue === undefined ? undefined : jsonIssueHint(issue));
      return hint === undefined ? problem : { ...problem, hint };
    }));
    return undefined;
  }
  return result.data;
}

/** Reads the registry files; every problem is collected, none stops the others being read. */
export function parseRegistry(files: Pick<ContentFiles, 'site' | 'indices' | 'topics' | 'risks'>, problems: Problem[]): Registry | undefined {
  const site = parseJson(files.site, SiteConfigSchema, problems);
  const indices = parseJson(files.indices, z.array(IndexSchema).min(1), problems);
  const topics = parseJson(files.topics, z.array(TopicSchema).min(1), problems);
  const risks = parseJson(files.risks, z.array(RiskTopicSchema), problems);
  if (!site || !indices || !topics || !risks) return undefined;
  for (const [list, file] of [[indices, files.indices], [topics, files.topics], [risks, files.risks]] as const) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) problems.push({ file: file.path, field: item.id, message: `id "${item.id}" is listed twice.` });
      seen.add(item.id);
    }
  }
  const indexByColumn = new Map<string, string>();
  for (const index of indices) {
    for (const column of index.importColumns) {
      const other = indexByColumn.get(column);
      if (other !== undefined && other !== index.id) {
        problems.push({ file: files.indices.path, field: `${index.id}.importColumns`, message: `maps the column "${column}", which ${other} maps too.`, hint: 'A vendor column holds one index: remove it from one of the two.' });
      } else indexByColumn.set(column, index.id);
    }
  }
  for (const side of ['numerator', 'denominator'] as const) {
    if (!indices.some((index) => index.id === site.ratio[side])) {
      problems.push({ file: files.site.path, field: `ratio.${side}`, message: `unknown index "${site.ratio[side]}"; expected one of ${indices.map((index) => index.id).join(', ')}.` });
    }
  }
  return { site, indices, topics, risks };
}
