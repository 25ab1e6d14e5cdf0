/**
 * Tasks of the page's main thread from a Chromium trace (categories `devtools.timeline` and its disabled-by-default part): how long
 * each took on the wall clock and how much of that the thread spent running. On a machine whose
 * cores are all busy, a task's wall time includes the time its thread waited for a core; its CPU
 * time is the part the page's own work decides.
 */
export interface RendererTask {
  wallMs: number;
  cpuMs: number;
}

interface TraceEvent {
  ph?: string;
  name?: string;
  pid?: number;
  tid?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export function rendererMainTasks(trace: Buffer): RendererTask[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('The trace has no renderer main thread.');
  return events
    .filter(
      (e) =>
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        e.dur !== undefined,
    )
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 }));
}
