import { z } from "zod";
import { callProvider } from "./provider-http.server";
import type { WhatsAppSettings } from "./settings.server";
import { ChannelRefusal, type WhatsAppGateway } from "./types";

const sent = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const failure = z.object({
  error: z.object({ code: z.number().int(), message: z.string().optional(), error_data: z.object({ details: z.string() }).partial().optional() }),
});

/**
 * Meta's error codes for a recipient this business can never reach on WhatsApp (its Cloud API
 * error-codes page): not a WhatsApp user or not on current terms (131026), outside the 24-hour window
 * (131047), stopped our marketing (131050), held back by Meta (131049, 130472), not on a test
 * number's allowed list (131030), or the sender itself (131021). Rate limits, outages and token
 * problems are retried.
 */
const UNREACHABLE = new Set([131026, 131047, 131050, 131049, 130472, 131030, 131021]);

/** Template messages through the WhatsApp Cloud API. */
export function whatsappGateway(settings: WhatsAppSettings): WhatsAppGateway {
  return {
    key: "whatsapp",
    async send(message) {
      const { name, language, params } = message.template;
      const body = {
        messaging_product: "whatsapp",
        to: message.to,
        type: "template",
        template: {
          name,
          language: { code: language },
          ...(params.length ? { components: [{ type: "body", parameters: params.map((text) => ({ type: "text", text })) }] } : {}),
        },
        // Echoed in the status webhooks, so a report can be traced to its outbox row.
        biz_opaque_callback_data: message.reference,
      };
      const answer = await callProvider("WhatsApp", `${settings.apiUrl}/${settings.version}/${settings.phoneNumberId}/messages`, {
        method: "POST",
        headers: { Authorization: `Bearer ${settings.token}`, "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      if (answer.status >= 200 && answer.status < 300) {
        const parsed = sent.safeParse(answer.json);
        if (!parsed.success) throw new Error(`WhatsApp's answer (${answer.status}) has no message id`);
        return { provider: "whatsapp", providerMessageId: parsed.data.messages[0].id };
      }
      const error = failure.safeParse(answer.json);
      if (!error.success) throw new Error(`WhatsApp refused the message (${answer.status})`);
      const { code, message: text, error_data } = error.data.error;
      const reason = `${code} ${error_data?.details ?? text ?? ""}`.trim();
      if (UNREACHABLE.has(code)) throw new ChannelRefusal(`WhatsApp cannot reach the number: ${reason}`);
      throw new Error(`WhatsApp refused the message: ${reason}`);
    },
  };
}
