import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/unknot.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

// "file:./data/x.db" is resolved against the working directory (the project root),
// not against prisma/, so the app, the CLI and the tests agree on one file.
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/, "");
  return path.isAbsolute(p) ? p : path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
