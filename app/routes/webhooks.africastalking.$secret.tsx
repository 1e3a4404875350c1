import type { ActionFunctionArgs } from "react-router";
import { isAfricasTalkingCallbackAddress, receiveAfricasTalkingCallback } from "~/modules/outbox/index.server";
import { readBodyWithin } from "~/utils/body-limit.server";

// A delivery report is a handful of form fields.
const MAX_CALLBACK_BYTES = 64_000;

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

export function loader() {
  return new Response("Method Not Allowed: Africa's Talking posts delivery reports here.", { status: 405, headers: { Allow: "POST", ...TEXT } });
}

/**
 * Africa's Talking's delivery reports and SMS opt-outs. They are unsigned: the secret in the address
 * is the check (exempt from the same-site check), and a wrong one is answered before the body is read.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();
  const secret = params.secret ?? "";
  if (!isAfricasTalkingCallbackAddress(secret)) return new Response("Not Found", { status: 404, headers: TEXT });
  const body = await readBodyWithin(request, MAX_CALLBACK_BYTES);
  if (!body) return new Response("Payload Too Large", { status: 413, headers: { Connection: "close", ...TEXT } });
  const reply = receiveAfricasTalkingCallback(secret, new TextDecoder().decode(body));
  return new Response(reply.body, { status: reply.status, headers: TEXT });
}
