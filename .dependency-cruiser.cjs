// The architecture rules, checked by `npm run lint` (depcruise). docs/architecture.md draws them.
// A rule's `pathNot` lists today's known exceptions, each with the reason; remove one when the
// code stops needing it.

// The domain modules: the only way pages reach user data.
const DOMAIN = "^lib/(srs|progress|learn|portability|auth|content|optimizer|pwa|settings|validation)(/|$)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-never-imports-app",
      comment: "lib/ is the code under the pages; the pages import it, never the reverse.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^app/" },
    },
    {
      name: "pages-reach-data-through-a-domain-module",
      comment: "Pages, routes and actions read and write through lib/'s domain modules, never through the database clients or drivers.",
      severity: "error",
      from: {
        path: "^app/",
        // Known exception: the bench's statement counter, reported by the ping route only when the bench starts the server.
        pathNot: "^app/api/ping/route\\.ts$",
      },
      to: { path: ["^lib/db/", "^node_modules/(@prisma/client|\\.prisma|better-sqlite3|pg)/"] },
    },
    {
      name: "scheduling-knows-no-screen",
      comment: "lib/srs/ is pure scheduling and its storage; it runs in the browser too (offline reviews) and knows no page, React or Next.",
      severity: "error",
      from: { path: "^lib/srs/" },
      to: { path: ["^app/", "^node_modules/(react|react-dom|next|next-auth)/"] },
    },
    {
      name: "plumbing-knows-no-domain",
      comment: "lib/db/ (engines, connections, migrations), lib/env.ts and lib/errors.ts serve every domain and import none.",
      severity: "error",
      from: { path: ["^lib/db/", "^lib/env\\.ts$", "^lib/errors\\.ts$"] },
      to: { path: [DOMAIN, "^lib/(action|api|demo|download|security-headers)\\.ts$"] },
    },
    {
      name: "sign-in-does-not-reach-scheduling",
      comment: "Accounts, sessions, passwords and throttling know nothing of cards and reviews.",
      severity: "error",
      from: {
        path: "^lib/auth/",
        pathNot: [
          // Known exception: the time-zone check of the sign-up form lives with the study day (lib/srs/day.ts).
          "^lib/auth/schema\\.ts$",
        ],
      },
      to: { path: "^lib/srs/" },
    },
    {
      name: "scripts-do-not-import-tests",
      comment:
        "Tests may import scripts (to test them, and the shared server helpers in scripts/shared/); scripts never import tests, so the two never form a cycle.",
      severity: "error",
      from: { path: "^scripts/" },
      to: { path: "^tests/" },
    },
    {
      name: "no-unresolvable-imports",
      comment: "Every import resolves to a file or an installed package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^\\.next", "^data/", "^coverage/", "^node_modules/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
