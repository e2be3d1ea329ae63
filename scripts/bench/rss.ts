import { readFileSync } from "node:fs";
import { processTree } from "./proc";

// Resident memory of a process and all its descendants (`next start` may fork a server
// child), read from /proc: Linux only; elsewhere it reports 0.

function rssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // exited between listing and reading
  }
}

export const treeRssKb = (root: number) => processTree(root).reduce((n, pid) => n + rssKb(pid), 0);

// Samples the tree's total RSS every `everyMs`; `peakKb` is the largest total seen since reset().
export class RssSampler {
  peakKb = 0;
  private timer: NodeJS.Timeout;
  constructor(
    private readonly root: number,
    everyMs = 200,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    this.sample();
  }
  private sample() {
    this.peakKb = Math.max(this.peakKb, treeRssKb(this.root));
  }
  reset() {
    this.peakKb = 0;
    this.sample();
  }
  stop() {
    clearInterval(this.timer);
  }
}
