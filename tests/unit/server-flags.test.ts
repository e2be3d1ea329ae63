import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "../../scripts/server-flags";

describe("the production server's Node options", () => {
  // A V8 flag that a Node upgrade drops or renames stops the server from starting ("bad
  // option"), and a malformed value is only warned about; either would undo the measured heap
  // setting without any test noticing, so each flag is tried on the installed Node.
  it("are all accepted by the installed Node without a warning", () => {
    const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, "-e", "process.exit(0)"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
