/**
 * `npm run screenshots`: builds the sample site and photographs the home page and the weekly post at
 * phone (375 px) and desktop (1280 px) widths into docs/screenshots/, as the README shows them.
 * Uses the same Chromium as the browser tests (test/helpers/find-browser.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, ROOT, TMP } from '../helpers/build-site.ts';
import { launchBrowser, serveDir } from '../helpers/browser.ts';
import { ensureBrowser } from '../helpers/find-browser.ts';

const OUT = path.join(ROOT, 'docs', 'screenshots');
const SHOTS = [
  { name: 'home', path: '/en/' },
  { name: 'home-ja', path: '/ja/' },
  { name: 'weekly', path: '/en/posts/2026-02-13/' },
  { name: 'weekly-ja', path: '/ja/posts/2026-02-13/' },
] as const;
const WIDTHS = [{ label: 'phone', width: 375, height: 812 }, { label: 'desktop', width: 1280, height: 900 }] as const;

process.env['CHROMIUM_PATH'] = ensureBrowser();
const dist = path.join(TMP, 'screenshots', 'dist');
rmSync(path.dirname(dist), { recursive: true, force: true });
const build = await buildSite({ outDir: dist });
if (build.code !== 0) throw new Error(`the sample site did not build:\n${build.stdout}\n${build.stderr}`);
mkdirSync(OUT, { recursive: true });
const site = await serveDir(dist);
const browser = await launchBrowser();
try {
  for (const viewport of WIDTHS) {
    const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
    for (const shot of SHOTS) {
      await page.goto(`${site.origin}${shot.path}`, { waitUntil: 'load' });
      // Charts draw when they near the viewport: scroll through the page so every one is drawn.
      for (const figure of await page.locator('figure[data-chart]').all()) {
        await figure.scrollIntoViewIfNeeded();
        await page.waitForFunction((element) => element?.hasAttribute('data-chart-drawn'), await figure.elementHandle());
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = path.join(OUT, `${shot.name}-${viewport.label}.png`);
      // Home pages whole; a post's first screen, where its figures are (a whole post is a megabyte of PNG).
      await page.screenshot({ path: file, fullPage: shot.name.startsWith('home') });
      console.log(path.relative(ROOT, file));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
