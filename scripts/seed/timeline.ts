import type { Db } from "~db/client.server";
import { clock, DAY } from "~/utils/clock.server";
import { instantToLocalInput, localInputToInstant } from "~/utils/dates";
import { findUserByEmail } from "~/modules/auth/index.server";

// The demo's made-up past, played through the areas' own functions with the app's clock moved
// to each moment, so every row carries a time at which it could really have been written.

/** Runs `action` with the clock at `instant`; the clock always goes back to real time after. */
export function at<T>(instant: number, action: () => T): T {
  clock.set(instant);
  try {
    return action();
  } finally {
    clock.set(null);
  }
}

/** Actions planned at moments in the past, run in the order they happened. */
export class Timeline {
  private readonly steps: { instant: number; action: () => void }[] = [];

  add(instant: number, action: () => void) {
    this.steps.push({ instant, action });
  }

  run() {
    // A stable sort: steps planned for the same moment run in the order they were planned.
    const steps = [...this.steps].sort((a, b) => a.instant - b.instant);
    this.steps.length = 0;
    try {
      for (const step of steps) {
        clock.set(step.instant);
        step.action();
      }
    } finally {
      clock.set(null);
    }
  }
}

/** What every area's part of the demo needs: when "now" is, where, and the plan to add to. */
export type DemoContext = { db: Db; now: number; timeZone: string; passwordHash: string; timeline: Timeline };

/** The id of a demo account, looked up when a step runs (the account is made by an earlier step). */
export function idOf(email: string): string {
  const user = findUserByEmail(email);
  if (!user) throw new Error(`The demo has no account ${email} yet`);
  return user.id;
}

/** The demo's past is what really could have happened: a refusal means the plan is wrong. */
export function accepted<T extends { ok: boolean }>(outcome: T, what: string): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`Demo data: ${what} was refused: ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

/** The local date and time `days` from `now`'s date, as typed in a datetime-local field. */
export function localInput(now: number, days: number, time: string, timeZone: string): string {
  return `${instantToLocalInput(now + days * DAY, timeZone).slice(0, 10)}T${time}`;
}

/** The same moment as an instant. */
export function localInstant(now: number, days: number, time: string, timeZone: string): number {
  return localInputToInstant(localInput(now, days, time, timeZone), timeZone)!;
}
