import { TZDate } from "@date-fns/tz";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { deliveryReports, outbox, type Channel } from "~db/schema";
import type { TemplateName, TemplateProps } from "~emails/registry";
import { clock, HOUR } from "~/utils/clock.server";
import { absoluteUrl } from "~/utils/urls.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { enqueueMessage, recordSmsOptOut, saveChannelChoices, setWhatsAppOptIn, type MessageOptions } from "~/modules/outbox/index.server";
import { deliverDueMessages } from "~/modules/outbox/delivery.server";
import { examples } from "../support/email-examples";
import { createUser, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { loader as outboxMessageLoader } from "~/routes/admin.outbox.$id";
import { startMessagingRig, type MessagingRig } from "../support/messaging-rig";
import { giveVerifiedPhone, uniquePhone } from "../support/phone-factories";

let rig: MessagingRig;

beforeAll(async () => {
  rig = await startMessagingRig();
});
afterAll(async () => {
  await rig.close();
});
beforeEach(() => {
  updateOrganisation({
    channelsEnabled: ["sms", "whatsapp"],
    smsProvider: "termii",
    smsMonthlyBudget: 1_000_000,
    smsSegmentCost: 500,
    quietHoursStart: 21,
    quietHoursEnd: 7,
    timeZone: "Africa/Lagos",
    contactEmail: "organisers@riseagain.example",
    channelDefaults: {},
  });
  // Midday in Lagos: outside quiet hours unless a test says otherwise.
  clock.set(new TZDate(2026, 11, 3, 12, 0, 0, "Africa/Lagos").getTime());
});
afterEach(() => clock.set(null));

type Person = TestUser & { phone: string };

/** Someone with a verified number who chose, for every kind, these channels in this order. */
async function personWho(choose: Channel[], options: { whatsapp?: boolean } = {}): Promise<Person> {
  const user = await createUser();
  const phone = uniquePhone().e164;
  giveVerifiedPhone(user, phone);
  db.transaction((tx) => {
    saveChannelChoices(tx, { userId: user.id, email: user.email, preferred: choose[0] ?? null, choices: { bookings: choose, "event-reminders": choose, "step-nudges": choose }, now: clock.now() });
    if (options.whatsapp) setWhatsAppOptIn(tx, user.id, true, clock.now());
  });
  return { ...user, phone };
}

function queue<T extends TemplateName>(person: Person, template: T, props: TemplateProps<T>, options: MessageOptions = {}): string {
  return db.transaction((tx) => enqueueMessage(tx, person.email, template, props, options));
}

const booking = (person: Person) => queue(person, "registration-confirmed", { ...examples["registration-confirmed"], url: absoluteUrl(`/me/tickets/${person.id}`) });
const row = (id: string) => db.select().from(outbox).where(eq(outbox.id, id)).get()!;
const textsTo = (phone: string) => rig.termii.sent.filter((sent) => `+${sent.to}` === phone);
const whatsappsTo = (phone: string) => rig.whatsapp.sent.filter((sent) => `+${sent.to.replace(/^\+/, "")}` === phone);

async function drain(): Promise<void> {
  while ((await deliverDueMessages()) > 0);
}

describe("a message by SMS", () => {
  it("goes once to the person's number, with our own short link, its segments and cost recorded", async () => {
    const person = await personWho(["sms", "email"]);
    const id = booking(person);
    await drain();
    await drain();
    const texts = textsTo(person.phone);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.channel).toBe("dnd");
    expect(texts[0]!.sms).toMatch(/\/s\/[A-Za-z0-9]{10}/);
    expect(texts[0]!.sms).not.toContain("/me/tickets/");
    const sent = row(id);
    expect(sent).toMatchObject({ status: "sent", channel: "sms", sentTo: person.phone, provider: "termii", deliveryStatus: "sent" });
    expect(sent.segments).toBeGreaterThanOrEqual(1);
    expect(sent.cost).toBe(sent.segments! * 500);
  });

  it("takes delivery reports once each, and never moves its status backwards", async () => {
    const person = await personWho(["sms"]);
    const id = booking(person);
    await drain();
    const messageId = row(id).providerMessageId!;
    expect((await rig.termii.report(messageId, "Delivered")).status).toBe(200);
    expect((await rig.termii.report(messageId, "Delivered")).status).toBe(200);
    expect((await rig.termii.report(messageId, "Message Sent")).status).toBe(200);
    expect(row(id)).toMatchObject({ deliveryStatus: "delivered", status: "sent" });
    expect(db.select().from(deliveryReports).where(eq(deliveryReports.outboxId, id)).all().map((report) => report.status).sort()).toEqual(["delivered", "sent"]);
    // Organisers see the channel, the number and each report on the message's page.
    const organiser = await createUser({ roles: ["organiser"] });
    const page = await runRoute(() => outboxMessageLoader(routeArgs({ request: getRequest(`/admin/outbox/${id}`, { cookie: signIn(organiser.id).cookieHeader }), params: { id }, context: loadContext() })));
    expect(page.data).toMatchObject({ delivery: `By SMS to ${person.phone}: delivered.`, reports: [{ status: "delivered", provider: "termii" }, { status: "sent", provider: "termii" }] });
  });

  it("is tried again after a provider outage, and still sent only once", async () => {
    const person = await personWho(["sms", "email"]);
    rig.termii.failNext("server-error");
    const id = booking(person);
    await drain();
    expect(row(id)).toMatchObject({ status: "pending", channel: "sms", attempts: 1 });
    clock.set(clock.now() + HOUR);
    await drain();
    expect(row(id)).toMatchObject({ status: "sent", channel: "sms" });
    expect(textsTo(person.phone)).toHaveLength(1);
  });
});

describe("a message through Africa's Talking", () => {
  it("goes once when organisers chose it, its report is applied, and a blacklisted number moves the next message to email", async () => {
    updateOrganisation({ smsProvider: "africastalking" });
    const person = await personWho(["sms", "email"]);
    const id = booking(person);
    await drain();
    const texts = rig.africasTalking.sent.filter((sent) => sent.to === person.phone);
    expect(texts).toHaveLength(1);
    expect(textsTo(person.phone)).toHaveLength(0);
    expect(row(id)).toMatchObject({ status: "sent", channel: "sms", provider: "africastalking", segments: texts[0]!.parts });
    expect((await rig.africasTalking.report(texts[0]!.messageId, "Success")).status).toBe(200);
    expect(row(id)).toMatchObject({ deliveryStatus: "delivered" });
    expect((await rig.africasTalking.report(texts[0]!.messageId, "Failed", { failureReason: "UserInBlacklist" })).status).toBe(200);
    // A failure after the message arrived changes nothing; the number still asked for no more texts.
    expect(row(id)).toMatchObject({ status: "sent", channel: "sms", deliveryStatus: "delivered" });
    const next = booking(person);
    await drain();
    expect(row(next)).toMatchObject({ status: "sent", channel: "email" });
  });
});

describe("falling back", () => {
  it("moves to email when the provider refuses the number, and never texts it again", async () => {
    const person = await personWho(["sms", "email"]);
    rig.termii.failNext("invalid-number");
    const id = booking(person);
    await drain();
    const sent = row(id);
    expect(sent).toMatchObject({ status: "sent", channel: "email", sentTo: person.email });
    expect(sent.failedChannels.map((entry) => entry.channel)).toEqual(["sms"]);
    expect(textsTo(person.phone)).toHaveLength(0);
  });

  it("moves from WhatsApp to SMS when WhatsApp reports it failed, and a late report of the old message changes nothing", async () => {
    const person = await personWho(["whatsapp", "sms"], { whatsapp: true });
    const id = booking(person);
    await drain();
    const first = whatsappsTo(person.phone);
    expect(first).toHaveLength(1);
    const waId = first[0]!.messageId;
    await rig.whatsapp.send(rig.whatsapp.statusesBody([{ messageId: waId, status: "failed", error: { code: 131026, title: "Message undeliverable" } }]));
    expect(row(id)).toMatchObject({ status: "pending" });
    await drain();
    expect(row(id)).toMatchObject({ status: "sent", channel: "sms" });
    expect(textsTo(person.phone)).toHaveLength(1);
    await rig.whatsapp.send(rig.whatsapp.statusesBody([{ messageId: waId, status: "delivered" }]));
    await drain();
    expect(row(id)).toMatchObject({ status: "sent", channel: "sms" });
    expect(textsTo(person.phone)).toHaveLength(1);
    expect(whatsappsTo(person.phone)).toHaveLength(1);
  });

  it("skips a number that sent STOP, and WhatsApp once the person wrote STOP there", async () => {
    const texted = await personWho(["sms", "email"]);
    db.transaction((tx) => recordSmsOptOut(tx, texted.phone, "termii", clock.now()));
    const first = booking(texted);
    const whatsapper = await personWho(["whatsapp", "email"], { whatsapp: true });
    expect((await rig.whatsapp.send(rig.whatsapp.incomingTextBody(whatsapper.phone.slice(1), "STOP"))).status).toBe(200);
    const second = booking(whatsapper);
    await drain();
    expect(row(first)).toMatchObject({ status: "sent", channel: "email" });
    expect(row(second)).toMatchObject({ status: "sent", channel: "email" });
    expect(textsTo(texted.phone)).toHaveLength(0);
    expect(whatsappsTo(whatsapper.phone)).toHaveLength(0);
  });
});

describe("what a person and organisers chose", () => {
  it("leaves out a reminder the person turned off on every channel, but never a booking", async () => {
    const person = await personWho([]);
    const reminder = queue(person, "event-reminder", { ...examples["event-reminder"], url: absoluteUrl("/me") });
    const confirmation = booking(person);
    await drain();
    expect(row(reminder)).toMatchObject({ status: "skipped" });
    expect(row(confirmation)).toMatchObject({ status: "sent", channel: "email" });
  });

  it("sends by email only while organisers have not switched the phone channels on", async () => {
    updateOrganisation({ channelsEnabled: [] });
    const person = await personWho(["sms", "whatsapp", "email"], { whatsapp: true });
    const id = booking(person);
    await drain();
    expect(row(id)).toMatchObject({ status: "sent", channel: "email" });
    expect(textsTo(person.phone)).toHaveLength(0);
  });
});

describe("the SMS budget", () => {
  it("warns organisers at 80 %, stops texts at 100 %, and the stopped messages go by email", async () => {
    updateOrganisation({ smsMonthlyBudget: 2_000, smsSegmentCost: 500 });
    // A month of its own: the texts of the other tests count against December's budget.
    clock.set(new TZDate(2027, 0, 15, 12, 0, 0, "Africa/Lagos").getTime());
    const person = await personWho(["sms", "email"]);
    const ids = [booking(person), booking(person), booking(person), booking(person), booking(person)];
    await drain();
    const channels = ids.map((id) => row(id).channel);
    const texted = channels.filter((channel) => channel === "sms").length;
    expect(texted).toBeGreaterThanOrEqual(1);
    expect(textsTo(person.phone)).toHaveLength(texted);
    expect(channels.slice(texted).every((channel) => channel === "email")).toBe(true);
    expect(ids.slice(texted).map((id) => row(id).failedChannels[0]?.reason)).toEqual(ids.slice(texted).map(() => "This month's SMS budget is used up."));
    const spent = ids.reduce((sum, id) => sum + (row(id).channel === "sms" ? row(id).cost! : 0), 0);
    expect(spent).toBeLessThanOrEqual(2_000);
    const notices = db.select().from(outbox).where(and(eq(outbox.template, "sms-budget-warning"), eq(outbox.recipient, "organisers@riseagain.example"))).all();
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices.length).toBeLessThanOrEqual(2);
    await drain();
    expect(db.select().from(outbox).where(eq(outbox.template, "sms-budget-warning")).all()).toHaveLength(notices.length);
  });
});

describe("quiet hours", () => {
  it("hold a reminder to a phone until 07:00, unless the event starts first; email is not held", async () => {
    clock.set(new TZDate(2026, 11, 3, 22, 0, 0, "Africa/Lagos").getTime());
    const person = await personWho(["sms"]);
    const morning = new TZDate(2026, 11, 4, 7, 0, 0, "Africa/Lagos").getTime();
    const later = queue(person, "event-reminder", { ...examples["event-reminder"], url: absoluteUrl("/me") }, { aboutAt: morning + 3 * HOUR });
    const sooner = queue(person, "event-reminder", { ...examples["event-reminder"], url: absoluteUrl("/me") }, { aboutAt: morning - HOUR / 2 });
    const byEmail = await personWho(["email"]);
    const emailed = queue(byEmail, "event-reminder", { ...examples["event-reminder"], url: absoluteUrl("/me") }, { aboutAt: morning + 3 * HOUR });
    await drain();
    expect(row(later)).toMatchObject({ status: "pending", nextAttemptAt: morning, attempts: 0 });
    expect(row(sooner)).toMatchObject({ status: "sent", channel: "sms" });
    expect(row(emailed)).toMatchObject({ status: "sent", channel: "email" });
    clock.set(morning);
    await drain();
    expect(row(later)).toMatchObject({ status: "sent", channel: "sms" });
  });
});
