// Renders the app icons from the one SVG mark (public/icons/logo.svg) with sharp. The PNGs are
// committed, so this runs only when the mark changes: `npx tsx scripts/make-icons.ts`.
import path from "node:path";
import sharp from "sharp";

const DIR = path.resolve(import.meta.dirname, "../public/icons");
const SOURCE = path.join(DIR, "logo.svg");

// The sizes browsers ask for: 192 and 512 for Chromium's install prompt and splash screen, a
// maskable 512 (launchers crop it to a circle or squircle: the mark already sits in the safe
// zone and the background fills the square), and iOS's 180 apple-touch-icon.
export const ICONS = [
  { file: "icon-192.png", size: 192 },
  { file: "icon-512.png", size: 512 },
  { file: "icon-maskable-512.png", size: 512 },
  { file: "apple-touch-icon.png", size: 180 },
] as const;

async function main() {
  for (const { file, size } of ICONS) {
    await sharp(SOURCE, { density: 300 }).resize(size, size).flatten({ background: "#1f6f5c" }).png({ compressionLevel: 9 }).toFile(path.join(DIR, file));
    console.log(`${file} ${size}x${size}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
