import { expect, test } from 'vitest';
import { processShared } from '../../src/site/process-shared.ts';

test('two instances of the module share one value per name, created once', async () => {
  // A second instance of the module, as Vite's module runner loads beside Astro's config loader.
  const specifier = '../../src/site/process-shared.ts?instance=pages';
  const copy = (await import(specifier)) as typeof import('../../src/site/process-shared.ts');
  expect(copy.processShared).not.toBe(processShared);
  let created = 0;
  const create = () => {
    created += 1;
    return new Map<string, number>();
  };
  const first = processShared('test.sharedMap', create);
  const second = copy.processShared('test.sharedMap', create);
  expect(second).toBe(first);
  expect(created).toBe(1);
  expect(processShared('test.otherMap', create)).not.toBe(first);
});
