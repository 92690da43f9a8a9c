/**
 * Linux /proc readings for `bench:scale`: a child process of this one found by its command line (the worker that
 * scripts/lib/throwaway-api.ts spawns, the Temporal dev server), its memory, and a sampler of its peak.
 * Reading /proc keeps throwaway-api.ts unchanged: it does not hand out its children's ids.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The id of a direct child of `parent` whose command line satisfies `match`; undefined when there is none. */
export function childPid(match: (cmdline: string) => boolean, parent: number = process.pid): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      if (match(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' '))) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

export interface Memory {
  /** Resident set size now, MiB. */
  rssMiB: number;
  /** The kernel's high-water mark of the resident set since the process started, MiB. */
  peakMiB: number;
}

/** VmRSS and VmHWM of a process, or undefined once it has ended. */
export function memoryOf(pid: number): Memory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs` so the report can name the peak of each phase. */
export function sampleMemory(pid: number, everyMs = 1000) {
  let phasePeak = 0;
  const sample = () => {
    const m = memoryOf(pid);
    if (m) phasePeak = Math.max(phasePeak, m.rssMiB);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    /** The highest RSS sampled since the last call, then starts a new phase. */
    takePhasePeak(): number {
      sample();
      const peak = phasePeak;
      phasePeak = memoryOf(pid)?.rssMiB ?? 0;
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}
