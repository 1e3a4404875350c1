import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { registrations } from "~db/schema";
import { loader as dashboardLoader } from "~/routes/admin._index";
import { loader as csvLoader } from "~/routes/admin.events.$id.attendees[.csv]";
import { action as checkInAction, loader as checkInLoader } from "~/routes/admin.events.$id.check-in._index";
import { action as ticketAction, loader as ticketLoader } from "~/routes/admin.events.$id.check-in.$token";
import { clock } from "~/utils/clock.server";
import { createForm } from "../support/event-forms";
import { createUser, formRequest, getRequest, loadContext, signIn, type TestUser, routeArgs } from "../support/factories";
import { runRoute } from "../support/route-results";
import { neutraliseFormula } from "~/utils/csv.server";
import { registerForEvent, publishEvent, createEvent, eventQuestionsOf, getEventById } from "~/modules/events/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { parseCsv } from "../support/csv";

const T0 = Date.UTC(2026, 10, 25, 9, 0);

let organiser: TestUser;
let cookie: string;
let participantCookie: string;

beforeAll(async () => {
  updateOrganisation({ timeZone: "Africa/Lagos" });
  organiser = await createUser({ name: "Adaeze Organiser", roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  participantCookie = signIn((await createUser({ roles: ["participant"] })).id).cookieHeader;
});
beforeEach(() => clock.set(T0));
afterAll(() => clock.set(null));

async function eventWithPeople(title: string, names: string[], fields: Record<string, string> = {}) {
  const created = createEvent({ actorId: organiser.id, form: createForm({ title, capacity: "10", ...fields }) });
  const eventId = (created as { eventId: string }).eventId;
  publishEvent({ actorId: organiser.id, eventId });
  const people: TestUser[] = [];
  for (const name of names) people.push(await createUser({ name }));
  return { event: getEventById(eventId)!, people };
}


const registrationOf = (eventId: string, userId: string) =>
  db.select().from(registrations).where(eq(registrations.eventId, eventId)).all().find((r) => r.userId === userId)!;

describe("the attendee list as CSV", () => {
  it("is a download with every answer, and no cell can start a spreadsheet formula", async () => {
    const { event, people } = await eventWithPeople("CSV seminar", ['=HYPERLINK("https://evil.example","Click")', "Bola, \"the\" Ade"], {
      "questions[0].label": "Phone number",
      "questions[0].kind": "text",
      "questions[1].label": "First time?",
      "questions[1].kind": "yes_no",
    });
    const [phone, firstTime] = eventQuestionsOf(event.id);
    registerForEvent(people[0].id, event.id, { [phone.id]: "+2348012345678", [firstTime.id]: "yes" });
    clock.set(T0 + 60_000);
    registerForEvent(people[1].id, event.id, { [phone.id]: "@home -1", [firstTime.id]: "no" });

    const result = await runRoute(() => csvLoader(routeArgs({ request: getRequest(`/admin/events/${event.id}/attendees.csv`, { cookie }), params: { id: event.id }, context: loadContext() })));
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(result.headers.get("content-disposition")).toBe('attachment; filename="attendees-csv-seminar.csv"');
    const response = (await csvLoader(routeArgs({ request: getRequest(`/admin/events/${event.id}/attendees.csv`, { cookie }), params: { id: event.id }, context: loadContext() }))) as Response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(["Name", "Email", "Status", "Waitlist position", "Registered", "Checked in", "Ticket code", "Phone number", "First time?"]);
    expect(rows[1][0]).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(rows[1].slice(7)).toEqual(["'+2348012345678", "Yes"]);
    expect(rows[2][0]).toBe('Bola, "the" Ade');
    expect(rows[2].slice(7)).toEqual(["'@home -1", "No"]);
    expect(rows.every((row) => row.every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
  });

  it("neutralises every formula prefix, tabs and carriage returns included", () => {
    for (const value of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(neutraliseFormula(value)).toBe(`'${value}`);
    expect(neutraliseFormula("Chiamaka")).toBe("Chiamaka");
  });

  it("is for organisers only", async () => {
    const { event } = await eventWithPeople("Private list", []);
    const result = await runRoute(() =>
      csvLoader(routeArgs({ request: getRequest(`/admin/events/${event.id}/attendees.csv`, { cookie: participantCookie }), params: { id: event.id }, context: loadContext() })),
    );
    expect(result.status).toBe(403);
  });
});

describe("check-in at the door", () => {
  const checkInUrl = (id: string) => `/admin/events/${id}/check-in`;

  it("finds people by name or email and marks them present once; the counts follow", async () => {
    const { event, people } = await eventWithPeople("Door workshop", ["Chiamaka Eze", "Tunde Bakare"]);
    for (const person of people) registerForEvent(person.id, event.id, {});
    const load = async (q = "") =>
      (await runRoute(() => checkInLoader(routeArgs({ request: getRequest(`${checkInUrl(event.id)}?q=${encodeURIComponent(q)}`, { cookie }), params: { id: event.id }, context: loadContext() }))))
        .data as Awaited<ReturnType<typeof checkInLoader>>;
    expect((await load()).counts).toEqual({ present: 0, expected: 2 });
    const found = await load("chiamaka");
    expect(found.people.map((p) => p.name)).toEqual(["Chiamaka Eze"]);
    expect((await load(people[1].email.toUpperCase())).people.map((p) => p.name)).toEqual(["Tunde Bakare"]);

    const mark = () =>
      runRoute(() =>
        checkInAction(routeArgs({
          request: formRequest(checkInUrl(event.id), { intent: "registration", registrationId: found.people[0].id, q: "chiamaka" }, { cookie }),
          params: { id: event.id },
          context: loadContext(),
        })),
      );
    const first = await mark();
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`${checkInUrl(event.id)}?q=chiamaka`);
    expect(first.headers.get("set-cookie")).toContain(encodeURIComponent("Chiamaka Eze is checked in."));
    expect(registrationOf(event.id, people[0].id)).toMatchObject({ checkedInAt: T0, checkedInBy: organiser.id });
    clock.set(T0 + 60_000);
    const again = await mark();
    expect(again.headers.get("set-cookie")).toContain(encodeURIComponent("already checked in at 10:00 am"));
    expect(registrationOf(event.id, people[0].id).checkedInAt).toBe(T0);
    expect((await load()).counts).toEqual({ present: 1, expected: 2 });
  });

  it("takes the typed ticket code, in any case, and says clearly when it matches nobody", async () => {
    const { event, people } = await eventWithPeople("Code workshop", ["Ngozi Obi"]);
    registerForEvent(people[0].id, event.id, {});
    const { shortCode } = registrationOf(event.id, people[0].id);
    const post = (code: string) =>
      runRoute(() => checkInAction(routeArgs({ request: formRequest(checkInUrl(event.id), { intent: "code", shortCode: code, q: "" }, { cookie }), params: { id: event.id }, context: loadContext() })));
    const wrong = await post("zzzzzz");
    expect(wrong.status).toBe(302);
    expect(decodeURIComponent(wrong.headers.get("set-cookie")!)).toContain("No ticket for this event has the code ZZZZZZ. Check it and try again.");
    expect(registrationOf(event.id, people[0].id).checkedInAt).toBeNull();
    const tooShort = await post("ab");
    expect(tooShort.status).toBe(400);
    const right = await post(` ${shortCode.toLowerCase()} `);
    expect(right.status).toBe(302);
    expect(registrationOf(event.id, people[0].id).checkedInAt).toBe(T0);
  });

  it("shows the QR code's person on GET without changing anything, and marks present on POST", async () => {
    const { event, people } = await eventWithPeople("QR workshop", ["Ifeoma Nwosu", "Waiting Person"], { capacity: "1" });
    registerForEvent(people[0].id, event.id, {});
    registerForEvent(people[1].id, event.id, {});
    const { checkInToken } = registrationOf(event.id, people[0].id);
    const url = `${checkInUrl(event.id)}/${checkInToken}`;
    const view = async (token = checkInToken) =>
      (await runRoute(() => ticketLoader(routeArgs({ request: getRequest(url, { cookie }), params: { id: event.id, token }, context: loadContext() }))));
    const before = await view();
    expect(before.status).toBe(200);
    expect(before.data).toMatchObject({ ticket: { name: "Ifeoma Nwosu", status: "confirmed", presentAt: null }, otherEvent: null, counts: { present: 0, expected: 1 } });
    expect(registrationOf(event.id, people[0].id).checkedInAt).toBeNull();

    const noIntent = await runRoute(() => ticketAction(routeArgs({ request: formRequest(url, {}, { cookie }), params: { id: event.id, token: checkInToken }, context: loadContext() })));
    expect(noIntent.status).toBe(400);
    expect(registrationOf(event.id, people[0].id).checkedInAt).toBeNull();

    const marked = await runRoute(() => ticketAction(routeArgs({ request: formRequest(url, { intent: "check-in" }, { cookie }), params: { id: event.id, token: checkInToken }, context: loadContext() })));
    expect(marked.status).toBe(302);
    expect(marked.headers.get("location")).toBe(url);
    expect((await view()).data).toMatchObject({ ticket: { presentAt: "10:00 am" }, counts: { present: 1, expected: 1 } });

    const waiting = registrationOf(event.id, people[1].id);
    expect((await view(waiting.checkInToken)).data).toMatchObject({ ticket: { status: "waitlisted" } });
    expect((await view("not-a-token")).status).toBe(404);
    const other = await eventWithPeople("Another event", []);
    const elsewhere = await runRoute(() => ticketLoader(routeArgs({ request: getRequest(url, { cookie }), params: { id: other.event.id, token: checkInToken }, context: loadContext() })));
    expect(elsewhere.data).toMatchObject({ otherEvent: { id: event.id, title: "QR workshop" } });
  });
});

describe("the console's front page", () => {
  it("counts upcoming events, drafts and seats booked in the next 30 days", async () => {
    const before = (await runRoute(() => dashboardLoader(routeArgs({ request: getRequest("/admin", { cookie }), params: {}, context: loadContext() })))).data as {
      events: { upcoming: number; drafts: number; registrationsNext30Days: number };
    };
    const { event, people } = await eventWithPeople("Figures workshop", ["A Person", "B Person"]);
    for (const person of people) registerForEvent(person.id, event.id, {});
    createEvent({ actorId: organiser.id, form: createForm({ title: "Still a draft" }) });
    const after = (await runRoute(() => dashboardLoader(routeArgs({ request: getRequest("/admin", { cookie }), params: {}, context: loadContext() })))).data as typeof before;
    expect(after.events).toEqual({
      upcoming: before.events.upcoming + 1,
      drafts: before.events.drafts + 1,
      registrationsNext30Days: before.events.registrationsNext30Days + 2,
    });
  });
});
