import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where a browser can come from, in the order the test command looks. */
export interface BrowserSearch {
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
  /** Folders of Playwright's own browser cache (`~/.cache/ms-playwright`). */
  playwrightBrowsers: () => string[];
}

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` if set (it must exist), else a system
 * Chromium or Chrome, else one from Playwright's cache; undefined when there is none.
 */
export function findBrowser(search: BrowserSearch): string | undefined {
  const fromEnv = search.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!search.exists(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist. Point it at a Chromium or Chrome binary, or unset it.`);
    return fromEnv;
  }
  const system = SYSTEM_BROWSERS.find(search.exists);
  if (system) return system;
  const cached = search.playwrightBrowsers()
    .filter((dir) => /^chromium-\d+$/.test(path.basename(dir)))
    .sort()
    .reverse()
    .flatMap((dir) => [path.join(dir, 'chrome-linux64', 'chrome'), path.join(dir, 'chrome-linux', 'chrome')]);
  return cached.find(search.exists);
}

/** The search on this machine. */
export function machineBrowserSearch(env: NodeJS.ProcessEnv = process.env): BrowserSearch {
  const cache = env['PLAYWRIGHT_BROWSERS_PATH'] || path.join(os.homedir(), '.cache', 'ms-playwright');
  return {
    env,
    exists: existsSync,
    playwrightBrowsers: () => (existsSync(cache) ? readdirSync(cache).map((name) => path.join(cache, name)) : []),
  };
}

/** The command that installs what the browser tests need on Debian or Ubuntu. */
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk';

/**
 * Finds Chromium for the browser tests, installing Debian's where the machine allows it (Debian or
 * Ubuntu, as root), and says so. Anywhere else it stops the run with one message naming the command.
 * Also installs the Japanese font where it is missing, since screenshots without one show empty boxes.
 */
export function ensureBrowser(log: (message: string) => void = console.log): string {
  const found = findBrowser(machineBrowserSearch());
  const isDebian = existsSync('/etc/debian_version');
  const isRoot = process.getuid?.() === 0;
  const hasJapaneseFont = existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  if (found && (hasJapaneseFont || !isDebian || !isRoot)) return found;
  if (!isDebian || !isRoot) {
    throw new Error(`The browser tests need Chromium and none was found (CHROMIUM_PATH, /usr/bin/chromium, Chrome, Playwright's cache). Install it, e.g. on Debian or Ubuntu as root: ${INSTALL_COMMAND}; or set CHROMIUM_PATH.`);
  }
  const packages = [...(found ? [] : ['chromium']), ...(hasJapaneseFont ? [] : ['fonts-noto-cjk'])];
  log(`Installing Debian's ${packages.join(' and ')} for the browser tests (apt-get, as root)…`);
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ('ignore' | 'inherit')[], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update', '-qq'], quiet);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], quiet);
  const installed = findBrowser(machineBrowserSearch());
  if (!installed) throw new Error(`apt-get installed ${packages.join(' ')}, but no Chromium was found afterwards. Set CHROMIUM_PATH.`);
  return installed;
}
