import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The family every build-time image (chart PNGs, social cards) draws its text in. A name no system
 * font uses, so text can only come from the npm font files registered under it: every machine draws
 * the same image, and no Japanese glyph comes out as a box.
 */
export const IMAGE_FONT_FAMILY = 'Shuho Noto Sans JP';

// Resolved from the project root: the built endpoints run from a bundle elsewhere.
const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));
/** Noto Sans JP regular and bold from npm (@expo-google-fonts/noto-sans-jp). */
export const IMAGE_FONT_FILES = ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf'].map((file) =>
  projectRequire.resolve(`@expo-google-fonts/noto-sans-jp/${file}`),
);

let isRegistered = false;
/** Registers both weights under IMAGE_FONT_FAMILY once; throws if a file is missing or unreadable. */
export function registerImageFonts(): void {
  if (isRegistered) return;
  for (const file of IMAGE_FONT_FILES) {
    if (!GlobalFonts.registerFromPath(file, IMAGE_FONT_FAMILY)) throw new Error(`cannot load the image font ${file}; run npm install.`);
  }
  isRegistered = true;
}

/** A canvas font string in the image family, e.g. imageFont(28, true) → bold 28px "Shuho Noto Sans JP". */
export function imageFont(size: number, isBold = false): string {
  return `${isBold ? 'bold ' : ''}${size}px "${IMAGE_FONT_FAMILY}"`;
}
