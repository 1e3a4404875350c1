import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { contactBook, eventQuestions, registrations, users } from "~db/schema";
import { action as syncAction, loader as syncLoader } from "~/routes/door.$eventId.sync";
import { loader as listLoader } from "~/routes/door.$eventId.list[.json]";
import { clock, DAY, HOUR, MINUTE } from "~/utils/clock.server";
import { assignDoorVolunteer, doorListForDevice, registerForEvent, syncDoor } from "~/modules/events/index.server";
import { requestSignInCode } from "~/modules/auth/index.server";
import type { DeviceSyncReply } from "~/modules/events";
import { createUser, getRequest, signIn, routeArgs, type TestUser } from "../support/factories";
import { addQuestion, createTestEvent, emailsOf, registrationOf, registrationsOf } from "../support/event-factories";

const T0 = Date.UTC(2026, 10, 25, 9, 0);

let organiser: TestUser;
let volunteer: TestUser;
let other: TestUser;

beforeAll(async () => {
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
  volunteer = await createUser({ name: "Tola Door", roles: ["participant"] });
  other = await createUser({ name: "Bisi Door", roles: ["participant"] });
  for (const person of [volunteer, other]) assignDoorVolunteer(undefined, { userId: person.id, eventId: null, actorId: organiser.id });
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

/** An event happening now, with `seats` seats and these people registered. */
async function eventNow(seats: number, names: string[], overrides: Parameters<typeof createTestEvent>[0] = {}) {
  const event = createTestEvent({ startsAt: T0 - HOUR, endsAt: T0 + 2 * HOUR, capacity: seats, ...overrides });
  const people = [];
  for (const name of names) {
    const person = await createUser({ name, roles: ["participant"] });
    // Registration closes at the start: book an hour before it.
    clock.set(T0 - 2 * HOUR);
    registerForEvent(person.id, event.id, {});
    clock.set(T0);
    people.push({ ...person, registration: registrationOf(event.id, person.id)! });
  }
  return { event, people };
}

const json = (request: Request, cookie: string, body: unknown) =>
  new Request(request.url, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("the door list a phone keeps", () => {
  it("carries names, codes, statuses, hashed ticket tokens and only the answers marked for the door", async () => {
    const event = createTestEvent({ startsAt: T0 + HOUR });
    const diet = addQuestion(event.id, { label: "Dietary needs", kind: "text" });
    const why = addQuestion(event.id, { label: "Why are you coming?", kind: "text", required: true });
    db.update(eventQuestions).set({ atDoor: true }).where(eq(eventQuestions.id, diet.id)).run();
    const person = await createUser({ name: "Ngozi Attendee", roles: ["participant"] });
    registerForEvent(person.id, event.id, { [diet.id]: "No nuts", [why.id]: "A private reason" });
    const registration = registrationOf(event.id, person.id)!;

    const list = doorListForDevice(event.id)!;
    const [row] = list.people;
    expect(row).toMatchObject({ registrationId: registration.id, name: "Ngozi Attendee", shortCode: registration.shortCode, status: "confirmed", checkedInAt: null });
    expect(row.tokenHash).toBe(createHash("sha256").update(registration.checkInToken).digest("hex"));
    expect(JSON.stringify(list)).not.toContain(registration.checkInToken);
    expect(row.doorAnswers).toEqual([{ label: "Dietary needs", answer: "No nuts" }]);
    expect(JSON.stringify(list)).not.toContain("A private reason");
    expect(list.event.questions.map((q) => q.label)).toEqual(["Why are you coming?"]);
  });

  it("is served to the event's door team only, never cached", async () => {
    const { event } = await eventNow(5, ["Ife"]);
    const stranger = await createUser({ name: "Not On The Team", roles: ["participant"] });
    const args = (cookie: string) => routeArgs({ request: getRequest(`/door/${event.id}/list.json`, { cookie }), params: { eventId: event.id }, context: { nonce: "n", clientIp: "203.0.113.5" } });
    const response = listLoader(args(signIn(volunteer.id).cookieHeader)) as Response;
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(((await response.json()) as { people: unknown[] }).people).toHaveLength(1);
    expect(() => listLoader(args(signIn(stranger.id).cookieHeader))).toThrow();
  });
});

describe("syncing check-ins from phones", () => {
  it("lands every check-in exactly once when two phones send overlapping queues, twice, and the earliest time wins", async () => {
    const { event, people } = await eventNow(20, ["Ada", "Bola", "Chidi", "Dayo"]);
    const [ada, bola, chidi] = people;
    const phoneA = [ada, bola].map((p, i) => ({ key: `a-${i}`, registrationId: p.registration.id, at: T0 - 10 * MINUTE + i * MINUTE }));
    const phoneB = [bola, chidi].map((p, i) => ({ key: `b-${i}`, registrationId: p.registration.id, at: T0 - 20 * MINUTE + i * MINUTE }));
    syncDoor({ eventId: event.id, by: volunteer.id, sync: { checkIns: phoneA, walkIns: [] } });
    const reply = syncDoor({ eventId: event.id, by: other.id, sync: { checkIns: phoneB, walkIns: [] } })!;
    // Phone A resends its queue (its first reply was lost): nothing changes.
    syncDoor({ eventId: event.id, by: volunteer.id, sync: { checkIns: phoneA, walkIns: [] } });

    const rows = registrationsOf(event.id);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ada.registration.id)).toMatchObject({ checkedInAt: T0 - 10 * MINUTE, checkedInBy: volunteer.id });
    // Bola: phone A said nine minutes before nine, phone B twenty: phone B's earlier time stands, with its volunteer.
    expect(byId.get(bola.registration.id)).toMatchObject({ checkedInAt: T0 - 20 * MINUTE, checkedInBy: other.id });
    expect(byId.get(chidi.registration.id)).toMatchObject({ checkedInAt: T0 - 19 * MINUTE, checkedInBy: other.id });
    expect(rows.filter((row) => row.checkedInAt !== null)).toHaveLength(3);
    expect(reply.checkIns.map((r) => r.outcome)).toEqual(["done", "done"]);
    expect(reply.list.people.filter((p) => p.checkedInAt !== null)).toHaveLength(3);
  });

  it("keeps a phone's wrong clock inside the last three days, and refuses cancelled and unknown tickets by name", async () => {
    const { event, people } = await eventNow(20, ["Efe", "Femi", "Gozie"]);
    const [efe, femi, gozie] = people;
    db.update(registrations).set({ status: "cancelled" }).where(eq(registrations.id, femi.registration.id)).run();
    const reply = syncDoor({
      eventId: event.id,
      by: volunteer.id,
      sync: {
        checkIns: [
          { key: "future", registrationId: efe.registration.id, at: T0 + 5 * HOUR },
          { key: "long-ago", registrationId: gozie.registration.id, at: T0 - 30 * DAY },
          { key: "cancelled", registrationId: femi.registration.id, at: T0 },
          { key: "stranger", token: "not-a-ticket-token", at: T0 },
        ],
        walkIns: [],
      },
    })!;
    expect(registrationOf(event.id, efe.id)!.checkedInAt).toBe(T0);
    expect(registrationOf(event.id, gozie.id)!.checkedInAt).toBe(T0 - 3 * DAY);
    expect(reply.checkIns[2]).toMatchObject({ outcome: "refused", name: "Femi" });
    expect(reply.checkIns[2].outcome === "refused" && reply.checkIns[2].message).toContain("cancelled");
    expect(reply.checkIns[3]).toMatchObject({ outcome: "refused", name: null });
  });

  it("syncs 500 queued check-ins in one request", async () => {
    const event = createTestEvent({ startsAt: T0 - HOUR, endsAt: T0 + HOUR, capacity: 600 });
    const ids: string[] = [];
    db.transaction((tx) => {
      for (let i = 0; i < 500; i += 1) {
        const id = `sync500-${event.id}-${i}`;
        tx.insert(users).values({ id, email: `sync500-${event.id}-${i}@example.org`, name: `Person ${i}`, passwordHash: "!", createdAt: T0, updatedAt: T0 }).run();
        tx.insert(registrations).values({ id, eventId: event.id, userId: id, status: "confirmed", checkInToken: `tok-${id}`, shortCode: `C${i}`, createdAt: T0, updatedAt: T0, confirmedAt: T0 }).run();
        ids.push(id);
      }
    });
    const cookie = signIn(volunteer.id).cookieHeader;
    const body = { checkIns: ids.map((id, i) => ({ key: `k${i}`, registrationId: id, at: T0 - i })) };
    const request = json(getRequest(`/door/${event.id}/sync`), cookie, body);
    const response = (await syncAction(routeArgs({ request, params: { eventId: event.id }, context: { nonce: "n", clientIp: "203.0.113.5" } }))) as Response;
    expect(response.status).toBe(200);
    const reply = (await response.json()) as DeviceSyncReply;
    expect(reply.checkIns.filter((r) => r.outcome === "done")).toHaveLength(500);
    expect(registrationsOf(event.id).filter((r) => r.checkedInAt !== null)).toHaveLength(500);
  });

  it("answers junk with a 4xx, never a 5xx", async () => {
    const { event } = await eventNow(5, []);
    const cookie = signIn(volunteer.id).cookieHeader;
    const call = async (body: unknown) =>
      ((await syncAction(routeArgs({ request: json(getRequest(`/door/${event.id}/sync`), cookie, body), params: { eventId: event.id }, context: { nonce: "n", clientIp: "203.0.113.5" } }))) as Response).status;
    expect(await call("{not json")).toBe(400);
    expect(await call({ checkIns: [{ key: "x", at: -5 }] })).toBe(400);
    expect(await call({ checkIns: "everyone" })).toBe(400);
    expect((syncLoader() as Response).status).toBe(405);
  });
});

describe("walk-ins", () => {
  it("adds a person with an email once however often the phone sends it, checked in, with a welcome to claim the account", async () => {
    const { event } = await eventNow(5, ["Gbenga"]);
    const walkIn = { key: "walk-in-key-1", name: "Halima Walker", email: "halima.walker@example.org", answers: {}, at: T0 - 5 * MINUTE };
    const first = syncDoor({ eventId: event.id, by: volunteer.id, sync: { checkIns: [], walkIns: [walkIn] } })!;
    syncDoor({ eventId: event.id, by: other.id, sync: { checkIns: [], walkIns: [walkIn] } });
    expect(first.walkIns[0]).toMatchObject({ outcome: "done", name: "Halima Walker", checkedInAt: T0 - 5 * MINUTE });
    const account = db.select().from(users).where(eq(users.email, "halima.walker@example.org")).get()!;
    expect(account.passwordHash.startsWith("$")).toBe(false);
    const registration = registrationOf(event.id, account.id)!;
    expect(registration).toMatchObject({ status: "confirmed", checkedInAt: T0 - 5 * MINUTE, walkInBy: volunteer.id });
    expect(registrationsOf(event.id)).toHaveLength(2);
    const [welcome, ...more] = emailsOf("walk-in-welcome", "halima.walker@example.org");
    expect(more).toEqual([]);
    expect(welcome.props).toMatchObject({ newAccount: true, url: expect.stringContaining("/forgot-password") });
  });

  it("texts a walk-in with only a number, who claims the account by signing in with a code", async () => {
    const { event } = await eventNow(5, []);
    syncDoor({ eventId: event.id, by: volunteer.id, sync: { checkIns: [], walkIns: [{ key: "walk-in-phone-1", name: "Ibrahim Phone", phone: "0803 555 0101", answers: {}, at: T0 }] } });
    const [welcome] = emailsOf("walk-in-welcome", "+2348035550101");
    expect(welcome).toMatchObject({ onlyChannel: "sms" });
    const contact = db.select().from(contactBook).where(eq(contactBook.phone, "+2348035550101")).get()!;
    expect(contact.phoneVerifiedAt).toBeNull();
    await requestSignInCode("+2348035550101", "203.0.113.77");
    expect(emailsOf("phone-code", "+2348035550101")).toHaveLength(1);
  });

  it("finds the account behind a known email and checks in its registration instead of adding a second one", async () => {
    const { event, people } = await eventNow(5, ["Jide Known"]);
    const [jide] = people;
    const reply = syncDoor({ eventId: event.id, by: volunteer.id, sync: { checkIns: [], walkIns: [{ key: "walk-in-known-1", name: "Jide", email: jide.email.toUpperCase(), answers: {}, at: T0 }] } })!;
    expect(reply.walkIns[0]).toMatchObject({ outcome: "done", registrationId: jide.registration.id });
    expect(registrationsOf(event.id)).toHaveLength(1);
    expect(db.select().from(users).where(eq(users.name, "Jide")).all()).toEqual([]);
  });

  it("refuses a walk-in when the event is full unless the organiser allows walk-ins over capacity, and asks the required questions", async () => {
    const full = await eventNow(1, ["Kemi"]);
    const question = addQuestion(full.event.id, { label: "Your age group", kind: "choice", options: ["Under 18", "18 and over"], required: true });
    const send = (eventId: string, key: string, answers: Record<string, string>) =>
      syncDoor({ eventId, by: volunteer.id, sync: { checkIns: [], walkIns: [{ key, name: "Lanre Late", email: `${key}@example.org`, answers, at: T0 }] } })!.walkIns[0];
    expect(send(full.event.id, "walk-in-noanswer", {})).toMatchObject({ outcome: "refused", message: expect.stringContaining("Your age group") });
    expect(send(full.event.id, "walk-in-full-1", { [question.id]: "Under 18" })).toMatchObject({ outcome: "refused", message: expect.stringContaining("full") });
    expect(registrationsOf(full.event.id)).toHaveLength(1);

    const roomy = await eventNow(1, ["Musa"], { walkInsOverCapacity: true });
    expect(send(roomy.event.id, "walk-in-over-1", {})).toMatchObject({ outcome: "done" });
    expect(registrationsOf(roomy.event.id).filter((r) => r.status === "confirmed")).toHaveLength(2);
  });

  it("needs a name and an email or a number", async () => {
    const { event } = await eventNow(5, []);
    const reply = syncDoor({ eventId: event.id, by: volunteer.id, sync: { checkIns: [], walkIns: [{ key: "walk-in-empty-1", name: " ", answers: {}, at: T0 }, { key: "walk-in-empty-2", name: "Nkem", answers: {}, at: T0 }] } })!;
    expect(reply.walkIns.map((r) => (r.outcome === "refused" ? r.message : ""))).toEqual(["Enter the person's name", expect.stringContaining("email address or a mobile number")]);
  });
});
