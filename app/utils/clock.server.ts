import { singleton } from "./singleton.server";

/** Time comes from here so tests can hold or move it. */
export interface Clock {
  now(): number;
}

type MutableClock = Clock & { set(ms: number | null): void; advance(ms: number): void };

export const clock: MutableClock = singleton("clock", () => {
  let fixed: number | null = null;
  return {
    now: () => fixed ?? Date.now(),
    set(ms: number | null) {
      fixed = ms;
    },
    advance(ms: number) {
      fixed = (fixed ?? Date.now()) + ms;
    },
  };
});

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
