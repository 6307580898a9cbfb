import { describe, expect, test } from 'vitest';
import { findBrowser, type BrowserSearch } from '../helpers/find-browser.ts';

/** A machine with exactly these files and Playwright cache folders. */
function machine(files: readonly string[], env: NodeJS.ProcessEnv = {}, cache: readonly string[] = []): BrowserSearch {
  return { env, exists: (file) => files.includes(file), playwrightBrowsers: () => [...cache] };
}

describe('findBrowser', () => {
  test('takes CHROMIUM_PATH first, and refuses one that does not exist', () => {
    expect(findBrowser(machine(['/opt/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chrome' }))).toBe('/opt/chrome');
    expect(() => findBrowser(machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope' }))).toThrow('CHROMIUM_PATH is /nope, which does not exist');
  });

  test('then a system Chromium, then Chrome', () => {
    expect(findBrowser(machine(['/usr/bin/google-chrome', '/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(findBrowser(machine(['/usr/bin/google-chrome-stable']))).toBe('/usr/bin/google-chrome-stable');
  });

  test('then the newest Chromium in Playwright\'s cache', () => {
    const cache = ['/c/chromium-1100', '/c/chromium-1200', '/c/ffmpeg-1010'];
    const files = ['/c/chromium-1100/chrome-linux/chrome', '/c/chromium-1200/chrome-linux64/chrome'];
    expect(findBrowser(machine(files, {}, cache))).toBe('/c/chromium-1200/chrome-linux64/chrome');
  });

  test('finds nothing on a bare machine', () => {
    expect(findBrowser(machine([]))).toBeUndefined();
  });
});
