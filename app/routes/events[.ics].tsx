import { CALENDAR_CONTENT_TYPE, publicFeedIcs } from "~/modules/events/index.server";

// The organisation's published events, for calendar apps to subscribe to.
export function loader() {
  return new Response(publicFeedIcs(), {
    headers: { "Content-Type": CALENDAR_CONTENT_TYPE, "Cache-Control": "public, max-age=900" },
  });
}
