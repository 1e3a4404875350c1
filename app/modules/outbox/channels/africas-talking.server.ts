import { z } from "zod";
import { callProvider } from "./provider-http.server";
import type { AfricasTalkingSettings } from "./settings.server";
import { ChannelRefusal, type SmsGateway } from "./types";

// Africa's Talking's answer to POST /version1/messaging: one entry per recipient.
const recipient = z.object({
  statusCode: z.coerce.number().int(),
  number: z.string().optional(),
  status: z.string(),
  messageId: z.string().optional(),
  messageParts: z.coerce.number().int().positive().optional(),
});
const answerSchema = z.object({ SMSMessageData: z.object({ Message: z.string().optional(), Recipients: z.array(recipient) }) });

// 100 Processed, 101 Sent, 102 Queued: taken. The recipient's own refusals can never succeed on a
// retry; the account's (401 RiskHold, 402 InvalidSenderId, 405 InsufficientBalance) and the
// gateway's (5xx) can, so those are retried.
const TAKEN = new Set([100, 101, 102]);
const REFUSED_NUMBER = new Map<number, { reason: string; optedOut: boolean }>([
  [403, { reason: "InvalidPhoneNumber", optedOut: false }],
  [404, { reason: "UnsupportedNumberType", optedOut: false }],
  [406, { reason: "UserInBlacklist", optedOut: true }],
  [407, { reason: "CouldNotRoute", optedOut: false }],
  [409, { reason: "DoNotDisturbRejection", optedOut: false }],
]);

/** SMS through Africa's Talking's bulk messaging endpoint (form-encoded, `apiKey` header). */
export function africasTalkingGateway(settings: AfricasTalkingSettings): SmsGateway {
  return {
    key: "africastalking",
    async send(message) {
      const form = new URLSearchParams({ username: settings.username, to: message.to, message: message.text });
      if (settings.senderId) form.set("from", settings.senderId);
      const answer = await callProvider("Africa's Talking", `${settings.apiUrl}/version1/messaging`, {
        method: "POST",
        headers: { apiKey: settings.apiKey, Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
      if (answer.status < 200 || answer.status >= 300) throw new Error(`Africa's Talking refused the request (${answer.status}): ${answer.text.slice(0, 200)}`);
      const parsed = answerSchema.safeParse(answer.json);
      if (!parsed.success) throw new Error(`Africa's Talking's answer (${answer.status}) has an unexpected shape`);
      const first = parsed.data.SMSMessageData.Recipients[0];
      // No recipient at all: the request as a whole was refused (an unapproved sender id, say).
      if (!first) throw new Error(`Africa's Talking sent nothing: ${parsed.data.SMSMessageData.Message ?? "no recipients"}`);
      const refusal = REFUSED_NUMBER.get(first.statusCode);
      if (refusal) throw new ChannelRefusal(`Africa's Talking refused the number: ${first.status || refusal.reason}`, refusal.optedOut);
      if (!TAKEN.has(first.statusCode) || !first.messageId || first.messageId === "None") {
        throw new Error(`Africa's Talking did not send it: ${first.statusCode} ${first.status}`);
      }
      return { provider: "africastalking", providerMessageId: first.messageId, ...(first.messageParts ? { segments: first.messageParts } : {}) };
    },
  };
}
