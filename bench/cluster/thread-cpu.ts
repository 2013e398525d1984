/**
 * Where the CPU went during a measurement, from the Node side (Linux /proc): every thread
 * of the Chromium this process launched, with the time it ran and the time it sat ready
 * but waiting for a core (schedstat), grouped as the benchmark sees them — the client
 * worker, the broker workers, the rest of the renderer, the browser process and other
 * Chromium processes — beside how busy the whole machine was (other people's work
 * included: the cores are shared). Nothing here runs in the browser.
 *
 * The client worker is told apart from the broker workers by age: it is the oldest
 * DedicatedWorker thread (the harness starts it before any cluster), and Linux hands out
 * thread ids in increasing order.
 */
import { readdirSync, readFileSync } from "node:fs";

interface ThreadSample {
  process: string;
  name: string;
  tid: number;
  runNs: number;
  waitNs: number;
}

export interface CpuSnapshot {
  atMs: number;
  threads: Map<string, ThreadSample>;
  /** Machine-wide busy and total jiffies from /proc/stat. */
  machineBusy: number;
  machineTotal: number;
}

export interface CpuGroup {
  /** Seconds on a core. */
  cpuSeconds: number;
  /** Seconds ready to run but waiting for a core. */
  waitSeconds: number;
  threads: number;
}

export interface CpuUsage {
  wallSeconds: number;
  groups: Record<string, CpuGroup>;
  /** Cores busy on average, everything on the machine counted. */
  machineBusyCores: number;
  /** Of those, cores busy with work that is not this benchmark's Chromium. */
  otherBusyCores: number;
  logicalCores: number;
}

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the process or thread ended meanwhile
  }
};

function parentOf(pid: string): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** `root` and every process below it. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(entry);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function machineJiffies(): { busy: number; total: number } {
  const line = readText("/proc/stat")?.split("\n")[0] ?? "cpu 0 0 0 0";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** Every thread of the Chromium processes under this Node process. */
export function snapshotCpu(): CpuSnapshot {
  const threads = new Map<string, ThreadSample>();
  const chromiumRoots = processTree(process.pid).filter(
    (pid) => pid !== process.pid && (readText(`/proc/${pid}/cmdline`) ?? "").includes("chromium"),
  );
  for (const pid of chromiumRoots) {
    const commandLine = readText(`/proc/${pid}/cmdline`) ?? "";
    const kind = /--type=([a-z-]+)/.exec(commandLine)?.[1] ?? "browser";
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const schedstat = readText(`/proc/${pid}/task/${tid}/schedstat`);
      const comm = readText(`/proc/${pid}/task/${tid}/comm`);
      if (schedstat === null || comm === null) continue;
      const [runNs, waitNs] = schedstat.trim().split(" ").map(Number);
      threads.set(`${pid}/${tid}`, {
        process: kind,
        name: comm.trim(),
        tid: Number(tid),
        runNs: runNs ?? 0,
        waitNs: waitNs ?? 0,
      });
    }
  }
  const machine = machineJiffies();
  return {
    atMs: performance.now(),
    threads,
    machineBusy: machine.busy,
    machineTotal: machine.total,
  };
}

/** What ran between two snapshots, grouped. Threads that ended meanwhile are left out. */
export function cpuBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  logicalCores: number,
): CpuUsage {
  const workers = [...after.threads.values()].filter(
    (thread) => thread.process === "renderer" && thread.name.startsWith("DedicatedWorker"),
  );
  const clientTid = Math.min(...workers.map((thread) => thread.tid));
  const groupOf = (thread: ThreadSample): string => {
    if (thread.process === "renderer" && thread.name.startsWith("DedicatedWorker")) {
      return thread.tid === clientTid ? "client worker" : "broker workers";
    }
    if (thread.process === "renderer") return "renderer, other threads";
    if (thread.process === "browser") return "browser process";
    return "other Chromium processes";
  };
  const groups: Record<string, CpuGroup> = {};
  let ourNs = 0;
  for (const [key, thread] of after.threads) {
    const earlier = before.threads.get(key);
    const runNs = thread.runNs - (earlier?.runNs ?? 0);
    const waitNs = thread.waitNs - (earlier?.waitNs ?? 0);
    ourNs += runNs;
    const group = (groups[groupOf(thread)] ??= { cpuSeconds: 0, waitSeconds: 0, threads: 0 });
    group.cpuSeconds += runNs / 1e9;
    group.waitSeconds += waitNs / 1e9;
    if (runNs > 0) group.threads++;
  }
  const wallSeconds = (after.atMs - before.atMs) / 1000;
  const jiffies = after.machineTotal - before.machineTotal;
  const machineBusyCores =
    jiffies > 0 ? ((after.machineBusy - before.machineBusy) / jiffies) * logicalCores : 0;
  return {
    wallSeconds,
    groups,
    machineBusyCores,
    otherBusyCores: Math.max(0, machineBusyCores - ourNs / 1e9 / wallSeconds),
    logicalCores,
  };
}
