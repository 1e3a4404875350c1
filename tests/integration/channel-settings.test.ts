import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { action as settingsAction, loader as settingsLoader } from "~/routes/admin.settings_.messages";
import { action as choicesAction, loader as choicesLoader } from "~/routes/me.notifications";
import { getOrganisation, updateOrganisation } from "~/modules/organisation/index.server";
import { contactOf, notificationChoicesFor } from "~/modules/outbox/index.server";
import { createUser, getRequest, loadContext, routeArgs, signIn, type TestUser } from "../support/factories";
import { runRoute } from "../support/route-results";
import { giveVerifiedPhone, uniquePhone } from "../support/phone-factories";

let organiser: TestUser;
let organiserCookie: string;

beforeAll(async () => {
  organiser = await createUser({ roles: ["organiser"] });
  organiserCookie = signIn(organiser.id).cookieHeader;
});
afterEach(() => updateOrganisation({ channelsEnabled: ["email"], channelDefaults: {}, currency: "NGN" }));

function post(path: string, cookie: string, fields: [string, string][], action: typeof settingsAction | typeof choicesAction) {
  const body = new URLSearchParams(fields);
  const request = new Request(new URL(path, "http://localhost:3000"), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: body.toString() });
  return runRoute(() => action(routeArgs({ request, params: {}, context: loadContext() })));
}

const SETTINGS: [string, string][] = [
  ["channelsEnabled", "sms"],
  ["channelsEnabled", "whatsapp"],
  ["smsProvider", "africastalking"],
  ["smsMonthlyBudget", "25,000"],
  ["smsSegmentCost", "4.50"],
  ["quietHoursStart", "22"],
  ["quietHoursEnd", "6"],
  ["first-event-reminders", "whatsapp"],
];

describe("organisers' settings for messages by phone", () => {
  it("switches channels on, reads the budget and price in Naira, sets a kind's first channel, and records the change", async () => {
    const saved = await post("/admin/settings/messages", organiserCookie, SETTINGS, settingsAction);
    expect(saved.status).toBe(302);
    expect(getOrganisation()).toMatchObject({
      channelsEnabled: ["sms", "whatsapp"],
      smsProvider: "africastalking",
      smsMonthlyBudget: 2_500_000,
      smsSegmentCost: 450,
      quietHoursStart: 22,
      quietHoursEnd: 6,
    });
    expect(getOrganisation().channelDefaults["event-reminders"]).toEqual(["whatsapp", "email", "sms"]);
    expect(getOrganisation().channelDefaults.giving).toEqual(["email", "whatsapp", "sms"]);
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, "settings.messages_changed"), eq(auditLog.actorId, organiser.id))).all()).toHaveLength(1);
    const page = await runRoute(() => settingsLoader(routeArgs({ request: getRequest("/admin/settings/messages", { cookie: organiserCookie }), params: {}, context: loadContext() })));
    expect(page.data).toMatchObject({ values: { smsMonthlyBudget: "25000", smsSegmentCost: "4.50", "first-event-reminders": "whatsapp" } });
  });

  it("refuses an amount it cannot read and an hour out of range, next to the field, writing nothing", async () => {
    updateOrganisation({ smsMonthlyBudget: 1_000_000 });
    const bad = await post("/admin/settings/messages", organiserCookie, SETTINGS.map(([name, value]) => [name, name === "smsMonthlyBudget" ? "lots" : value]), settingsAction);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.data)).toContain("smsMonthlyBudget");
    const hour = await post("/admin/settings/messages", organiserCookie, SETTINGS.map(([name, value]) => [name, name === "quietHoursEnd" ? "24" : value]), settingsAction);
    expect(hour.status).toBe(400);
    expect(getOrganisation().smsMonthlyBudget).toBe(1_000_000);
  });

  it("is for organisers only", async () => {
    const participant = await createUser();
    const refused = await post("/admin/settings/messages", signIn(participant.id).cookieHeader, SETTINGS, settingsAction);
    expect(refused.status).toBe(403);
  });
});

describe("a person's own channels", () => {
  it("stays the list of emails while only email is on, and becomes channels per kind once phones are on", async () => {
    const person = await createUser();
    const cookie = signIn(person.id).cookieHeader;
    const load = () => runRoute(() => choicesLoader(routeArgs({ request: getRequest("/me/notifications", { cookie }), params: {}, context: loadContext() })));
    expect((await load()).data).toMatchObject({ mode: "email" });
    updateOrganisation({ channelsEnabled: ["sms", "whatsapp"] });
    const phone = uniquePhone().e164;
    giveVerifiedPhone(person, phone);
    expect((await load()).data).toMatchObject({ mode: "channels", phone, whatsapp: false, enabled: ["email", "sms", "whatsapp"] });

    const saved = await post(
      "/me/notifications",
      cookie,
      [
        ["intent", "channels"],
        ["preferred", "sms"],
        ["kind-bookings", "email"],
        ["kind-bookings", "sms"],
        ["kind-event-reminders", "sms"],
        ["kind-giving", "email"],
      ],
      choicesAction,
    );
    expect(saved.status).toBe(302);
    const choices = contactOf(person.id)!.channelChoices;
    expect(choices.bookings).toEqual(["sms", "email"]);
    expect(choices["event-reminders"]).toEqual(["sms"]);
    expect(choices["step-nudges"]).toEqual([]);
    // A reminder without email ticked is off for the address too, so its one-click link agrees.
    expect(notificationChoicesFor(person.email).find((choice) => choice.kind === "event-reminders")?.on).toBe(false);
    expect(JSON.stringify((await load()).data)).not.toContain('"organising"');
  });
});
