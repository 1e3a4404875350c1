import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelay } from "~/modules/outbox/retry.server";
import { HOUR, MINUTE } from "~/utils/clock.server";

describe("retryDelay", () => {
  it("doubles from one minute and stops at twelve hours", () => {
    const noJitter = () => 0;
    const delays = Array.from({ length: 14 }, (_, i) => retryDelay(i + 1, noJitter) / MINUTE);
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 720, 720, 720, 720]);
    expect(retryDelay(1000, noJitter)).toBe(12 * HOUR);
  });

  it("takes off at most a tenth as jitter, never adding to the cap", () => {
    expect(retryDelay(1, () => 0.999999)).toBeGreaterThanOrEqual(0.9 * MINUTE);
    expect(retryDelay(1, () => 0.5)).toBe(Math.round(0.95 * MINUTE));
    expect(retryDelay(20, () => 0.5)).toBe(Math.round(0.95 * 12 * HOUR));
  });

  it("reaches the twelve-hour cap before the last attempt", () => {
    expect(retryDelay(MAX_ATTEMPTS - 1, () => 0)).toBe(12 * HOUR);
  });
});
