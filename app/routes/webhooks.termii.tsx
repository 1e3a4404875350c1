import type { ActionFunctionArgs } from "react-router";
import { receiveTermiiReports } from "~/modules/outbox/index.server";
import { readBodyWithin } from "~/utils/body-limit.server";

// Termii's delivery reports are a few hundred bytes; anything near this is not from Termii.
const MAX_REPORT_BYTES = 1_000_000;

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

function methodNotAllowed() {
  return new Response("Method Not Allowed: Termii posts delivery reports here.", { status: 405, headers: { Allow: "POST", ...TEXT } });
}

export function loader() {
  return methodNotAllowed();
}

/** Termii's SMS delivery reports: checked by signature (exempt from the same-site check). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const body = await readBodyWithin(request, MAX_REPORT_BYTES);
  if (!body) return new Response("Payload Too Large", { status: 413, headers: { Connection: "close", ...TEXT } });
  const reply = receiveTermiiReports(new TextDecoder().decode(body), request.headers.get("x-termii-signature"));
  return new Response(reply.body, { status: reply.status, headers: TEXT });
}
