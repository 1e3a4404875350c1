import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { cohortMembers, events, registrations } from "~db/schema";
import { action as dashboardAction } from "~/routes/admin.cohorts.$id._index";
import { action as joinAction, loader as joinLoader } from "~/routes/join.$code";
import { loader as joinIndex } from "~/routes/join._index";
import { clock, DAY } from "~/utils/clock.server";
import { randomId } from "~/utils/ids.server";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { installTestCurriculum, join, makeCohort, queued } from "../support/programme-factories";
import { runRoute } from "../support/route-results";
import { insertUser } from "~/modules/auth/index.server";
import { findCohort, cohortGrid, addEventAttendees, inviteToCohort, joinCohort } from "~/modules/cohorts/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { eventsWithCheckIns } from "~/modules/events/index.server";

let organiser: TestUser;
let curriculumId: string;

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos" });
  clock.set(Date.UTC(2026, 10, 20));
  organiser = await createUser({ name: "Org Aniser", roles: ["organiser"] });
  curriculumId = installTestCurriculum();
});

afterAll(() => clock.set(null));

const codeOf = (cohortId: string) => findCohort(cohortId)!.cohort.joinCode;
const via = (cohortId: string, userId: string) =>
  db.select({ via: cohortMembers.joinedVia }).from(cohortMembers).where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId))).get()?.via;

describe("joining by code or link", () => {
  it("shows the cohort to anyone, asks visitors to log in, and joins a signed-in person with the Join button", async () => {
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", name: "Yaba December" });
    const code = codeOf(cohortId);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const anonymous = await runRoute(() => joinLoader(routeArgs({ request: getRequest(`/join/${code}`), params: { code }, context: loadContext() })));
    expect(anonymous.data).toMatchObject({ state: "anonymous", cohort: { name: "Yaba December", id: null }, placesLeft: 30 });

    const person = await createUser();
    const cookie = signIn(person.id).cookieHeader;
    // Codes are typed any old way on a phone.
    const typed = code.toLowerCase().replace(/(.{4})/, "$1-");
    const found = await runRoute(() => joinIndex(routeArgs({ request: getRequest(`/join?code=${encodeURIComponent(typed)}`), params: {}, context: loadContext() })));
    expect(found.headers.get("location")).toBe(`/join/${code}`);
    const empty = await runRoute(() => joinAction(routeArgs({ request: formRequest(`/join/${code}`, {}, { cookie }), params: { code }, context: loadContext() })));
    expect(empty.status).toBe(400);
    const joined = await runRoute(() => joinAction(routeArgs({ request: formRequest(`/join/${code}`, { intent: "join" }, { cookie }), params: { code }, context: loadContext() })));
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe("/me/programme");
    expect(via(cohortId, person.id)).toBe("code");
    const again = await runRoute(() => joinLoader(routeArgs({ request: getRequest(`/join/${code}`, { cookie }), params: { code }, context: loadContext() })));
    expect(again.data).toMatchObject({ state: "member", cohort: { id: cohortId }, placesLeft: 29 });
  });

  it("answers 404 for a code that names no cohort", async () => {
    const result = await runRoute(() => joinLoader(routeArgs({ request: getRequest("/join/ZZZZZZZZ"), params: { code: "ZZZZZZZZ" }, context: loadContext() })));
    expect(result.status).toBe(404);
  });

  it("never goes over capacity", async () => {
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", capacity: 2 });
    const people = await Promise.all([createUser(), createUser(), createUser()]);
    const outcomes = people.map((p) => joinCohort({ user: p, cohortId })).map((o) => (o.ok ? o.status : o.code));
    expect(outcomes).toEqual(["joined", "joined", "full"]);
    const code = codeOf(cohortId);
    const page = await runRoute(() => joinLoader(routeArgs({ request: getRequest(`/join/${code}`, { cookie: signIn(people[2].id).cookieHeader }), params: { code }, context: loadContext() })));
    expect(page.data).toMatchObject({ state: "full", placesLeft: 0 });
  });
});

describe("invitations", () => {
  it("email the join link, and joining with the invited address counts as an invitation", async () => {
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", name: "Invited cohort" });
    const invitee = await createUser({ email: "invitee-one@example.org" });
    const member = await createUser();
    join(member, cohortId);
    const result = await runRoute(() =>
      dashboardAction(routeArgs({
        request: formRequest(`/admin/cohorts/${cohortId}`, { intent: "invite", emails: `Invitee-One@example.org, ${member.email}\nnew-person@example.org` }, { cookie: signIn(organiser.id).cookieHeader }),
        params: { id: cohortId },
        context: loadContext(),
      })),
    );
    expect(result.status).toBe(302);
    const sent = queued("invitee-one@example.org", "cohort-invitation");
    expect(sent).toHaveLength(1);
    expect(sent[0].props).toMatchObject({ cohortName: "Invited cohort", inviterName: "Org Aniser", url: `http://localhost:3000/join/${codeOf(cohortId)}` });
    expect(queued("new-person@example.org", "cohort-invitation")).toHaveLength(1);
    expect(queued(member.email, "cohort-invitation")).toHaveLength(0);
    join(invitee, cohortId);
    expect(via(cohortId, invitee.id)).toBe("invitation");
  });

  it("refuse text that is not a list of addresses", async () => {
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01" });
    const result = await runRoute(() =>
      dashboardAction(routeArgs({
        request: formRequest(`/admin/cohorts/${cohortId}`, { intent: "invite", emails: "someone, not-an-address" }, { cookie: signIn(organiser.id).cookieHeader }),
        params: { id: cohortId },
        context: loadContext(),
      })),
    );
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data)).toContain("is not an email address");
    expect(inviteToCohort({ actor: organiser, cohortId, emails: [] }).invited).toEqual([]);
  });
});

describe("adding an event's attendees", () => {
  it("adds only people who checked in, within capacity, and tells each one", async () => {
    const eventId = randomId(16);
    const now = clock.now();
    db.insert(events).values({ id: eventId, slug: `event-${eventId}`, kind: "workshop", title: "Resilience workshop", startsAt: now - DAY, endsAt: now - DAY + 3 * 3_600_000, capacity: 10, status: "published", createdAt: now, updatedAt: now }).run();
    const people: TestUser[] = [];
    for (let i = 0; i < 4; i++) {
      const person = await createUser({ name: `Attendee ${i}` });
      people.push(person);
      db.insert(registrations)
        .values({ id: randomId(16), eventId, userId: person.id, status: "confirmed", checkInToken: randomId(16), shortCode: `C${i}`, checkedInAt: i < 3 ? now - DAY + i : null, createdAt: now, updatedAt: now })
        .run();
    }
    const quiet = randomId(16);
    db.insert(events).values({ id: quiet, slug: `event-${quiet}`, kind: "seminar", title: "Nobody checked in", startsAt: now - 2 * DAY, endsAt: now - 2 * DAY + 3_600_000, capacity: 10, status: "published", createdAt: now, updatedAt: now }).run();
    expect(eventsWithCheckIns().map((e) => e.title)).toEqual(["Resilience workshop"]);
    const cohortId = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-12-01", capacity: 3 });
    join(people[0], cohortId);
    const filler = await createUser();
    join(filler, cohortId);
    const result = addEventAttendees({ actor: organiser, cohortId, eventId });
    expect(result).toEqual({ added: 1, already: 1, noRoom: 1 });
    expect(via(cohortId, people[1].id)).toBe("event");
    expect(via(cohortId, people[2].id)).toBeUndefined();
    expect(via(cohortId, people[3].id)).toBeUndefined();
    expect(queued(people[1].email, "cohort-invitation")[0].props).toMatchObject({ added: true, url: "http://localhost:3000/me/programme" });
  });
});

describe("the cohort dashboard", () => {
  it("reads a cohort of 50 with the same few queries as a cohort of 2: no query per member or step", async () => {
    const small = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-11-01" });
    const large = makeCohort({ actorId: organiser.id, curriculumId, startDate: "2026-11-01", capacity: 60 });
    // Accounts straight in the table: no password hashing needed for this count.
    const person = (i: number) => {
      const email = `grid-${i}-${randomId(4)}@example.org`;
      return { id: insertUser(db, { email, name: `Grid ${i}`, passwordHash: "not-used", roles: ["participant"] }), email };
    };
    for (let i = 0; i < 2; i++) join(person(i), small);
    for (let i = 0; i < 50; i++) join(person(i), large);
    const count = (cohortId: string) => {
      const client = db.$client;
      const original = client.prepare.bind(client);
      let queries = 0;
      client.prepare = ((source: string) => {
        queries += 1;
        return original(source);
      }) as typeof client.prepare;
      try {
        const grid = cohortGrid(findCohort(cohortId)!.cohort);
        return { queries, members: grid.members.length, cells: grid.members[0].cells };
      } finally {
        client.prepare = original as typeof client.prepare;
      }
    };
    const a = count(small);
    const b = count(large);
    expect(b.members).toBe(50);
    expect(b.cells).toEqual(["open", "open", "open"]);
    expect(b.queries).toBe(a.queries);
    expect(b.queries).toBeLessThanOrEqual(5);
  });
});
