import { readFileSync } from "node:fs";
import { commOf, processIds, processTree, statFields, statOf } from "./proc";

// CPU time from /proc: Linux only; 0 (or null) elsewhere.
const TICK_MS = 10; // USER_HZ is 100 on Linux

// CPU time (user + system) in a process's stat, in ms.
const statCpuMs = (stat: string) => {
  const f = statFields(stat);
  return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime, stime
};

// ... of one process (0 once it has exited).
const cpuMs = (pid: number) => {
  const stat = statOf(pid);
  return stat === null ? 0 : statCpuMs(stat);
};

// ... of a process and its descendants.
export const treeCpuMs = (root: number) => processTree(root).reduce((n, pid) => n + cpuMs(pid), 0);

// ... of every process named `comm` (the local database server's processes: a PostgreSQL
// server runs one per connection, plus its writers); null when there is none, as when the
// database runs on another machine.
export function commCpuMs(comm: string): number | null {
  let total: number | null = null;
  for (const pid of processIds() ?? []) {
    const stat = statOf(pid);
    if (stat !== null && commOf(stat) === comm) total = (total ?? 0) + statCpuMs(stat);
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

// The CPU time spent from reading `a` to reading `b`.
export const cpuSince = (a: MachineCpu, b: MachineCpu): MachineCpu => ({ busy: b.busy - a.busy, total: b.total - a.total });

// The busy share of some CPU time (NaN when none passed).
export const busyShare = (t: MachineCpu) => (t.total > 0 ? t.busy / t.total : NaN);
