import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../scripts/derive-postgres";

const root = path.resolve(import.meta.dirname, "../..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");

describe("the PostgreSQL schema", () => {
  it("is the one data model with only the provider and client output changed", () => {
    const derived = derivePostgresSchema(read("prisma/schema.prisma"));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain('"sqlite"');
    expect(derived.split("\n").filter((l) => l.startsWith("model ")).length).toBe(
      read("prisma/schema.prisma")
        .split("\n")
        .filter((l) => l.startsWith("model ")).length,
    );
  });

  it("is up to date with prisma/schema.prisma (run `npm run db:derive-postgres` after changing the model)", () => {
    expect(read("prisma/postgres/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
  });
});
