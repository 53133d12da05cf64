// On-CPU time of the calling thread, from Linux's /proc/thread-self/schedstat (nanoseconds, first field): what a
// function instance or the server's main thread really costs, apart from the time it waits for a core (the second
// field). Elsewhere (no procfs) it is null and the stats say n/a.
import { readFileSync } from 'node:fs';

export interface ThreadTime {
  /** Nanoseconds on a CPU. */
  cpuNs: number;
  /** Nanoseconds runnable but waiting for a CPU (the machine's run queue). */
  waitNs: number;
}

let available = process.platform === 'linux';

export function threadTime(): ThreadTime | null {
  if (!available) return null;
  try {
    const [cpu, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return { cpuNs: Number(cpu), waitNs: Number(wait) };
  } catch {
    available = false;
    return null;
  }
}
