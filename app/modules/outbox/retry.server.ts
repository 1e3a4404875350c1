import { HOUR, MINUTE } from "~/utils/clock.server";

/**
 * With delays 1, 2, 4 … 512 minutes and then 12 hours, the twelfth failure comes a little
 * more than a day after the first: long enough to ride out an SMTP outage over a night.
 */
export const MAX_ATTEMPTS = 12;
export const FIRST_RETRY_DELAY = MINUTE;
export const MAX_RETRY_DELAY = 12 * HOUR;
/** How long a claimed row stays out of other hands; a crashed worker's rows come back after it. */
export const LOCK_DURATION = 10 * MINUTE;

/**
 * The wait before the next try after `attempts` failed tries: doubling from one minute, capped
 * at 12 hours, minus up to 10 % jitter so rows that failed together do not retry together.
 */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const base = Math.min(FIRST_RETRY_DELAY * 2 ** Math.min(exponent, 30), MAX_RETRY_DELAY);
  return Math.round(base * (1 - 0.1 * random()));
}

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000) || "Unknown error";
}
