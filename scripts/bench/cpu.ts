import { readFileSync } from "node:fs";
import { processTree } from "./rss";

// CPU time (user + system) of a process and its descendants, from /proc: Linux only; 0 elsewhere.
const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}

export const treeCpuMs = (root: number) => processTree(root).reduce((n, pid) => n + cpuMs(pid), 0);
