import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { curriculumSteps, events, eventSeries } from "~db/schema";
import { cancelRegistration, checkIn, eventAudience, registerForEvent } from "~/modules/events/index.server";
import { cohortMembersAudience, saveAnswer, stuckOnStepAudience } from "~/modules/cohorts/index.server";
import { eraseOnRequest } from "~/modules/privacy/index.server";
import type { Recipient } from "~/modules/outbox/index.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createUser, type TestUser } from "../support/factories";
import { createTestEvent, registrationOf } from "../support/event-factories";
import { installTestCurriculum, join, makeCohort } from "../support/programme-factories";

let organiser: TestUser;

beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
});

afterAll(() => clock.set(null));

const names = (people: Recipient[]) => people.map((person) => person.name).sort();

function book(person: TestUser, eventId: string) {
  const outcome = registerForEvent(person.id, eventId, {});
  if (!outcome.ok) throw new Error(outcome.message);
}

function checkInPerson(person: TestUser, eventId: string) {
  expect(checkIn({ eventId, by: organiser.id, registrationId: registrationOf(eventId, person.id)!.id })).toMatchObject({ ok: true });
}

const START = Date.UTC(2027, 2, 6, 9); // A Saturday, 10:00 in Lagos.

describe("an event's groups", () => {
  it("are the confirmed, the waiting, the checked in and (once it is over) those who did not come; never erased accounts", async () => {
    clock.set(START - 7 * DAY);
    const event = createTestEvent({ startsAt: START, endsAt: START + 3 * HOUR, capacity: 4 });
    const [ada, bola, efe, femi, chidi, dayo] = await Promise.all(["Ada", "Bola", "Efe", "Femi", "Chidi", "Dayo"].map((name) => createUser({ name })));
    // A minute apart, so the waiting list's order is the booking order.
    for (const person of [ada, bola, efe, femi, chidi, dayo]) {
      book(person, event.id);
      clock.advance(60_000);
    }
    // Efe gives up her seat: Chidi, first in line, is offered it; Dayo still waits.
    expect(cancelRegistration(efe.id, registrationOf(event.id, efe.id)!.id)).toMatchObject({ ok: true });
    expect(registrationOf(event.id, chidi.id)!.status).toBe("offered");

    expect(names(eventAudience({ eventId: event.id }, "registered"))).toEqual(["Ada", "Bola", "Femi"]);
    expect(names(eventAudience({ eventId: event.id }, "waitlisted"))).toEqual(["Chidi", "Dayo"]);

    clock.set(START + HOUR);
    checkInPerson(ada, event.id);
    checkInPerson(femi, event.id);
    expect(names(eventAudience({ eventId: event.id }, "checked-in"))).toEqual(["Ada", "Femi"]);
    // While it is still on, nobody has failed to come yet.
    expect(eventAudience({ eventId: event.id }, "no-show")).toEqual([]);

    clock.set(START + 3 * HOUR);
    expect(eventAudience({ eventId: event.id }, "no-show")).toEqual([{ userId: bola.id, email: bola.email, name: "Bola" }]);

    expect(eraseOnRequest({ actorId: organiser.id, userId: femi.id, reason: "Asked at the door" })).toMatchObject({ ok: true });
    expect(names(eventAudience({ eventId: event.id }, "checked-in"))).toEqual(["Ada"]);
    expect(names(eventAudience({ eventId: event.id }, "registered"))).toEqual(["Ada", "Bola"]);

    // A cancelled event had no door to come through.
    db.update(events).set({ status: "cancelled" }).where(eq(events.id, event.id)).run();
    expect(eventAudience({ eventId: event.id }, "no-show")).toEqual([]);
  });

  it("of a series count each person once, from any of its sessions", async () => {
    clock.set(START - 7 * DAY);
    const seriesId = randomId(12);
    db.insert(eventSeries).values({ id: seriesId, intervalDays: 7, occurrences: 2, createdAt: clock.now() }).run();
    const first = createTestEvent({ startsAt: START, endsAt: START + 2 * HOUR, seriesId, seriesPosition: 1 });
    const second = createTestEvent({ startsAt: START + 7 * DAY, endsAt: START + 7 * DAY + 2 * HOUR, seriesId, seriesPosition: 2 });
    const other = createTestEvent({ startsAt: START, endsAt: START + 2 * HOUR });
    const [both, secondOnly, elsewhere] = await Promise.all(["Both Sessions", "Second Only", "Elsewhere"].map((name) => createUser({ name })));
    book(both, first.id);
    book(both, second.id);
    book(secondOnly, second.id);
    book(elsewhere, other.id);
    clock.set(START + 8 * DAY);
    for (const [person, event] of [[both, first], [both, second], [secondOnly, second], [elsewhere, other]] as const) checkInPerson(person, event.id);

    const checkedIn = eventAudience({ seriesId }, "checked-in");
    expect(names(checkedIn)).toEqual(["Both Sessions", "Second Only"]);
    expect(names(eventAudience({ eventId: first.id }, "checked-in"))).toEqual(["Both Sessions"]);
  });
});

describe("a cohort's groups", () => {
  // Steps open every two days at 09:00 in Lagos from 1 March 2027.
  const STEP1 = Date.UTC(2027, 2, 1, 8);

  it("are its members, and those whose current step has been open N days or more", async () => {
    clock.set(STEP1 - DAY);
    const curriculumId = installTestCurriculum();
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2027-03-01", schedule: { kind: "interval", everyDays: 2, hour: 9 } });
    const [one, two] = db.select({ id: curriculumSteps.id }).from(curriculumSteps).where(eq(curriculumSteps.curriculumId, curriculumId)).orderBy(asc(curriculumSteps.position)).all().map((s) => s.id);
    const [onStepTwo, onStepOne, onStepThree] = await Promise.all(["On Step Two", "On Step One", "On Step Three"].map((name) => createUser({ name })));
    const outsider = await createUser({ name: "Not A Member" });
    const members = new Map([onStepTwo, onStepOne, onStepThree].map((person) => [person.id, join(person, cohortId)]));
    const done = (person: TestUser, stepId: string) => saveAnswer({ memberId: members.get(person.id)!, stepId, answer: { values: { feeling: "ok", next: "go" } } });

    clock.set(STEP1 + 3 * DAY);
    expect(names(stuckOnStepAudience(cohortId, 1, 3))).toEqual(["On Step One", "On Step Three", "On Step Two"]);
    // Step 3 has not opened: nobody is on it yet.
    expect(stuckOnStepAudience(cohortId, 3, 1)).toEqual([]);

    clock.set(STEP1 + 4 * DAY + HOUR);
    done(onStepTwo, one);
    done(onStepThree, one);
    done(onStepThree, two);
    // Joined on day 4 and finished step 1 at once: on step 2 since joining, not since it opened.
    const lateJoiner = await createUser({ name: "Late Joiner" });
    const lateMember = join(lateJoiner, cohortId);
    saveAnswer({ memberId: lateMember, stepId: one, answer: { values: { feeling: "ok", next: "go" } } });

    clock.set(STEP1 + 5 * DAY + HOUR);
    expect(names(cohortMembersAudience(cohortId))).toEqual(["Late Joiner", "On Step One", "On Step Three", "On Step Two"]);
    expect(names(cohortMembersAudience(cohortId))).not.toContain(outsider.name);
    expect(names(stuckOnStepAudience(cohortId, 1, 5))).toEqual(["On Step One"]);
    expect(stuckOnStepAudience(cohortId, 1, 6)).toEqual([]);
    expect(names(stuckOnStepAudience(cohortId, 2, 3))).toEqual(["On Step Two"]);
    expect(names(stuckOnStepAudience(cohortId, 2, 1))).toEqual(["Late Joiner", "On Step Two"]);
    expect(names(stuckOnStepAudience(cohortId, 3, 1))).toEqual(["On Step Three"]);
    // Someone behind on step 1 is not "stuck on step 3" too: only their current step counts.
    expect(names(stuckOnStepAudience(cohortId, 3, 1))).not.toContain("On Step One");
  });
});
