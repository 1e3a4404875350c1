import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { deliveryReports, outbox, smsOptOuts, type Channel } from "~db/schema";
import { contactOf, setVerifiedPhone, setWhatsAppOptIn } from "~/modules/outbox/index.server";
import { loader as whatsappHandshake } from "~/routes/webhooks.whatsapp";
import { AT_TEST_CALLBACK_SECRET } from "../support/africas-talking-stand-in";
import { createUser, loadContext, routeArgs } from "../support/factories";
import { startMessagingRig, type MessagingRig } from "../support/messaging-rig";
import { termiiSignature } from "../support/termii-stand-in";
import { WHATSAPP_TEST_VERIFY_TOKEN, whatsappSignature } from "../support/whatsapp-stand-in";

// Delivery reports reach the outbox row they are about through each provider's callback route:
// only when signed (or sent to the secret address), each status once, in whatever order they come.

let rig: MessagingRig;
beforeAll(async () => {
  rig = await startMessagingRig();
});
afterAll(async () => {
  await rig.close();
});

/** An outbox row as the worker leaves it once a provider took the message. */
function sentMessage(channel: Channel, provider: string, providerMessageId: string, sentTo = "+2348031234567") {
  const id = randomUUID();
  const now = Date.now();
  db.insert(outbox)
    .values({ id, recipient: "someone@example.org", template: "event-reminder", props: {}, status: "sent", nextAttemptAt: now, createdAt: now, sentAt: now })
    .run();
  db.update(outbox).set({ channel, sentTo, provider, providerMessageId, deliveryStatus: "sent", deliveryStatusAt: now }).where(eq(outbox.id, id)).run();
  return id;
}

const row = (id: string) => db.select().from(outbox).where(eq(outbox.id, id)).get()!;
const reportsFor = (id: string) => db.select({ status: deliveryReports.status }).from(deliveryReports).where(eq(deliveryReports.outboxId, id)).all().map((r) => r.status).sort();
const snapshot = () => ({
  reports: db.select({ n: count() }).from(deliveryReports).get()!.n,
  optOuts: db.select({ n: count() }).from(smsOptOuts).get()!.n,
  outbox: db.select().from(outbox).all(),
});

describe("Termii's delivery reports", () => {
  it("are refused with 401 and change nothing unless signed with the secret key over these exact bytes", async () => {
    const id = sentMessage("sms", "termii", "9100000000000000001");
    const body = rig.termii.reportBody("9100000000000000001", "Delivered");
    const before = snapshot();
    expect((await rig.termii.send(body, { signature: null })).status).toBe(401);
    expect((await rig.termii.send(body, { signature: "deadbeef" })).status).toBe(401);
    expect((await rig.termii.send(body, { secret: "someone else's secret" })).status).toBe(401);
    expect((await rig.termii.send(body.replace("Delivered", "Rejected"), { signature: termiiSignature(body) })).status).toBe(401);
    expect(snapshot()).toEqual(before);

    expect(await rig.termii.send(body, { signature: termiiSignature(body).toUpperCase() })).toEqual({ status: 200, text: "applied 1 of 1" });
    expect(row(id).deliveryStatus).toBe("delivered");
  });

  it("count each status once, and a late 'sent' never undoes 'delivered'", async () => {
    const id = sentMessage("sms", "termii", "9100000000000000002");
    for (const status of ["Delivered", "Message Sent", "Delivered"] as const) {
      expect((await rig.termii.report("9100000000000000002", status)).status).toBe(200);
    }
    expect(reportsFor(id)).toEqual(["delivered", "sent"]);
    expect(row(id).deliveryStatus).toBe("delivered");
  });

  it("answer a signed body that is not JSON with 400, and one that is no report with 200, writing nothing", async () => {
    const before = snapshot();
    expect((await rig.termii.send("not json")).status).toBe(400);
    expect(await rig.termii.send(JSON.stringify({ hello: "world" }))).toEqual({ status: 200, text: "nothing to apply" });
    expect(snapshot()).toEqual(before);
  });
});

describe("Africa's Talking's callbacks", () => {
  const atAddress = (secret: string) => `${rig.receiverUrl}/webhooks/africastalking/${secret}`;

  it("are a missing page at any address but the secret one, and change nothing there", async () => {
    const id = sentMessage("sms", "africastalking", "ATXid_wrong_address");
    const before = snapshot();
    for (const secret of ["not-the-secret", AT_TEST_CALLBACK_SECRET.slice(0, -1), `${AT_TEST_CALLBACK_SECRET}x`]) {
      expect((await rig.africasTalking.report("ATXid_wrong_address", "Success", { url: atAddress(secret) })).status).toBe(404);
    }
    expect((await rig.africasTalking.optOut("+2348030000001", { url: atAddress("not-the-secret") })).status).toBe(404);
    expect(snapshot()).toEqual(before);
    expect((await rig.africasTalking.report("ATXid_wrong_address", "Success")).status).toBe(200);
    expect(row(id).deliveryStatus).toBe("delivered");
  });

  it("move a blacklisted number's message on to the next channel and stop texting that number", async () => {
    const id = sentMessage("sms", "africastalking", "ATXid_blacklisted", "+2348035550001");
    expect((await rig.africasTalking.report("ATXid_blacklisted", "Buffered")).status).toBe(200);
    expect((await rig.africasTalking.report("ATXid_blacklisted", "Failed", { failureReason: "UserInBlackList" })).status).toBe(200);
    const after = row(id);
    expect(after.status).toBe("pending");
    expect(after.failedChannels.map((f) => f.channel)).toEqual(["sms"]);
    expect(db.select().from(smsOptOuts).where(eq(smsOptOuts.phone, "+2348035550001")).get()?.source).toBe("africastalking");
  });

  it("record an opt-out notice for the number that stopped our sender id", async () => {
    expect(await rig.africasTalking.optOut("+2348035550002")).toEqual({ status: 200, text: "opted out" });
    expect(db.select().from(smsOptOuts).where(eq(smsOptOuts.phone, "+2348035550002")).get()?.source).toBe("africastalking");
  });
});

describe("the WhatsApp webhook", () => {
  async function handshake(query: Record<string, string>) {
    const request = new Request(`http://localhost:3000/webhooks/whatsapp?${new URLSearchParams(query)}`);
    const response = whatsappHandshake(routeArgs({ request, params: {}, context: loadContext() }));
    return { status: response.status, text: await response.text(), type: response.headers.get("content-type") };
  }

  it("answers Meta's handshake with the challenge only for our verify token", async () => {
    const good = { "hub.mode": "subscribe", "hub.verify_token": WHATSAPP_TEST_VERIFY_TOKEN, "hub.challenge": "1158201444" };
    expect(await handshake(good)).toEqual({ status: 200, text: "1158201444", type: "text/plain; charset=utf-8" });
    expect((await handshake({ ...good, "hub.verify_token": "guess" })).status).toBe(403);
    expect((await handshake({ ...good, "hub.mode": "unsubscribe" })).status).toBe(403);
    expect((await handshake({})).status).toBe(403);
  });

  it("refuses an unsigned or wrongly signed delivery with 401 and changes nothing", async () => {
    const id = sentMessage("whatsapp", "whatsapp", "wamid.forged");
    const body = rig.whatsapp.statusesBody([{ messageId: "wamid.forged", status: "read" }]);
    const before = snapshot();
    expect((await rig.whatsapp.send(body, { signature: null })).status).toBe(401);
    expect((await rig.whatsapp.send(body, { signature: whatsappSignature(body).replace("sha256=", "") })).status).toBe(401);
    expect((await rig.whatsapp.send(body, { secret: "another app's secret" })).status).toBe(401);
    expect(snapshot()).toEqual(before);
    expect((await rig.whatsapp.send(body)).status).toBe(200);
    expect(row(id).deliveryStatus).toBe("read");
  });

  it("keeps the furthest status of statuses that arrive out of order and twice, dated by Meta", async () => {
    const id = sentMessage("whatsapp", "whatsapp", "wamid.shuffled");
    const t = 1_796_000_000;
    const read = { messageId: "wamid.shuffled", status: "read" as const, timestamp: t + 30 };
    const delivered = { messageId: "wamid.shuffled", status: "delivered" as const, timestamp: t + 10 };
    expect((await rig.whatsapp.send(rig.whatsapp.statusesBody([read, delivered]))).status).toBe(200);
    expect((await rig.whatsapp.send(rig.whatsapp.statusesBody([{ messageId: "wamid.shuffled", status: "sent", timestamp: t }, delivered]))).status).toBe(200);
    expect(reportsFor(id)).toEqual(["delivered", "read", "sent"]);
    expect(row(id)).toMatchObject({ deliveryStatus: "read", deliveryStatusAt: (t + 30) * 1000 });
  });

  it("moves a message WhatsApp could not deliver on to the next channel, saying why", async () => {
    const id = sentMessage("whatsapp", "whatsapp", "wamid.undeliverable");
    const body = rig.whatsapp.statusesBody([{ messageId: "wamid.undeliverable", status: "failed", error: { code: 131026, title: "Message undeliverable" } }]);
    expect((await rig.whatsapp.send(body)).status).toBe(200);
    const after = row(id);
    expect(after.status).toBe("pending");
    expect(after.failedChannels).toEqual([expect.objectContaining({ channel: "whatsapp", reason: "131026 Message undeliverable" })]);
  });

  it("takes someone who replies STOP off WhatsApp, and ignores a STOP from a number no account holds", async () => {
    const user = await createUser();
    const now = Date.now();
    db.transaction((tx) => {
      setVerifiedPhone(tx, { userId: user.id, email: user.email, phone: "+2348039876543", now });
      setWhatsAppOptIn(tx, user.id, true, now);
    });
    expect(contactOf(user.id)?.whatsappOptInAt).toBe(now);

    expect(await rig.whatsapp.send(rig.whatsapp.incomingTextBody("2348039876543", "Hello"))).toEqual({ status: 200, text: "nothing to apply" });
    expect(contactOf(user.id)?.whatsappOptInAt).toBe(now);
    const before = snapshot();
    expect(await rig.whatsapp.send(rig.whatsapp.incomingTextBody("2348030000999", "STOP"))).toEqual({ status: 200, text: "nothing to apply" });
    expect(snapshot()).toEqual(before);

    expect(await rig.whatsapp.send(rig.whatsapp.incomingTextBody("2348039876543", " stop "))).toEqual({ status: 200, text: "nothing to apply; 1 opted out" });
    expect(contactOf(user.id)?.whatsappOptInAt).toBeNull();
    expect(contactOf(user.id)?.phone).toBe("+2348039876543");
  });
});
