import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { deferUntil, quietHoursEnd } from "~/modules/outbox/quiet-hours.server";

const lagos = { timeZone: "Africa/Lagos", quietHoursStart: 21, quietHoursEnd: 7 };
const at = (day: number, hour: number, minute = 0) => new TZDate(2026, 11, day, hour, minute, 0, "Africa/Lagos").getTime();

describe("quiet hours", () => {
  it("are on from 21:00 to 07:00 local, across midnight, and end at the next 07:00", () => {
    expect(quietHoursEnd(at(3, 20, 59), lagos)).toBeNull();
    expect(quietHoursEnd(at(3, 21, 0), lagos)).toBe(at(4, 7));
    expect(quietHoursEnd(at(3, 23, 30), lagos)).toBe(at(4, 7));
    expect(quietHoursEnd(at(4, 3, 0), lagos)).toBe(at(4, 7));
    expect(quietHoursEnd(at(4, 7, 0), lagos)).toBeNull();
  });

  it("hold a reminder for the morning, unless the event comes sooner", () => {
    expect(deferUntil(at(3, 22), lagos, at(4, 10))).toBe(at(4, 7));
    expect(deferUntil(at(3, 22), lagos, null)).toBe(at(4, 7));
    expect(deferUntil(at(3, 22), lagos, at(4, 6, 30))).toBeNull();
    expect(deferUntil(at(3, 12), lagos, at(4, 10))).toBeNull();
  });

  it("can sit inside one day, or be switched off with the same hour twice", () => {
    const afternoon = { timeZone: "Africa/Lagos", quietHoursStart: 13, quietHoursEnd: 15 };
    expect(quietHoursEnd(at(3, 14), afternoon)).toBe(at(3, 15));
    expect(quietHoursEnd(at(3, 16), afternoon)).toBeNull();
    expect(quietHoursEnd(at(3, 23), { ...lagos, quietHoursEnd: 21 })).toBeNull();
  });

  it("follow the organisation's own zone, not the server's", () => {
    const london = { timeZone: "Europe/London", quietHoursStart: 21, quietHoursEnd: 7 };
    // 21:30 in Lagos is 20:30 in London in December: quiet in one, not the other.
    expect(quietHoursEnd(at(3, 21, 30), lagos)).not.toBeNull();
    expect(quietHoursEnd(at(3, 21, 30), london)).toBeNull();
  });
});
