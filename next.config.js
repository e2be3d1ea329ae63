/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and the Prisma runtime are loaded by Node, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "@node-rs/argon2",
    "@zxcvbn-ts/language-common",
    "@open-spaced-repetition/binding",
    // The jobs' worker pool (lib/jobs/pool.ts) and the bundler that builds its workers' code.
    "piscina",
    "esbuild",
  ],
  poweredByHeader: false,
  // scripts/serve.ts compresses responses (Brotli or gzip) as they stream.
  compress: false,
  // Lets a second build (tests, a parallel checkout) live beside the one `npm start` serves.
  distDir: process.env.UNKNOT_DIST_DIR || ".next",
  experimental: {
    // UNKNOT_PROFILE_BUILD=1 keeps the built code readable in CPU profiles (bench:
    // UNKNOT_BENCH_PROFILE). Turbopack, which builds, minifies by this switch alone.
    turbopackMinify: !["1", "true"].includes(process.env.UNKNOT_PROFILE_BUILD ?? ""),
    // The stylesheets (about 5 kB gzipped) go inside each page's <head> instead of two
    // render-blocking requests: over a weak signal the first paint no longer waits a round trip
    // for them (tests/e2e/first-paint.test.ts).
    inlineCss: true,
  },
};
export default nextConfig;
