import fs from "node:fs";
import os from "node:os";

// `BENCH_QUIET_LOAD` raises the bar on a machine that is never that quiet (the figures say so).
const QUIET_LOAD = Number(process.env.BENCH_QUIET_LOAD ?? 1);
const POLL_MS = 2_000;
const GIVE_UP_MS = 120_000;

/**
 * Waits until the 1-minute load average is below 1 (or `BENCH_QUIET_LOAD`), so a series does not
 * start while the last one (or anything else on the machine) is still winding down. Gives up after
 * two minutes with a warning. Returns the load average the series starts at, for the table.
 */
export async function waitForQuietMachine(label: string): Promise<number> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const load = os.loadavg()[0];
    if (load < QUIET_LOAD) return load;
    if (Date.now() > deadline) {
      console.warn(`warning: the load average is still ${load.toFixed(2)} after ${GIVE_UP_MS / 1000} s; measuring ${label} anyway`);
      return load;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The highest resident memory a process has had (`VmHWM`), in MiB; null where /proc is missing. */
export function peakRssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Starts a new peak: `VmHWM` falls back to the present resident memory (Linux's `clear_refs` 5),
 * so the next reading is one series' peak. False where that is not allowed.
 */
export function restartPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
