import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, userRoles } from "~db/schema";
import { loader as doorEventsLoader } from "~/routes/door._index";
import { action as doorAction, loader as doorLoader } from "~/routes/door.$eventId._index";
import { action as doorTicketAction, loader as doorTicketLoader } from "~/routes/door.$eventId.$token";
import { loader as adminCheckInLoader } from "~/routes/admin.events.$id.check-in._index";
import { loader as adminEventLoader } from "~/routes/admin.events.$id._index";
import { action as doorTeamAction, loader as doorTeamLoader } from "~/routes/admin.events.$id.door-team";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { assignDoorVolunteer, doorAssignmentsOf, eventsForDoor, mayCheckIn, registerForEvent, removeDoorAssignment } from "~/modules/events/index.server";
import { createUser, formRequest, getRequest, loadContext, signIn, routeArgs, type TestUser } from "../support/factories";
import { createTestEvent, registrationOf } from "../support/event-factories";
import { runRoute } from "../support/route-results";

const T0 = Date.UTC(2026, 10, 25, 9, 0);

let organiser: TestUser;
let organiserCookie: string;

beforeAll(async () => {
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

const rolesOf = (userId: string) => db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all().map((r) => r.role);
const userOf = async (name: string) => {
  const user = await createUser({ name, roles: ["participant"] });
  return { ...user, roles: rolesOf(user.id) };
};
const asVolunteer = (user: TestUser) => ({ id: user.id, roles: rolesOf(user.id) });

describe("assigning door volunteers", () => {
  it("gives the door role once, per event or for every event, audited, and lets them check in only there", async () => {
    const [ours, other] = [createTestEvent(), createTestEvent()];
    const volunteer = await userOf("Tola Volunteer");
    expect(mayCheckIn(asVolunteer(volunteer), ours.id)).toBe(false);

    const first = assignDoorVolunteer(undefined, { userId: volunteer.id, eventId: ours.id, actorId: organiser.id });
    expect(first).toMatchObject({ ok: true, added: true });
    expect(assignDoorVolunteer(undefined, { userId: volunteer.id, eventId: ours.id, actorId: organiser.id })).toMatchObject({ ok: true, added: false });
    expect(rolesOf(volunteer.id)).toEqual(expect.arrayContaining(["participant", "door"]));
    expect(db.select().from(auditLog).where(and(eq(auditLog.targetId, volunteer.id), eq(auditLog.action, "door.assigned"))).all()).toHaveLength(1);
    expect(db.select().from(auditLog).where(and(eq(auditLog.targetId, volunteer.id), eq(auditLog.action, "role.changed"))).all()).toHaveLength(1);

    expect(mayCheckIn(asVolunteer(volunteer), ours.id)).toBe(true);
    expect(mayCheckIn(asVolunteer(volunteer), other.id)).toBe(false);
    expect(eventsForDoor(asVolunteer(volunteer)).map((e) => e.id)).toEqual([ours.id]);
    expect(doorAssignmentsOf(ours.id).map((row) => row.name)).toContain("Tola Volunteer");
    expect(doorAssignmentsOf(other.id).map((row) => row.userId)).not.toContain(volunteer.id);

    // The role alone reaches nothing: it is the assignment that opens an event's door.
    const removed = removeDoorAssignment({ id: first.ok ? first.id : "", eventId: other.id, actorId: organiser.id });
    expect(removed).toMatchObject({ ok: false, code: "not-found" });
    expect(removeDoorAssignment({ id: first.ok ? first.id : "", eventId: ours.id, actorId: organiser.id })).toEqual({ ok: true });
    expect(mayCheckIn(asVolunteer(volunteer), ours.id)).toBe(false);
    expect(eventsForDoor(asVolunteer(volunteer))).toEqual([]);
  });

  it("for every event opens every current event's door, and lists them soonest first, past ones left out", async () => {
    const later = createTestEvent({ startsAt: T0 + 3 * DAY });
    const sooner = createTestEvent({ startsAt: T0 + HOUR });
    const longOver = createTestEvent({ startsAt: T0 - 3 * DAY });
    const draft = createTestEvent({ status: "draft" });
    const volunteer = await userOf("Ife Everywhere");
    assignDoorVolunteer(undefined, { userId: volunteer.id, eventId: null, actorId: organiser.id });
    expect(mayCheckIn(asVolunteer(volunteer), later.id)).toBe(true);
    const listed = eventsForDoor(asVolunteer(volunteer)).map((e) => e.id);
    expect(listed.indexOf(sooner.id)).toBeLessThan(listed.indexOf(later.id));
    expect(listed).not.toContain(longOver.id);
    expect(listed).not.toContain(draft.id);
    expect(doorAssignmentsOf(later.id).find((row) => row.userId === volunteer.id)).toMatchObject({ everyEvent: true });
  });

  it("needs the door role too: taking it away closes every door", async () => {
    const event = createTestEvent();
    const volunteer = await userOf("Kunle Former");
    assignDoorVolunteer(undefined, { userId: volunteer.id, eventId: event.id, actorId: organiser.id });
    db.delete(userRoles).where(and(eq(userRoles.userId, volunteer.id), eq(userRoles.role, "door"))).run();
    expect(mayCheckIn(asVolunteer(volunteer), event.id)).toBe(false);
  });
});

describe("the door pages", () => {
  it("let a volunteer check a person in at their event, recorded as theirs, and refuse other events and the console", async () => {
    const [ours, other] = [createTestEvent({ title: "Door workshop" }), createTestEvent()];
    const attendee = await userOf("Chiamaka Attendee");
    const elsewhere = await userOf("Musa Elsewhere");
    registerForEvent(attendee.id, ours.id, {});
    registerForEvent(elsewhere.id, other.id, {});
    const volunteer = await userOf("Tola Door");
    assignDoorVolunteer(undefined, { userId: volunteer.id, eventId: ours.id, actorId: organiser.id });
    const cookie = signIn(volunteer.id).cookieHeader;
    const args = (path: string, params: Record<string, string>, form?: Record<string, string>) =>
      routeArgs({ request: form ? formRequest(path, form, { cookie }) : getRequest(path, { cookie }), params, context: loadContext() });

    const list = await runRoute(() => doorEventsLoader(args("/door", {})));
    expect(list.data).toMatchObject({ events: [{ id: ours.id, title: "Door workshop" }] });
    expect((await runRoute(() => doorLoader(args(`/door/${ours.id}`, { eventId: ours.id })))).status).toBe(200);

    const { shortCode } = registrationOf(ours.id, attendee.id)!;
    const byCode = await runRoute(() => doorAction(args(`/door/${ours.id}`, { eventId: ours.id }, { intent: "code", shortCode, q: "" })));
    expect(byCode.status).toBe(302);
    expect(byCode.headers.get("location")).toBe(`/door/${ours.id}`);
    expect(registrationOf(ours.id, attendee.id)).toMatchObject({ checkedInAt: T0, checkedInBy: volunteer.id });

    // Another event: neither its desk nor its tickets, and nobody there is checked in.
    expect((await runRoute(() => doorLoader(args(`/door/${other.id}`, { eventId: other.id })))).status).toBe(403);
    const theirs = registrationOf(other.id, elsewhere.id)!;
    const ticketParams = { eventId: other.id, token: theirs.checkInToken };
    expect((await runRoute(() => doorTicketLoader(args(`/door/${other.id}/${theirs.checkInToken}`, ticketParams)))).status).toBe(403);
    expect((await runRoute(() => doorTicketAction(args(`/door/${other.id}/${theirs.checkInToken}`, ticketParams, { intent: "check-in" })))).status).toBe(403);
    expect(registrationOf(other.id, elsewhere.id)!.checkedInAt).toBeNull();
    expect((await runRoute(() => doorLoader(args("/door/no-such-event", { eventId: "no-such-event" })))).status).toBe(404);

    // The console stays closed, even for the event they work at.
    expect((await runRoute(() => adminCheckInLoader(args(`/admin/events/${ours.id}/check-in`, { id: ours.id })))).status).toBe(403);
    expect((await runRoute(() => adminEventLoader(args(`/admin/events/${ours.id}`, { id: ours.id })))).status).toBe(403);
    expect((await runRoute(() => doorTeamLoader(args(`/admin/events/${ours.id}/door-team`, { id: ours.id })))).status).toBe(403);
  });

  it("check a person in from their ticket's QR link, and refuse anyone who is not on the team", async () => {
    const event = createTestEvent();
    const attendee = await userOf("Ngozi Ticket");
    registerForEvent(attendee.id, event.id, {});
    const { checkInToken } = registrationOf(event.id, attendee.id)!;
    const path = `/door/${event.id}/${checkInToken}`;
    const params = { eventId: event.id, token: checkInToken };
    const outsider = signIn((await userOf("Not Door")).id).cookieHeader;
    expect((await runRoute(() => doorTicketLoader(routeArgs({ request: getRequest(path, { cookie: outsider }), params, context: loadContext() })))).status).toBe(403);
    expect((await runRoute(() => doorEventsLoader(routeArgs({ request: getRequest("/door", { cookie: outsider }), params: {}, context: loadContext() })))).status).toBe(403);

    const volunteer = await userOf("Bola Door");
    assignDoorVolunteer(undefined, { userId: volunteer.id, eventId: event.id, actorId: organiser.id });
    const cookie = signIn(volunteer.id).cookieHeader;
    const shown = await runRoute(() => doorTicketLoader(routeArgs({ request: getRequest(path, { cookie }), params, context: loadContext() })));
    expect(shown.data).toMatchObject({ ticket: { name: "Ngozi Ticket", presentAt: null } });
    const marked = await runRoute(() => doorTicketAction(routeArgs({ request: formRequest(path, { intent: "check-in" }, { cookie }), params, context: loadContext() })));
    expect(marked.headers.get("location")).toBe(path);
    expect(registrationOf(event.id, attendee.id)).toMatchObject({ checkedInBy: volunteer.id });
  });
});

describe("the organiser's door team page", () => {
  it("adds an existing account by email at once, and removes", async () => {
    const event = createTestEvent();
    const volunteer = await userOf("Emeka Helper");
    const path = `/admin/events/${event.id}/door-team`;
    const post = (form: Record<string, string>) =>
      runRoute(() => doorTeamAction(routeArgs({ request: formRequest(path, form, { cookie: organiserCookie }), params: { id: event.id }, context: loadContext() })));

    const invalid = await post({ intent: "add", email: "not an address" });
    expect(invalid.status).toBe(400);

    expect((await post({ intent: "add", email: volunteer.email.toUpperCase() })).status).toBe(302);
    expect(mayCheckIn(asVolunteer(volunteer), event.id)).toBe(true);
    const team = await runRoute(() => doorTeamLoader(routeArgs({ request: getRequest(path, { cookie: organiserCookie }), params: { id: event.id }, context: loadContext() })));
    const member = (team.data as { team: { id: string; name: string }[] }).team.find((row) => row.name === "Emeka Helper")!;
    expect(member).toBeDefined();

    expect((await post({ intent: "remove", id: member.id })).status).toBe(302);
    expect(mayCheckIn(asVolunteer(volunteer), event.id)).toBe(false);
  });
});
