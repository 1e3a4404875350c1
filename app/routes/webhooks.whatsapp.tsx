import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import { answerWhatsAppHandshake, receiveWhatsAppWebhook } from "~/modules/outbox/index.server";
import { readBodyWithin } from "~/utils/body-limit.server";

// Meta batches statuses, but a delivery this size is not one of them.
const MAX_WEBHOOK_BYTES = 1_000_000;

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/** Meta's subscription handshake: the challenge comes back only for our verify token. */
export function loader({ request }: LoaderFunctionArgs) {
  const reply = answerWhatsAppHandshake(new URL(request.url).searchParams);
  return new Response(reply.body, { status: reply.status, headers: TEXT });
}

/** The Cloud API's message statuses and replies: checked by signature (exempt from the same-site check). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "GET, POST", ...TEXT } });
  const body = await readBodyWithin(request, MAX_WEBHOOK_BYTES);
  if (!body) return new Response("Payload Too Large", { status: 413, headers: { Connection: "close", ...TEXT } });
  const reply = receiveWhatsAppWebhook(new TextDecoder().decode(body), request.headers.get("x-hub-signature-256"));
  return new Response(reply.body, { status: reply.status, headers: TEXT });
}
