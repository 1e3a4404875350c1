import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog, broadcasts, jobs, outbox } from "~db/schema";
import {
  cancelScheduledBroadcast,
  describeAudience,
  listBroadcasts,
  previewBroadcast,
  registerAdminJobs,
  resolveAudience,
  sendOrScheduleBroadcast,
  sendScheduledBroadcast,
  type BroadcastMessage,
} from "~/modules/admin/index.server";
import type { Audience } from "~/modules/admin";
import { checkIn, registerForEvent } from "~/modules/events/index.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { saveChannelChoices, setVerifiedPhone } from "~/modules/outbox/index.server";
import { clock, DAY, HOUR } from "~/utils/clock.server";
import { instantToLocalInput } from "~/utils/dates";
import { createUser, type TestUser } from "../support/factories";
import { createTestEvent, registrationOf, runAllDue } from "../support/event-factories";

let organiser: TestUser;

beforeAll(async () => {
  registerAdminJobs();
  organiser = await createUser({ roles: ["organiser"] });
});

afterAll(() => clock.set(null));

// Saturday 6 March 2027, 10:00 in Lagos.
const WORKSHOP = Date.UTC(2027, 2, 6, 9);
const MESSAGE: BroadcastMessage = { subject: "Thank you for coming", body: "The slides are on the events page.", link: "/events" };

/** A workshop last Saturday with `came` checked in and `stayedAway` registered only. */
async function pastWorkshop(came: string[], stayedAway: string[] = []) {
  clock.set(WORKSHOP - 7 * DAY);
  const event = createTestEvent({ title: "Resilience workshop", startsAt: WORKSHOP, endsAt: WORKSHOP + 3 * HOUR });
  const people = { came: [] as TestUser[], stayedAway: [] as TestUser[] };
  for (const name of came) people.came.push(await createUser({ name }));
  for (const name of stayedAway) people.stayedAway.push(await createUser({ name }));
  for (const person of [...people.came, ...people.stayedAway]) expect(registerForEvent(person.id, event.id, {})).toMatchObject({ ok: true });
  clock.set(WORKSHOP + HOUR);
  for (const person of people.came) checkIn({ eventId: event.id, by: organiser.id, registrationId: registrationOf(event.id, person.id)!.id });
  clock.set(WORKSHOP + 2 * DAY);
  const audience: Audience = { kind: "event", group: "checked-in", eventId: event.id };
  return { event, audience, ...people };
}

const rowsOf = (broadcastId: string) => db.select().from(outbox).where(eq(outbox.broadcastId, broadcastId)).all();

describe("a group", () => {
  it("is kept as filters, described in words, and resolved to each person once", async () => {
    const { event, audience, came } = await pastWorkshop(["Ada", "Bola"], ["Chidi"]);
    expect(describeAudience(audience)).toBe("Checked in at Resilience workshop, Sat 6 Mar");
    expect(describeAudience({ ...audience, group: "no-show" })).toBe("Registered but did not come to Resilience workshop, Sat 6 Mar");
    expect(describeAudience({ kind: "quiet-pairs", weeks: 3 })).toBe("Mentoring pairs with no session in 3 weeks");
    expect(describeAudience({ kind: "event", group: "registered", eventId: "no-such-event" })).toBeNull();
    expect(resolveAudience(audience).map((person) => person.userId).sort()).toEqual(came.map((person) => person.id).sort());
    expect(resolveAudience({ kind: "event", group: "registered", eventId: event.id })).toHaveLength(3);
  });
});

describe("sending now", () => {
  it("writes the message and one message per person in one go, which the worker delivers", async () => {
    const { audience, came, stayedAway } = await pastWorkshop(["Dayo", "Efe"], ["Femi"]);
    const sent = sendOrScheduleBroadcast({ actorId: organiser.id, audience, message: MESSAGE, sendAtLocal: null });
    expect(sent).toMatchObject({ ok: true, status: "sent", recipients: 2 });
    if (!sent.ok) return;
    const row = db.select().from(broadcasts).where(eq(broadcasts.id, sent.broadcastId)).get()!;
    expect(row).toMatchObject({ status: "sent", audienceLabel: "Checked in at Resilience workshop, Sat 6 Mar", recipients: 2, createdBy: organiser.id, link: "http://localhost:3000/events" });
    const queued = rowsOf(sent.broadcastId);
    expect(queued.map((message) => message.recipient).sort()).toEqual(came.map((person) => person.email).sort());
    expect(queued[0]).toMatchObject({ template: "broadcast", status: "pending", props: { subject: MESSAGE.subject, link: "http://localhost:3000/events" } });
    expect(queued.map((message) => message.recipient)).not.toContain(stayedAway[0].email);
    const audit = db.select().from(auditLog).where(and(eq(auditLog.action, "broadcast.sent"), eq(auditLog.targetId, sent.broadcastId))).get();
    expect(audit).toMatchObject({ actorId: organiser.id, details: { recipients: 2 } });

    await runAllDue();
    expect(rowsOf(sent.broadcastId).map((message) => message.status)).toEqual(["sent", "sent"]);
    const listed = listBroadcasts().find((one) => one.id === sent.broadcastId)!;
    expect(listed.figures).toMatchObject({ total: 2, sent: 2, pending: 0, byChannel: { email: { sent: 2 } } });
  });

  it("refuses a link to another site without https, and a group with nobody in it", async () => {
    const { audience } = await pastWorkshop(["Gbenga"]);
    expect(sendOrScheduleBroadcast({ actorId: organiser.id, audience, message: { ...MESSAGE, link: "http://elsewhere.example/page" }, sendAtLocal: null })).toMatchObject({ ok: false, field: "link" });
    expect(previewBroadcast({ audience, message: { ...MESSAGE, link: "https://elsewhere.example/page" } })).toMatchObject({ ok: true });
    const empty: Audience = { ...audience, group: "waitlisted" };
    expect(sendOrScheduleBroadcast({ actorId: organiser.id, audience: empty, message: MESSAGE, sendAtLocal: null })).toMatchObject({ ok: false, field: "event", status: 409 });
    expect(db.select().from(broadcasts).where(eq(broadcasts.audienceLabel, describeAudience(empty)!)).all()).toEqual([]);
  });
});

describe("the preview", () => {
  it("counts each channel the people will get it on, and what the texts cost", async () => {
    updateOrganisation({ channelsEnabled: ["email", "sms"], smsSegmentCost: 400 });
    const { audience, came } = await pastWorkshop(["Halima", "Ikenna"]);
    const [texter] = came;
    db.transaction((tx) => {
      expect(setVerifiedPhone(tx, { userId: texter.id, email: texter.email, phone: "+2348031234567", now: clock.now() })).toMatchObject({ ok: true });
      saveChannelChoices(tx, { userId: texter.id, email: texter.email, preferred: "sms", choices: {}, now: clock.now() });
    });
    const preview = previewBroadcast({ audience, message: MESSAGE });
    expect(preview).toMatchObject({ ok: true, label: "Checked in at Resilience workshop, Sat 6 Mar" });
    if (!preview.ok) return;
    expect(preview.plan).toMatchObject({ total: 2, byChannel: { email: 1, sms: 1, whatsapp: 0 }, unreachable: 0, smsSegments: 1, smsCost: 400 });
    // Nothing is written by looking.
    expect(db.select().from(outbox).where(eq(outbox.template, "broadcast")).all().filter((row) => row.recipient === texter.email)).toEqual([]);
    updateOrganisation({ channelsEnabled: ["email"] });
  });
});

describe("scheduling", () => {
  it("works the group out when it goes, once, whoever joined it meanwhile", async () => {
    const { event, audience, came } = await pastWorkshop(["Jide"]);
    const inTwoDays = instantToLocalInput(clock.now() + 2 * DAY, "Africa/Lagos");
    expect(sendOrScheduleBroadcast({ actorId: organiser.id, audience, message: MESSAGE, sendAtLocal: instantToLocalInput(clock.now() - HOUR, "Africa/Lagos") })).toMatchObject({ ok: false, field: "sendAt" });
    const scheduled = sendOrScheduleBroadcast({ actorId: organiser.id, audience, message: MESSAGE, sendAtLocal: inTwoDays });
    expect(scheduled).toMatchObject({ ok: true, status: "scheduled", recipients: 1 });
    if (!scheduled.ok) return;
    expect(rowsOf(scheduled.broadcastId)).toEqual([]);

    // Checked in late (the organiser caught up on the paper list): they are in the group when it goes.
    const late = await createUser({ name: "Kemi Late" });
    clock.set(WORKSHOP - DAY);
    registerForEvent(late.id, event.id, {});
    clock.set(WORKSHOP + 2 * DAY + HOUR);
    checkIn({ eventId: event.id, by: organiser.id, registrationId: registrationOf(event.id, late.id)!.id });

    await runAllDue();
    expect(rowsOf(scheduled.broadcastId)).toEqual([]);
    clock.set(WORKSHOP + 4 * DAY + HOUR);
    await runAllDue();
    const queued = rowsOf(scheduled.broadcastId);
    expect(queued.map((message) => message.recipient).sort()).toEqual([came[0].email, late.email].sort());
    expect(db.select().from(broadcasts).where(eq(broadcasts.id, scheduled.broadcastId)).get()).toMatchObject({ status: "sent", recipients: 2 });
    // A retried job adds nobody.
    expect(sendScheduledBroadcast(scheduled.broadcastId)).toBe(0);
    expect(rowsOf(scheduled.broadcastId)).toHaveLength(2);
    expect(cancelScheduledBroadcast({ actorId: organiser.id, broadcastId: scheduled.broadcastId })).toMatchObject({ ok: false, code: "sent" });
  });

  it("can be cancelled before it goes, and then nothing is sent", async () => {
    const { audience } = await pastWorkshop(["Lola"]);
    const scheduled = sendOrScheduleBroadcast({ actorId: organiser.id, audience, message: MESSAGE, sendAtLocal: instantToLocalInput(clock.now() + DAY, "Africa/Lagos") });
    if (!scheduled.ok) throw new Error(scheduled.message);
    expect(cancelScheduledBroadcast({ actorId: organiser.id, broadcastId: scheduled.broadcastId })).toMatchObject({ ok: true });
    expect(db.select().from(jobs).where(eq(jobs.uniqueKey, `broadcast-send:${scheduled.broadcastId}`)).all()).toEqual([]);
    clock.advance(2 * DAY);
    await runAllDue();
    expect(sendScheduledBroadcast(scheduled.broadcastId)).toBe(0);
    expect(rowsOf(scheduled.broadcastId)).toEqual([]);
    expect(db.select().from(broadcasts).where(eq(broadcasts.id, scheduled.broadcastId)).get()!.status).toBe("cancelled");
    expect(db.select().from(auditLog).orderBy(desc(auditLog.id)).get()).toMatchObject({ action: "broadcast.cancelled", targetId: scheduled.broadcastId });
    expect(cancelScheduledBroadcast({ actorId: organiser.id, broadcastId: "no-such-message" })).toMatchObject({ ok: false, status: 404 });
  });
});
