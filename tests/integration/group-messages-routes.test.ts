import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { broadcasts } from "~db/schema";
import { action as newMessage } from "~/routes/admin.messages.new";
import { action as messagePage, loader as messageLoader } from "~/routes/admin.messages.$id";
import { checkIn, registerForEvent } from "~/modules/events/index.server";
import { createUser, formRequest, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { createTestEvent, registrationOf } from "../support/event-factories";
import { runRoute } from "../support/route-results";

let organiser: TestUser;
let cookie: string;
let eventId: string;

beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
  cookie = signIn(organiser.id).cookieHeader;
  const event = createTestEvent({ title: "Door skills" });
  eventId = event.id;
  const guest = await createUser({ name: "Mide Guest" });
  expect(registerForEvent(guest.id, event.id, {})).toMatchObject({ ok: true });
  checkIn({ eventId, by: organiser.id, registrationId: registrationOf(eventId, guest.id)!.id });
});

const post = (fields: Record<string, string>, as = cookie) =>
  runRoute(() => newMessage(routeArgs({ request: formRequest("/admin/messages/new", fields, { cookie: as }), context: loadContext(), params: {} })));

const FORM = { subject: "See you next time", body: "Thank you for coming.", link: "", group: "event-checked-in", cohort: "", step: "", days: "", weeks: "", campaign: "", sendAt: "" };

type Reply = { result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }; preview: { total: number; label: string } | null };

describe("the message form", () => {
  it("is for organisers only", async () => {
    const participant = await createUser();
    expect((await post({ ...FORM, intent: "check", event: `event:${eventId}` }, signIn(participant.id).cookieHeader)).status).toBe(403);
  });

  it("checks only the fields the chosen group needs, answers 400 with the error at the field, and keeps what was typed", async () => {
    const missing = await post({ ...FORM, intent: "check", event: "" });
    expect(missing.status).toBe(400);
    const reply = missing.data as Reply;
    expect(reply.result.error).toMatchObject({ event: ["Choose an event or a series"] });
    expect(Object.keys(reply.result.error ?? {})).toEqual(["event"]);
    expect(reply.result.initialValue).toMatchObject({ subject: "See you next time", group: "event-checked-in" });

    const stuck = await post({ ...FORM, intent: "check", group: "cohort-stuck", event: "", cohort: "", step: "0" });
    expect(Object.keys((stuck.data as Reply).result.error ?? {}).sort()).toEqual(["cohort", "days", "step"]);

    const later = await post({ ...FORM, intent: "schedule", event: `event:${eventId}` });
    expect((later.data as Reply).result.error).toMatchObject({ sendAt: ["Enter when to send it"] });
    const unsafe = await post({ ...FORM, intent: "check", event: `event:${eventId}`, link: "javascript:alert(1)" });
    expect((unsafe.data as Reply).result.error).toHaveProperty("link");
  });

  it("shows who it reaches on the same page, then sends and opens the message's page", async () => {
    const checked = await post({ ...FORM, intent: "check", event: `event:${eventId}` });
    expect(checked.status).toBe(200);
    expect((checked.data as Reply).preview).toMatchObject({ total: 1, label: expect.stringMatching(/^Checked in at Door skills, /) });
    expect(db.select().from(broadcasts).all()).toEqual([]);

    const sent = await post({ ...FORM, intent: "send", event: `event:${eventId}` });
    expect(sent.status).toBe(302);
    const location = sent.headers.get("location")!;
    expect(location).toMatch(/^\/admin\/messages\/[A-Za-z0-9_-]+$/);
    const id = location.split("/").pop()!;
    const page = await runRoute(() => messageLoader(routeArgs({ request: getRequest(location, { cookie }), context: loadContext(), params: { id } })));
    expect(page.data).toMatchObject({ status: "sent", recipients: 1, figures: { total: 1, pending: 1 } });

    // A message already sent cannot be cancelled: 409, nothing changes.
    const cancel = await runRoute(() => messagePage(routeArgs({ request: formRequest(location, { intent: "cancel" }, { cookie }), context: loadContext(), params: { id } })));
    expect(cancel.status).toBe(409);
    expect(db.select().from(broadcasts).where(eq(broadcasts.id, id)).get()!.status).toBe("sent");
  });

  it("answers 404 for a message that does not exist", async () => {
    const missing = await runRoute(() => messageLoader(routeArgs({ request: getRequest("/admin/messages/nope", { cookie }), context: loadContext(), params: { id: "nope" } })));
    expect(missing.status).toBe(404);
  });
});
