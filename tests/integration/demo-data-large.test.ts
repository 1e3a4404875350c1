import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { clock } from "~/utils/clock.server";
import { DEMO_INVARIANTS, violations } from "../support/demo-invariants";
import { seedDemo } from "../../scripts/seed/demo";

// The benchmark's data set is written straight in for speed, with the times the areas would
// have written: it obeys the same rules as the demo.

// 10 December 2026, 16:00 in Lagos: after the day's step release.
const SEEDED_AT = Date.UTC(2026, 11, 10, 15, 0);

const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

beforeAll(async () => {
  clock.set(SEEDED_AT);
  await seedDemo(db, { large: true });
});
afterAll(() => clock.set(null));

describe("the large data set obeys the rules real data obeys", () => {
  it.each(DEMO_INVARIANTS)("$rule", ({ sql }) => {
    expect(violations(sql, SEEDED_AT)).toEqual([]);
  });

  it("is as large as the benchmarks expect", () => {
    expect(count("select count(*) as n from events")).toBe(409);
    expect(count("select count(*) as n from registrations")).toBeGreaterThan(29_000);
    expect(count("select count(*) as n from cohorts")).toBe(21);
    expect(count("select count(*) as n from mentor_profiles")).toBe(107);
    expect(count("select count(*) as n from mentee_profiles")).toBe(501);
    expect(count("select count(*) as n from donations")).toBe(5013);
  });
});
