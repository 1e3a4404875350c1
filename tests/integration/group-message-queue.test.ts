import { TZDate } from "@date-fns/tz";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { outbox, type Channel } from "~db/schema";
import { clock } from "~/utils/clock.server";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { broadcastFigures, enqueueBroadcast, planReach, saveChannelChoices, type Recipient } from "~/modules/outbox/index.server";
import { deliverDueMessages } from "~/modules/outbox/delivery.server";
import { createUser } from "../support/factories";
import { startMessagingRig, type MessagingRig } from "../support/messaging-rig";
import { giveVerifiedPhone, uniquePhone } from "../support/phone-factories";

let rig: MessagingRig;
beforeAll(async () => {
  rig = await startMessagingRig();
  updateOrganisation({ channelsEnabled: ["sms"], smsProvider: "termii", smsMonthlyBudget: 10_000_000, smsSegmentCost: 400, quietHoursStart: 21, quietHoursEnd: 7, timeZone: "Africa/Lagos", channelDefaults: {} });
});
afterAll(async () => {
  await rig.close();
});
afterEach(() => clock.set(null));

async function person(first: Channel | null): Promise<Recipient> {
  const user = await createUser();
  if (first === "sms") {
    giveVerifiedPhone(user, uniquePhone().e164);
    db.transaction((tx) => saveChannelChoices(tx, { userId: user.id, email: user.email, preferred: "sms", choices: { news: ["sms", "email"] }, now: clock.now() }));
  }
  if (first === null) db.transaction((tx) => saveChannelChoices(tx, { userId: user.id, email: user.email, preferred: null, choices: { news: [] }, now: clock.now() }));
  return { userId: user.id, email: user.email, name: user.name };
}

const message = { subject: "Saturday's workshop", body: "Thank you for coming on Saturday. The slides are on the event page.", link: "http://localhost:3000/events" };

describe("a message to a group", () => {
  it("shows before sending how many it reaches on each channel and what the texts cost", async () => {
    clock.set(new TZDate(2026, 11, 3, 12, 0, 0, "Africa/Lagos").getTime());
    const byText = await person("sms");
    const byEmail = await person("email");
    const notAtAll = await person(null);
    const plan = planReach([byText, byEmail, notAtAll, byEmail], message);
    expect(plan).toMatchObject({ total: 3, byChannel: { email: 1, sms: 1, whatsapp: 0 }, unreachable: 1 });
    expect(plan.smsSegments).toBeGreaterThanOrEqual(1);
    expect(plan.smsCost).toBe(plan.smsSegments * 400);
  });

  it("is queued once per person however often it is queued, and its figures follow delivery", async () => {
    clock.set(new TZDate(2026, 11, 3, 12, 0, 0, "Africa/Lagos").getTime());
    const people = [await person("sms"), await person("email"), await person(null)];
    const broadcastId = "group-message-1";
    expect(db.transaction((tx) => enqueueBroadcast(tx, { broadcastId, recipients: [...people, people[0]!], ...message }))).toBe(3);
    expect(db.transaction((tx) => enqueueBroadcast(tx, { broadcastId, recipients: people, ...message }))).toBe(0);
    while ((await deliverDueMessages()) > 0);
    const rows = db.select().from(outbox).where(eq(outbox.broadcastId, broadcastId)).all();
    expect(rows.map((row) => [row.recipient, row.status, row.channel]).sort()).toEqual(
      [
        [people[0]!.email, "sent", "sms"],
        [people[1]!.email, "sent", "email"],
        [people[2]!.email, "skipped", "email"],
      ].sort(),
    );
    const text = rows.find((row) => row.channel === "sms")!;
    await rig.termii.report(text.providerMessageId!, "Delivered");
    expect(broadcastFigures(broadcastId)).toEqual({
      total: 3,
      sent: 2,
      pending: 0,
      skipped: 1,
      failed: 0,
      byChannel: { email: { sent: 1, delivered: 0, read: 0, failed: 0 }, sms: { sent: 1, delivered: 1, read: 0, failed: 0 }, whatsapp: { sent: 0, delivered: 0, read: 0, failed: 0 } },
    });
  });
});
