import { readdirSync, readFileSync } from "node:fs";

// The machine's processes as Linux's /proc lists them; elsewhere there are none to read.

// Every process id, or null when /proc cannot be read.
export function processIds(): number[] | null {
  try {
    return readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return null;
  }
}

// A process's /proc/<pid>/stat, or null once it has exited.
export function statOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
}

// "pid (comm) state ppid …": comm may hold spaces or parentheses, so the fields are cut after
// the last ")" (fields[0] is the state).
export const statFields = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ");
export const commOf = (stat: string) => stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));

// A process and all its descendants (`next start` may fork a server child).
export function processTree(root: number): number[] {
  const pids = processIds();
  if (!pids) return [root];
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const stat = statOf(pid);
    if (stat === null) continue;
    const ppid = Number(statFields(stat)[1]);
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
