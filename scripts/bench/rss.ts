import { readdirSync, readFileSync } from "node:fs";

// Resident memory of a process and all its descendants (`next start` may fork a server
// child), read from /proc: Linux only; elsewhere it reports 0.

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid ...": comm may hold spaces or parentheses, so cut after the last ")".
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[1]);
  } catch {
    return null;
  }
}

export function processTree(root: number): number[] {
  let pids: number[] = [];
  try {
    pids = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [root];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

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
