import { readdirSync, readFileSync } from "node:fs";
import { processTree } from "./rss";

// CPU time from /proc: Linux only; 0 (or null) elsewhere.
const TICK_MS = 10; // USER_HZ is 100 on Linux

// "pid (comm) state ppid …": comm may hold spaces or parentheses, so cut after the last ")".
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ");
const commOf = (stat: string) => stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));

// CPU time (user + system) of one process, in ms.
function cpuMs(pid: number): number {
  try {
    const rest = statFields(readFileSync(`/proc/${pid}/stat`, "utf8"));
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}

// ... of a process and its descendants.
export const treeCpuMs = (root: number) => processTree(root).reduce((n, pid) => n + cpuMs(pid), 0);

// ... of every process named `comm` (the local database server's processes: a PostgreSQL
// server runs one per connection, plus its writers); null when there is none, as when the
// database runs on another machine.
export function commCpuMs(comm: string): number | null {
  let total: number | null = null;
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (commOf(stat) !== comm) continue;
      const rest = statFields(stat);
      total = (total ?? 0) + (Number(rest[11]) + Number(rest[12])) * TICK_MS;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

// The machine's CPU time, all cores together, from the first line of /proc/stat ("cpu  user
// nice system idle iowait irq softirq steal …", in ticks): busy and total.
export type MachineCpu = { busy: number; total: number };
export function parseMachineCpu(procStat: string): MachineCpu {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = procStat.split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait! };
}
export function machineCpu(): MachineCpu {
  try {
    return parseMachineCpu(readFileSync("/proc/stat", "utf8"));
  } catch {
    return { busy: 0, total: 0 };
  }
}

// The share of the machine's CPU time that was busy between two readings (NaN without any).
export const busyShare = (a: MachineCpu, b: MachineCpu) => (b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : NaN);
