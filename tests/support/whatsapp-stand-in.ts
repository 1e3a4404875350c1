import { createHmac, randomBytes } from "node:crypto";
import { deliver, failureQueue, SENT_PATH, startStandInServer, type Delivered, type StandInRequest, type StandInReply } from "./stand-in-http";

/**
 * A local stand-in for the WhatsApp Cloud API's `POST /{version}/{phone-number-id}/messages` on a
 * free port of 127.0.0.1. It checks the Bearer token and the business number, records every
 * template message, answers as Meta's reference shows, refuses as its error codes say (131026 for
 * a number that cannot get WhatsApp), and sends webhook deliveries signed as Meta signs them
 * (`X-Hub-Signature-256: sha256=` HMAC-SHA256 of the body under the app secret).
 */

// `test_` tokens are the ones production allows against a stand-in on loopback.
export const WHATSAPP_TEST_TOKEN = "test_whatsapp_steppingstone_local";
export const WHATSAPP_TEST_PHONE_NUMBER_ID = "106540352242922";
export const WHATSAPP_TEST_APP_SECRET = "whatsapp_app_secret_steppingstone_local";
export const WHATSAPP_TEST_VERIFY_TOKEN = "whatsapp-verify-steppingstone-local";

export type WhatsAppSent = { to: string; name: string; language: string; params: string[]; reference: string | null; messageId: string; body: Record<string, unknown> };
export type WhatsAppFailure = "server-error" | "not-on-whatsapp" | "rate-limited";
export type WhatsAppStatus = "sent" | "delivered" | "read" | "failed";
export type StatusUpdate = { messageId: string; status: WhatsAppStatus; timestamp?: number; error?: { code: number; title: string } };

export type WhatsAppStandIn = {
  url: string;
  sent: WhatsAppSent[];
  requests: { path: string; headers: Record<string, string | string[] | undefined>; body: unknown }[];
  failNext(kind: WhatsAppFailure, times?: number): void;
  setWebhookUrl(url: string): void;
  /** One webhook delivery body carrying these status updates, in this order. */
  statusesBody(updates: StatusUpdate[]): string;
  /** One webhook delivery body carrying a text message from a number (digits without the plus). */
  incomingTextBody(from: string, text: string): string;
  /** Signs a body with the app secret (or `secret`) and POSTs it to the app; `signature: null` sends none. */
  send(body: string, options?: { secret?: string; signature?: string | null }): Promise<Delivered>;
  close(): Promise<void>;
};

export function whatsappSignature(body: string, secret = WHATSAPP_TEST_APP_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

const graphError = (code: number, message: string, details: string) => ({
  error: { message: `(#${code}) ${message}`, type: "OAuthException", code, error_data: { messaging_product: "whatsapp", details }, fbtrace_id: "AStandInTrace" },
});

const parametersOf = (template: Record<string, unknown>): string[] => {
  const components = (template.components ?? []) as { type: string; parameters?: { type: string; text: string }[] }[];
  return components.filter((c) => c.type === "body").flatMap((c) => (c.parameters ?? []).map((p) => p.text));
};

export async function startWhatsAppStandIn(): Promise<WhatsAppStandIn> {
  const sent: WhatsAppSent[] = [];
  const requests: WhatsAppStandIn["requests"] = [];
  const failures = failureQueue<WhatsAppFailure>();
  let webhookUrl = "";

  function take(request: StandInRequest): StandInReply {
    if (request.method === "GET" && request.path === SENT_PATH) return { status: 200, body: sent };
    const match = /^\/(v\d+\.\d+)\/(\d+)\/messages$/.exec(request.path);
    if (request.method !== "POST" || !match) return { status: 404, body: graphError(100, "Unsupported request", "Unknown path") };
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return { status: 400, body: graphError(100, "Invalid parameter", "The body is not JSON") };
    }
    requests.push({ path: request.path, headers: request.headers, body });
    if (request.headers.authorization !== `Bearer ${WHATSAPP_TEST_TOKEN}`) return { status: 401, body: graphError(190, "Invalid OAuth access token", "Invalid token") };
    if (match[2] !== WHATSAPP_TEST_PHONE_NUMBER_ID) return { status: 400, body: graphError(100, "Invalid parameter", "Unknown phone number id") };
    const failure = failures.take();
    if (failure === "server-error") return { status: 500, body: graphError(131000, "Something went wrong", "Internal error") };
    if (failure === "rate-limited") return { status: 400, body: graphError(130429, "Rate limit hit", "Cloud API message throughput has been reached") };
    if (failure === "not-on-whatsapp") return { status: 400, body: graphError(131026, "Message undeliverable", "Message Undeliverable.") };
    const template = (body.template ?? {}) as Record<string, unknown>;
    if (body.messaging_product !== "whatsapp" || body.type !== "template" || typeof template.name !== "string") {
      return { status: 400, body: graphError(100, "Invalid parameter", "Only template messages are taken here") };
    }
    const to = String(body.to ?? "");
    const messageId = `wamid.${randomBytes(24).toString("base64url")}`;
    const language = ((template.language ?? {}) as { code?: string }).code ?? "";
    const reference = typeof body.biz_opaque_callback_data === "string" ? body.biz_opaque_callback_data : null;
    sent.push({ to, name: template.name, language, params: parametersOf(template), reference, messageId, body });
    return { status: 200, body: { messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to.replace(/\D/g, "") }], messages: [{ id: messageId, message_status: "accepted" }] } };
  }

  const server = await startStandInServer(take);

  const envelope = (value: Record<string, unknown>) =>
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: WHATSAPP_TEST_PHONE_NUMBER_ID }, ...value } }],
        },
      ],
    });

  function statusesBody(updates: StatusUpdate[]): string {
    return envelope({
      statuses: updates.map(({ messageId, status, timestamp, error }) => {
        const message = sent.find((m) => m.messageId === messageId);
        return {
          id: messageId,
          status,
          timestamp: String(timestamp ?? Math.floor(Date.now() / 1000)),
          recipient_id: (message?.to ?? "+2348030000000").replace(/\D/g, ""),
          ...(message?.reference ? { biz_opaque_callback_data: message.reference } : {}),
          ...(error ? { errors: [{ code: error.code, title: error.title, message: error.title, error_data: { details: error.title } }] } : {}),
        };
      }),
    });
  }

  function incomingTextBody(from: string, text: string): string {
    return envelope({
      contacts: [{ profile: { name: "A participant" }, wa_id: from }],
      messages: [{ from, id: `wamid.${randomBytes(12).toString("base64url")}`, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: text } }],
    });
  }

  return {
    url: server.url,
    sent,
    requests,
    failNext: failures.failNext,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    statusesBody,
    incomingTextBody,
    send(body, options = {}) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      const signature = options.signature === undefined ? whatsappSignature(body, options.secret) : options.signature;
      if (signature !== null) headers["x-hub-signature-256"] = signature;
      return deliver(webhookUrl, body, headers);
    },
    close: server.close,
  };
}
