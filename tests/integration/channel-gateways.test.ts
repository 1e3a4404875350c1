import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { updateOrganisation } from "~/modules/organisation/index.server";
import { ChannelRefusal } from "~/modules/outbox/channels/types";
import { smsGateway, whatsappGateway } from "~/modules/outbox/index.server";
import { AT_TEST_SENDER, AT_TEST_USERNAME } from "../support/africas-talking-stand-in";
import { startMessagingRig, type MessagingRig } from "../support/messaging-rig";
import { TERMII_TEST_KEY, TERMII_TEST_SENDER } from "../support/termii-stand-in";
import { WHATSAPP_TEST_PHONE_NUMBER_ID, WHATSAPP_TEST_TOKEN } from "../support/whatsapp-stand-in";

// Each provider's client against its stand-in on loopback: what goes over the wire, what a taken
// message answers, which refusals move a message to the next channel and which are retried.

let rig: MessagingRig;
beforeAll(async () => {
  rig = await startMessagingRig();
});
afterAll(async () => {
  await rig.close();
});

const message = (text = "Your place at Saturday's workshop is confirmed.") => ({ to: "+2348031234567", text, reference: "outbox-message-1" });

/** The error a send failed with, to look at its kind. */
async function failureOf(send: Promise<unknown>): Promise<Error> {
  const error = await send.then(
    () => null,
    (reason: Error) => reason,
  );
  if (!error) throw new Error("the send was expected to fail");
  return error;
}

describe("SMS through Termii", () => {
  beforeEach(() => updateOrganisation({ smsProvider: "termii" }));

  it("posts the documented body on the dnd route and answers with Termii's message id", async () => {
    const gateway = smsGateway()!;
    expect(gateway.key).toBe("termii");
    const accepted = await gateway.send(message());
    expect(rig.termii.requests.at(-1)).toEqual({
      to: "2348031234567",
      from: TERMII_TEST_SENDER,
      sms: "Your place at Saturday's workshop is confirmed.",
      type: "plain",
      channel: "dnd",
      api_key: TERMII_TEST_KEY,
    });
    expect(accepted).toEqual({ provider: "termii", providerMessageId: rig.termii.sent.at(-1)!.messageId });
    // What Playwright's workers read, from another process.
    expect(await (await fetch(`${rig.termii.url}/_test/sent`)).json()).toEqual(rig.termii.sent);
  });

  it("keeps all 19 digits of an id Termii writes as a bare number", async () => {
    rig.termii.useNumericIds(true);
    try {
      const accepted = await smsGateway()!.send(message());
      expect(accepted.providerMessageId).toMatch(/^\d{19}$/);
      expect(accepted.providerMessageId).toBe(rig.termii.sent.at(-1)!.messageId);
    } finally {
      rig.termii.useNumericIds(false);
    }
  });

  it("refuses a bad number for good, and retries an account problem or an outage", async () => {
    const before = rig.termii.sent.length;
    rig.termii.failNext("invalid-number");
    const refused = await failureOf(smsGateway()!.send(message()));
    expect(refused).toBeInstanceOf(ChannelRefusal);
    expect((refused as ChannelRefusal).optedOut).toBe(false);

    rig.termii.failNext("low-balance");
    const balance = await failureOf(smsGateway()!.send(message()));
    expect(balance).not.toBeInstanceOf(ChannelRefusal);
    expect(balance.message).toMatch(/Insufficient balance/);

    rig.termii.failNext("server-error");
    const outage = await failureOf(smsGateway()!.send(message()));
    expect(outage).not.toBeInstanceOf(ChannelRefusal);
    expect(outage.message).toMatch(/503/);
    expect(rig.termii.sent.length).toBe(before);
  });
});

describe("SMS through Africa's Talking", () => {
  beforeEach(() => updateOrganisation({ smsProvider: "africastalking" }));

  it("posts the documented form with the apiKey header and counts the segments it reports", async () => {
    const gateway = smsGateway()!;
    expect(gateway.key).toBe("africastalking");
    const long = "Step 6 opens tomorrow: ".padEnd(200, "x");
    const accepted = await gateway.send(message(long));
    const request = rig.africasTalking.requests.at(-1)!;
    expect(request.form).toEqual({ username: AT_TEST_USERNAME, to: "+2348031234567", message: long, from: AT_TEST_SENDER });
    expect(request.headers.apikey).toBe(process.env.AT_API_KEY);
    expect(request.headers.accept).toBe("application/json");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(accepted).toEqual({ provider: "africastalking", providerMessageId: rig.africasTalking.sent.at(-1)!.messageId, segments: 2 });
  });

  it("refuses an invalid or blacklisted number for good, marking the blacklisted one as opted out", async () => {
    rig.africasTalking.failNext("invalid-number");
    const invalid = await failureOf(smsGateway()!.send(message()));
    expect(invalid).toBeInstanceOf(ChannelRefusal);
    expect((invalid as ChannelRefusal).optedOut).toBe(false);

    rig.africasTalking.failNext("blacklisted");
    const blacklisted = await failureOf(smsGateway()!.send(message()));
    expect(blacklisted).toBeInstanceOf(ChannelRefusal);
    expect((blacklisted as ChannelRefusal).optedOut).toBe(true);
  });

  it("retries a low balance and a server error", async () => {
    rig.africasTalking.failNext("low-balance");
    expect(await failureOf(smsGateway()!.send(message()))).not.toBeInstanceOf(ChannelRefusal);
    rig.africasTalking.failNext("server-error");
    const outage = await failureOf(smsGateway()!.send(message()));
    expect(outage).not.toBeInstanceOf(ChannelRefusal);
    expect(outage.message).toMatch(/500/);
  });
});

describe("WhatsApp through the Cloud API", () => {
  const template = { name: "event_reminder", language: "en_GB", params: ["Saturday workshop", "10:00"] };

  it("posts a template message with its body parameters and answers with the wamid", async () => {
    const accepted = await whatsappGateway()!.send({ to: "+2348031234567", template, reference: "outbox-message-2" });
    const request = rig.whatsapp.requests.at(-1)!;
    expect(request.path).toBe(`/v25.0/${WHATSAPP_TEST_PHONE_NUMBER_ID}/messages`);
    expect(request.headers.authorization).toBe(`Bearer ${WHATSAPP_TEST_TOKEN}`);
    expect(request.body).toEqual({
      messaging_product: "whatsapp",
      to: "+2348031234567",
      type: "template",
      template: {
        name: "event_reminder",
        language: { code: "en_GB" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Saturday workshop" }, { type: "text", text: "10:00" }] }],
      },
      biz_opaque_callback_data: "outbox-message-2",
    });
    expect(accepted).toEqual({ provider: "whatsapp", providerMessageId: rig.whatsapp.sent.at(-1)!.messageId });
    expect(accepted.providerMessageId).toMatch(/^wamid\./);
  });

  it("refuses a number that cannot get WhatsApp for good, and retries a rate limit or an outage", async () => {
    rig.whatsapp.failNext("not-on-whatsapp");
    const refused = await failureOf(whatsappGateway()!.send({ to: "+2348031234567", template, reference: "r" }));
    expect(refused).toBeInstanceOf(ChannelRefusal);
    expect(refused.message).toMatch(/131026/);

    rig.whatsapp.failNext("rate-limited");
    expect(await failureOf(whatsappGateway()!.send({ to: "+2348031234567", template, reference: "r" }))).not.toBeInstanceOf(ChannelRefusal);
    rig.whatsapp.failNext("server-error");
    expect(await failureOf(whatsappGateway()!.send({ to: "+2348031234567", template, reference: "r" }))).not.toBeInstanceOf(ChannelRefusal);
  });
});

describe("which gateways there are", () => {
  it("has none for a provider whose keys this server does not hold", () => {
    const saved = { ...process.env };
    try {
      updateOrganisation({ smsProvider: "termii" });
      delete process.env.TERMII_SENDER_ID;
      expect(smsGateway()).toBeNull();
      updateOrganisation({ smsProvider: "africastalking" });
      expect(smsGateway()?.key).toBe("africastalking");
      delete process.env.AT_API_KEY;
      expect(smsGateway()).toBeNull();
      delete process.env.WHATSAPP_TOKEN;
      expect(whatsappGateway()).toBeNull();
    } finally {
      Object.assign(process.env, saved);
    }
  });
});
