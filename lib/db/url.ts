import path from "node:path";
import { env } from "../env";

export function databaseUrl(): string {
  return env().DATABASE_URL;
}

// "file:./data/x.db" is resolved against the working directory (the project root),
// not against prisma/, so the app, the CLI and the tests agree on one file.
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/, "");
  return path.isAbsolute(p) ? p : path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
