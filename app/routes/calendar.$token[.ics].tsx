import type { LoaderFunctionArgs } from "react-router";
import { notFound } from "~/utils/http.server";
import { CALENDAR_CONTENT_TYPE, personalFeedIcs } from "~/modules/events/index.server";

// A person's private feed of confirmed events: the unguessable token is the only key.
export function loader({ params }: LoaderFunctionArgs) {
  const ics = personalFeedIcs(params.token ?? "");
  if (ics === null) notFound("This calendar address is not in use.");
  return new Response(ics, {
    headers: { "Content-Type": CALENDAR_CONTENT_TYPE, "Cache-Control": "private, max-age=300", "Referrer-Policy": "no-referrer" },
  });
}
