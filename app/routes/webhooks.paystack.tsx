import type { ActionFunctionArgs } from "react-router";
import { handleProviderWebhook } from "~/modules/sponsorship/index.server";
import { readBodyWithin } from "~/utils/body-limit.server";

// Paystack's events are far smaller; anything bigger is not from Paystack.
const MAX_WEBHOOK_BYTES = 1_000_000;

function methodNotAllowed() {
  return new Response("Method Not Allowed: Paystack posts events here.", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
}

// Nothing to see: a GET is answered plainly rather than as a missing page.
export function loader() {
  return methodNotAllowed();
}

/** Paystack's event deliveries: checked by signature (exempt from the same-site check), answered quickly. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const body = await readBodyWithin(request, MAX_WEBHOOK_BYTES);
  if (!body) return new Response("Payload Too Large", { status: 413, headers: { Connection: "close", "Content-Type": "text/plain; charset=utf-8" } });
  const reply = handleProviderWebhook("paystack", {
    rawBody: new TextDecoder().decode(body),
    header: (name) => request.headers.get(name),
    clientIp: context.clientIp,
  });
  return new Response(reply.body, { status: reply.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
