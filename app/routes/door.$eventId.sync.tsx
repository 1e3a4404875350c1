import type { ActionFunctionArgs } from "react-router";
import { deviceSyncSchema } from "~/modules/events";
import { syncDoor } from "~/modules/events/index.server";
import { requireDoorEvent } from "~/routes/helpers/door-event.server";
import { readBodyWithin } from "~/utils/body-limit.server";
import { notFound } from "~/utils/http.server";

// A door phone sends its queue of check-ins and walk-ins here (ADR 0036); the answer says what
// became of each and carries the fresh door list.

/** A thousand check-ins and walk-ins with their answers fit well inside this. */
const MAX_SYNC_BYTES = 2_000_000;

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

export function loader() {
  return plain(405, "Method Not Allowed: the door page's script posts check-ins here.", { Allow: "POST" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();
  const { checker, event } = requireDoorEvent(request, params.eventId);
  const body = await readBodyWithin(request, MAX_SYNC_BYTES);
  if (!body) return plain(413, "Payload Too Large: send the queue in smaller parts.", { Connection: "close" });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return plain(400, "Bad Request: the body is not JSON.");
  }
  const sync = deviceSyncSchema.safeParse(json);
  if (!sync.success) return Response.json({ error: sync.error.issues[0]?.message ?? "The queue is not in the expected shape." }, { status: 400, headers: { "Cache-Control": "no-store" } });
  const reply = syncDoor({ eventId: event.id, by: checker.id, sync: sync.data });
  if (!reply) notFound();
  return Response.json(reply, { headers: { "Cache-Control": "no-store" } });
}
