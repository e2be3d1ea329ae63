/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and the Prisma runtime are loaded by Node, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2", "@zxcvbn-ts/language-common"],
  poweredByHeader: false,
};
export default nextConfig;
