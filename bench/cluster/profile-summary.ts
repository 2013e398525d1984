/**
 * Reading what profile-brokers.ts collected. V8's sampling profiler records a sample when
 * its signal reaches the thread, so a thread that sat waiting for a core gets one sample
 * after the gap, wherever it had stopped (often in a native call that woke another thread,
 * such as postMessage or an OPFS write): `selfTimeShares` leaves out samples that follow a
 * gap longer than twice the interval. Trace events carry thread CPU time (tdur), which is
 * the steadier measure on a shared machine: `traceCpu` sums it per thread group.
 */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self-time share of each function (name file:line) over the busy samples of all profiles. */
export function selfTimeShares(profiles: CpuProfile[], intervalUs: number): [string, number][] {
  const counts = new Map<string, number>();
  let busy = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((sample, index) => {
      if ((profile.timeDeltas[index] ?? 0) > 2 * intervalUs) return;
      const frame = byId.get(sample)!.callFrame;
      if (frame.functionName === "(idle)") return;
      const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").at(-1)}:${frame.lineNumber + 1}`;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      busy++;
    });
  }
  return [...counts]
    .map(([name, count]): [string, number] => [name, count / busy])
    .sort((a, b) => b[1] - a[1]);
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface TraceCpu {
  seconds: number;
  /** Thread CPU milliseconds in tasks, by group. */
  groups: Record<string, number>;
  /** Tasks the broker workers ran. */
  brokerTasks: number;
}

/**
 * CPU time in top-level tasks, grouped as the cluster benchmark sees threads: broker
 * workers, the client worker (the oldest dedicated worker), the renderer's other threads
 * (V8's compiler and GC helpers), the browser process (OPFS bookkeeping among the rest).
 */
export function traceCpu(trace: { traceEvents: TraceEvent[] } | TraceEvent[]): TraceCpu {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const threadNames = new Map<string, string>();
  const processNames = new Map<number, string>();
  let first = Infinity;
  let last = 0;
  for (const event of events) {
    if (event.ph === "M" && event.name === "thread_name")
      threadNames.set(`${event.pid}/${event.tid}`, event.args?.name ?? "");
    if (event.ph === "M" && event.name === "process_name")
      processNames.set(event.pid, event.args?.name ?? "");
  }
  const workers = new Map<number, { ms: number; tasks: number }>();
  const groups: Record<string, number> = {};
  for (const event of events) {
    if (event.ph !== "X") continue;
    first = Math.min(first, event.ts ?? first);
    last = Math.max(last, (event.ts ?? 0) + (event.dur ?? 0));
    if (event.name !== "ThreadControllerImpl::RunTask" && event.name !== "ThreadPool_RunTask")
      continue;
    const ms = (event.tdur ?? 0) / 1000;
    const process = processNames.get(event.pid) ?? "";
    const thread = threadNames.get(`${event.pid}/${event.tid}`) ?? "";
    if (process === "Renderer" && thread.startsWith("DedicatedWorker")) {
      const worker = workers.get(event.tid) ?? { ms: 0, tasks: 0 };
      worker.ms += ms;
      worker.tasks++;
      workers.set(event.tid, worker);
      continue;
    }
    const group =
      process === "Browser"
        ? "browser process"
        : process === "Renderer"
          ? "renderer, other threads"
          : "other processes";
    groups[group] = (groups[group] ?? 0) + ms;
  }
  const clientTid = Math.min(...workers.keys());
  let brokerTasks = 0;
  for (const [tid, worker] of workers) {
    const group = tid === clientTid ? "client worker" : "broker workers";
    groups[group] = (groups[group] ?? 0) + worker.ms;
    if (tid !== clientTid) brokerTasks += worker.tasks;
  }
  return { seconds: (last - first) / 1e6, groups, brokerTasks };
}
