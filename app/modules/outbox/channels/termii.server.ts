import { z } from "zod";
import { callProvider, digitsOf } from "./provider-http.server";
import type { TermiiSettings } from "./settings.server";
import { parseTermiiJson, termiiMessageId } from "./termii-reports.server";
import { ChannelRefusal, type SmsGateway } from "./types";

// Termii's answer to POST /api/sms/send (its Messaging API page); newer answers add `code` and `message_id_str`.
const sent = z.object({ message_id: termiiMessageId.optional(), message_id_str: z.string().min(1).optional(), message: z.string().optional() });
const refused = z.object({ message: z.string() }).or(z.object({ error: z.string() }).transform(({ error }) => ({ message: error })));

// A refusal about the recipient can never succeed on a retry; one about the account (key, sender
// id, balance) can once an organiser fixes it, so that is retried.
const ABOUT_THE_NUMBER = /phone|number|recipient|destination/i;

/** SMS through Termii's Messaging API, on the `dnd` route so numbers on the Do-Not-Disturb list still get them. */
export function termiiGateway(settings: TermiiSettings): SmsGateway {
  return {
    key: "termii",
    async send(message) {
      const answer = await callProvider("Termii", `${settings.apiUrl}/api/sms/send`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ to: digitsOf(message.to), from: settings.senderId, sms: message.text, type: "plain", channel: "dnd", api_key: settings.apiKey }),
      });
      let json: unknown = null;
      try {
        json = parseTermiiJson(answer.text);
      } catch {
        // Not JSON: reported below with the status.
      }
      if (answer.status >= 200 && answer.status < 300) {
        const parsed = sent.safeParse(json);
        const id = parsed.success ? (parsed.data.message_id_str ?? parsed.data.message_id) : undefined;
        if (!id) throw new Error(`Termii's answer (${answer.status}) has no message id`);
        return { provider: "termii", providerMessageId: id };
      }
      const reason = refused.safeParse(json);
      const text = reason.success ? reason.data.message : `Termii answered ${answer.status}`;
      if (reason.success && ABOUT_THE_NUMBER.test(text)) throw new ChannelRefusal(`Termii refused the number: ${text}`);
      throw new Error(`Termii refused the message: ${text}`);
    },
  };
}
