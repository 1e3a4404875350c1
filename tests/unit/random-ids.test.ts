import { describe, expect, it } from "vitest";
import { randomBytes, randomId } from "~/utils/ids.server";

// Ids and nonces come from one pool of CSPRNG bytes; no byte is handed out twice.

describe("random bytes from the pool", () => {
  it("gives the length asked for, and across many refills never the same value twice", () => {
    const seen = new Set<string>();
    // 16 bytes × 2,000 is several refills of the 4 KiB pool.
    for (let i = 0; i < 2_000; i++) {
      const bytes = randomBytes(16);
      expect(bytes).toHaveLength(16);
      seen.add(Buffer.from(bytes).toString("hex"));
    }
    expect(seen.size).toBe(2_000);
  });

  it("hands out copies: changing one changes neither the pool nor the next", () => {
    const first = randomBytes(8);
    first.fill(0);
    const next = randomBytes(8);
    expect(next.some((byte) => byte !== 0)).toBe(true);
  });

  it("looks uniform: every byte value turns up, none far more often than the rest", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 1_000; i++) for (const byte of randomBytes(64)) counts[byte]!++;
    // 64,000 bytes: 250 expected per value; the bounds are over 10 standard deviations wide.
    expect(Math.min(...counts)).toBeGreaterThan(90);
    expect(Math.max(...counts)).toBeLessThan(410);
  });

  it("serves more than a pool at once, and ids of the asked strength", () => {
    expect(randomBytes(10_000)).toHaveLength(10_000);
    expect(randomId(20)).toMatch(/^[a-z2-7]{32}$/);
    expect(randomId()).not.toBe(randomId());
  });
});
