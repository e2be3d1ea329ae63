import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { completeLock, platformFields } from "../../scripts/complete-lock";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the lock file", () => {
  it("is accepted by npm ci, so a clean install on any platform reproduces it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unknot-lock-"));
    try {
      for (const f of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
      const run = promisify(execFile)("npm", ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: dir });
      await expect(run).resolves.toBeDefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("records every platform package of the FSRS binding, each limited to its own platform", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
    const wanted = Object.keys(lock.packages["node_modules/@open-spaced-repetition/binding"].optionalDependencies);
    for (const name of wanted) expect(lock.packages[`node_modules/${name}`], name).toMatchObject({ optional: true });
    expect(completeLock(structuredClone(lock))).toEqual([]);
  });
});

describe("completing a lock file", () => {
  it("adds a missing platform package with the os, cpu and libc npm needs to skip it elsewhere", () => {
    const lock = {
      packages: {
        "": {},
        "node_modules/x": { version: "1.0.0", optionalDependencies: { "x-darwin-arm64": "^1.0.0", "x-linux-x64-musl": "^1.0.0", other: "^2.0.0" } },
      },
    };
    expect(completeLock(lock)).toEqual(["x-darwin-arm64", "x-linux-x64-musl"]);
    expect(lock.packages).toMatchObject({
      "node_modules/x-darwin-arm64": { version: "1.0.0", optional: true, os: ["darwin"], cpu: ["arm64"] },
      "node_modules/x-linux-x64-musl": { version: "1.0.0", optional: true, os: ["linux"], cpu: ["x64"], libc: ["musl"] },
    });
    expect(Object.keys(lock.packages)[0]).toBe("");
  });

  it("knows napi-rs platform suffixes and ignores anything else", () => {
    expect(platformFields("win32-ia32-msvc")).toEqual({ os: ["win32"], cpu: ["ia32"] });
    expect(platformFields("linux-arm64-gnu")).toEqual({ os: ["linux"], cpu: ["arm64"], libc: ["glibc"] });
    expect(platformFields("wasm32-wasi")).toEqual({ cpu: ["wasm32"] });
    expect(platformFields("utils")).toBeNull();
  });
});
