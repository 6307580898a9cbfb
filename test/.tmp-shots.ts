import { launchBrowser, serveDir } from './helpers/browser.ts';
const [dist, outDir] = process.argv.slice(2);
const site = await serveDir(dist);
const browser = await launchBrowser();
for (const scheme of ['light', 'dark'] as const) for (const width of [375, 1280]) for (const lang of ['ja', 'en']) {
  const ctx = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 900 }, colorScheme: scheme });
  const page = await ctx.newPage();
  await page.goto(`${site.origin}/${lang}/posts/2026-02-13/`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/post-${lang}-${width}-${scheme}.png` });
  if (width === 375) {
    const kf = page.locator('[data-key-figures]');
    await kf.scrollIntoViewIfNeeded(); await kf.screenshot({ path: `${outDir}/kf-${lang}-${scheme}.png` });
    const rw = page.locator('[data-risk-watch]').first();
    if (await rw.count()) { await rw.scrollIntoViewIfNeeded(); await rw.screenshot({ path: `${outDir}/rw-${lang}-${scheme}.png` }); }
  }
  if (width === 1280 || scheme === 'dark') {
    await page.goto(`${site.origin}/${lang}/search/`);
    await page.fill('.search input', lang === 'ja' ? '金利' : 'rates');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${outDir}/search-${lang}-${width}-${scheme}.png`, fullPage: true });
  }
  await ctx.close();
}
await browser.close(); await site.close();
