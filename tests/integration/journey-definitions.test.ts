import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { certificates, cohortMembers, eventSeries, mentorships, outcomes, registrations, users, type OutcomeKind } from "~db/schema";
import { stageCounts, suppressed, type Scope, type Stage } from "~/modules/journey/index.server";
import { clock, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createUser, type TestUser } from "../support/factories";
import { createTestEvent } from "../support/event-factories";
import { installTestCurriculum, makeCohort } from "../support/programme-factories";

// A hand-built world where the right answer to every figure is known (ADR 0038). The period is the
// first quarter of 2026 in Lagos (UTC+1): [1 January 00:00, 1 April 00:00) local time.

const lagos = (year: number, month: number, day: number, hour = 0) => Date.UTC(year, month - 1, day, hour) - HOUR;
const Q1: Scope = { from: lagos(2026, 1, 1), to: lagos(2026, 4, 1) };
const Q2: Scope = { from: lagos(2026, 4, 1), to: lagos(2026, 7, 1) };

const expected = (values: number[]) =>
  Object.fromEntries((["registered", "attended", "joined", "finished", "matched", "reported", "placed"] as Stage[]).map((s, i) => [s, values[i]]));

const ids = { seriesId: "", e1: "", e3: "", c1: "", c2: "" };
const person: Record<string, TestUser> = {};

function register(eventId: string, userId: string, status: "confirmed" | "waitlisted" | "cancelled", checkedInAt: number | null = null) {
  const at = lagos(2025, 12, 1);
  db.insert(registrations)
    .values({ id: randomId(16), eventId, userId, status, checkInToken: randomId(16), shortCode: randomId(3), checkedInAt, createdAt: at, updatedAt: at })
    .run();
}

function member(cohortId: string, userId: string, joinedAt: number) {
  const id = randomId(16);
  db.insert(cohortMembers).values({ id, cohortId, userId, joinedAt, joinedVia: "code" }).run();
  return id;
}

function certificate(memberId: string, userId: string, completedAt: number) {
  db.insert(certificates)
    .values({ id: randomId(16), memberId, userId, recipientName: "N", curriculumTitle: "T", cohortName: "C", organisationName: "O", completedAt })
    .run();
}

function mentorship(menteeId: string, status: "proposed" | "declined" | "active" | "ended", startedAt: number | null) {
  db.insert(mentorships)
    .values({ id: randomId(16), mentorId: person.mentor!.id, menteeId, source: "request", status, createdAt: lagos(2025, 12, 1), startedAt })
    .run();
}

function outcome(userId: string, kind: OutcomeKind, recordedAt: number) {
  db.insert(outcomes).values({ id: randomId(16), userId, kind, source: "self", recordedAt }).run();
}

beforeAll(async () => {
  clock.set(lagos(2025, 11, 1));
  for (const name of ["a", "b", "c", "d", "e", "f", "g", "h", "mentor"]) person[name] = await createUser({ name });
  const organiser = await createUser({ roles: ["organiser"] });
  const birth = (who: string, date: string) => db.update(users).set({ birthDate: date }).where(eq(users.id, person[who]!.id)).run();
  birth("a", "2008-04-01"); // 17 on 31 March: a birthday the next day does not count yet
  birth("d", "2008-03-31"); // 18 on 31 March
  birth("e", "1990-01-01");

  ids.seriesId = randomId(16);
  db.insert(eventSeries).values({ id: ids.seriesId, intervalDays: 7, occurrences: 2, createdAt: clock.now() }).run();
  ids.e1 = createTestEvent({ startsAt: lagos(2026, 2, 1, 10), seriesId: ids.seriesId }).id;
  ids.e3 = createTestEvent({ startsAt: Q1.from, seriesId: ids.seriesId }).id; // the first instant is inside
  const e2 = createTestEvent({ startsAt: Q1.to }).id; // the end is outside
  const e0 = createTestEvent({ startsAt: Q1.from - 60_000 }).id;
  const curriculumId = installTestCurriculum();
  ids.c1 = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-02-01", name: "C1" });
  ids.c2 = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-01-05", name: "C2" });
  const { a, b, c, d, e, f, g, h } = person as Record<string, TestUser>;

  // A: every stage.
  register(ids.e1, a!.id, "confirmed", lagos(2026, 2, 1, 10));
  certificate(member(ids.c1, a!.id, lagos(2026, 2, 2)), a!.id, lagos(2026, 3, 20));
  mentorship(a!.id, "active", lagos(2026, 3, 1));
  outcome(a!.id, "job", lagos(2026, 3, 25));
  // B: a cancelled registration does not count; a waitlisted one for the event on the first instant does.
  register(ids.e1, b!.id, "cancelled");
  register(ids.e3, b!.id, "waitlisted");
  // C: events starting at the period's end and just before its start fall outside; C attends in Q2.
  register(e2, c!.id, "confirmed", Q1.to + HOUR);
  register(e0, c!.id, "confirmed", Q1.from - 60_000);
  // D: registered but not checked in; a member without a certificate; mentorships proposed and
  // declined; a job and then "searching" is not placed.
  register(ids.e1, d!.id, "confirmed");
  member(ids.c1, d!.id, lagos(2026, 2, 3));
  mentorship(d!.id, "proposed", null);
  mentorship(d!.id, "declined", null);
  outcome(d!.id, "job", lagos(2026, 2, 10));
  outcome(d!.id, "searching", lagos(2026, 3, 10));
  // E: another cohort, finished; a mentorship that ended; searching then study is placed; a job
  // recorded at the period's end belongs to Q2.
  certificate(member(ids.c2, e!.id, lagos(2026, 1, 5)), e!.id, lagos(2026, 2, 20));
  mentorship(e!.id, "ended", lagos(2026, 2, 21));
  outcome(e!.id, "searching", lagos(2026, 1, 10));
  outcome(e!.id, "study", lagos(2026, 3, 1));
  outcome(e!.id, "job", Q1.to);
  // F: everything before the period.
  member(ids.c2, f!.id, lagos(2025, 12, 20));
  outcome(f!.id, "job", lagos(2025, 12, 21));
  // G: searching in Q1, a job in Q2.
  outcome(g!.id, "searching", lagos(2026, 2, 15));
  outcome(g!.id, "job", lagos(2026, 5, 1));
  // H: a mentorship starting on the first instant.
  mentorship(h!.id, "active", Q1.from);
});

describe("the journey's stages (ADR 0038)", () => {
  it("counts each stage on the hand-built data set", () => {
    expect(stageCounts(Q1)).toEqual(expected([3, 1, 3, 2, 3, 4, 2]));
  });

  it("counts the next period on its own", () => {
    expect(stageCounts(Q2)).toEqual(expected([1, 1, 0, 0, 0, 2, 2]));
  });

  it("narrows to the members of chosen cohorts, and their stages in those cohorts", () => {
    expect(stageCounts({ ...Q1, cohortIds: [ids.c1] })).toEqual(expected([2, 1, 2, 1, 1, 2, 1]));
    expect(stageCounts({ ...Q1, cohortIds: [ids.c2] })).toEqual(expected([0, 0, 1, 1, 1, 1, 1]));
  });

  it("narrows to people registered for a series, and their registrations in it", () => {
    expect(stageCounts({ ...Q1, seriesIds: [ids.seriesId] })).toEqual(expected([3, 1, 2, 1, 1, 2, 1]));
  });

  it("narrows to an age band on the period's last day", () => {
    expect(stageCounts({ ...Q1, ageBand: "under-18" })).toEqual(expected([1, 1, 1, 1, 1, 1, 1]));
    expect(stageCounts({ ...Q1, ageBand: "18-24" })).toEqual(expected([1, 0, 1, 0, 0, 1, 0]));
    expect(stageCounts({ ...Q1, ageBand: "35-plus" })).toEqual(expected([0, 0, 1, 1, 1, 1, 1]));
    expect(stageCounts({ ...Q1, ageBand: "25-34" })).toEqual(expected([0, 0, 0, 0, 0, 0, 0]));
  });

  it("narrows to the people a campaign's events and cohorts reached", () => {
    expect(stageCounts({ ...Q1, reachedThrough: { eventIds: [ids.e3], cohortIds: [ids.c2] } })).toEqual(expected([1, 0, 1, 1, 1, 1, 1]));
    expect(stageCounts({ ...Q1, reachedThrough: { eventIds: [], cohortIds: [] } })).toEqual(expected([0, 0, 0, 0, 0, 0, 0]));
  });

  it("suppresses 1 to 4 people and shows none and 5 or more", () => {
    expect([0, 1, 4, 5, 12].map(suppressed)).toEqual([0, null, null, 5, 12]);
  });
});
